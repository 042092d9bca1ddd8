"""The IPC tutorial's assignment, written afresh for ProcLab's bench (make bench).

Two processes each count to N in a local variable, then add their count to one number kept
in a numpy array over multiprocessing.shared_memory, under a multiprocessing.Semaphore; the
parent checks the total. The same operation as `proclab run shm-race processes=2
increments=N sync=local`. Prints the seconds from creating the semaphore to the last join
(the span the tutorial timed) as "seconds <s>", and the total as "final <n>".

usage: python3 ipc_assignment.py [N=50000000]
"""

import sys
import time
from multiprocessing import Process, Semaphore, shared_memory

import numpy as np


def add_locally_then_once(count, name, lock):
    local = 0
    for _ in range(count):
        local += 1
    with lock:
        block = shared_memory.SharedMemory(name=name)
        total = np.ndarray((1,), dtype=np.int64, buffer=block.buf)
        total[0] += local
        del total
        block.close()


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000
    began = time.perf_counter()
    lock = Semaphore(1)
    block = shared_memory.SharedMemory(create=True, size=8)
    try:
        total = np.ndarray((1,), dtype=np.int64, buffer=block.buf)
        total[0] = 0
        workers = [
            Process(target=add_locally_then_once, args=(count, block.name, lock))
            for _ in range(2)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - began
        final = int(total[0])
        del total
    finally:
        block.close()
        block.unlink()
    print(f"seconds {elapsed:.9g}")
    print(f"final {final}")
    return 0 if final == 2 * count else 1


if __name__ == "__main__":
    sys.exit(main())
