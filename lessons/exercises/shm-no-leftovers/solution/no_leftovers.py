"""Exercise shm-no-leftovers, a solution: unlink as soon as every worker has attached."""

import multiprocessing
import os
import signal
from multiprocessing import shared_memory

WORKERS = 2


def work(name, attached, number):
    block = shared_memory.SharedMemory(name=name)  # attach by name
    attached.release()  # tell the parent: this worker has the block mapped
    if number == 1:
        # This worker crashes: killed before it can clean anything up. A process killed by
        # SIGKILL runs no `finally`, no `with` exit and no atexit handler.
        os.kill(os.getpid(), signal.SIGKILL)
    values = block.buf.cast("q")
    values[0] = 42
    values.release()
    block.close()


def main():
    ctx = multiprocessing.get_context("fork")
    attached = ctx.Semaphore(0)  # released once by each worker that has attached
    block = shared_memory.SharedMemory(create=True, size=8)
    workers = [ctx.Process(target=work, args=(block.name, attached, number))
               for number in range(WORKERS)]
    for worker in workers:
        worker.start()
    for _ in workers:
        attached.acquire(timeout=10)
    # Every worker has attached: the name can go. The memory stays mapped for everyone
    # attached, and is freed when the last of them closes it or dies.
    block.unlink()

    for worker in workers:
        worker.join()
        if worker.exitcode < 0:
            print(f"a worker was killed by {signal.Signals(-worker.exitcode).name}")
    values = block.buf.cast("q")
    print(f"read {values[0]} from shared memory")
    values.release()
    block.close()


if __name__ == "__main__":
    main()
