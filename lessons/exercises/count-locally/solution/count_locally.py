"""Exercise count-locally, a solution: each worker counts privately and adds once, under the lock."""

import multiprocessing
from multiprocessing import shared_memory

WORKERS = 2
INCREMENTS = 1_000_000


def add(name, start_line, lock):
    block = shared_memory.SharedMemory(name=name)
    counter = block.buf.cast("q")
    start_line.wait()
    mine = 0
    for _ in range(INCREMENTS):
        mine += 1  # private: no other process can touch it, so nothing is lost
    with lock:  # the shared counter is touched once per worker, under the semaphore
        counter[0] += mine
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
