"""Exercise count-locally: two processes add 1,000,000 each to a counter in shared memory,
exactly, without taking a lock for every increment.

Run it with `check` in ProcLab, or on its own: python3 count_locally.py
(Run it a few times: as given, the final count is too low, and changes.)
"""

import multiprocessing
from multiprocessing import shared_memory

WORKERS = 2
INCREMENTS = 1_000_000


def add(name, start_line, lock):
    block = shared_memory.SharedMemory(name=name)
    counter = block.buf.cast("q")  # the block seen as one 64-bit integer
    start_line.wait()  # both workers start at the same time
    # TODO: count in a local variable instead (`mine += 1`: no other process can see it),
    #       then add your total to counter[0] once, holding `lock` for that one addition.
    #       A lock around each of the 1,000,000 increments would be exact too, but slow:
    #       the checks measure the CPU time the program used.
    for _ in range(INCREMENTS):
        counter[0] += 1  # load, add, store: the other process's stores get lost
    counter.release()
    block.close()


def main():
    ctx = multiprocessing.get_context("fork")  # the same processes on every Python version
    lock = ctx.Semaphore(1)
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
        block.unlink()


if __name__ == "__main__":
    main()
