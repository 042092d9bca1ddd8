"""Exercise shm-semaphore: two processes add 50,000 each to one counter in shared memory.

Run it with `check` in ProcLab, or on its own: python3 shared_counter.py
(Run it a few times: the final count changes, and is mostly below 100000.)
"""

import multiprocessing
from multiprocessing import shared_memory

WORKERS = 2
INCREMENTS = 50_000


def add(name, start_line, lock):
    block = shared_memory.SharedMemory(name=name)  # attach to the block by its name
    counter = block.buf.cast("q")  # the block seen as one 64-bit integer
    start_line.wait()  # both workers start counting at the same time
    for _ in range(INCREMENTS):
        # TODO: this is a load, an add and a store; another process can store in between,
        #       and its update is lost. Hold the semaphore `lock` around the increment:
        #       lock.acquire() before, lock.release() after (or `with lock:`).
        counter[0] += 1
    counter.release()
    block.close()


def main():
    ctx = multiprocessing.get_context("fork")  # the same processes on every Python version
    lock = ctx.Semaphore(1)  # one process at a time may hold it
    start_line = ctx.Barrier(WORKERS)
    block = shared_memory.SharedMemory(create=True, size=8)
    try:
        workers = [ctx.Process(target=add, args=(block.name, start_line, lock))
                   for _ in range(WORKERS)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        counter = block.buf.cast("q")
        print(f"final {counter[0]}")
        print(f"expected {WORKERS * INCREMENTS}")
        counter.release()
    finally:
        block.close()
        block.unlink()  # remove the name from /dev/shm: nothing is left behind


if __name__ == "__main__":
    main()
