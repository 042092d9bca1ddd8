"""Exercise shm-semaphore, a solution: every increment under a semaphore of 1."""

import multiprocessing
from multiprocessing import shared_memory

WORKERS = 2
INCREMENTS = 50_000


def add(name, start_line, lock):
    block = shared_memory.SharedMemory(name=name)
    counter = block.buf.cast("q")
    start_line.wait()
    for _ in range(INCREMENTS):
        with lock:  # acquire ... release: the load, add and store are now one step
            counter[0] += 1
    counter.release()
    block.close()


def main():
    ctx = multiprocessing.get_context("fork")
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
