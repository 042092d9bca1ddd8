"""Exercise shm-no-leftovers: a shared memory block that leaves nothing behind, even when a
worker is killed.

Run it with `check` in ProcLab, or on its own: python3 no_leftovers.py
(As given, Python's resource tracker warns on stderr that it had to clean up a leaked block.)
"""

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
    ctx = multiprocessing.get_context("fork")  # the same processes on every Python version
    attached = ctx.Semaphore(0)  # released once by each worker that has attached
    block = shared_memory.SharedMemory(create=True, size=8)
    workers = [ctx.Process(target=work, args=(block.name, attached, number))
               for number in range(WORKERS)]
    for worker in workers:
        worker.start()
    for _ in workers:
        attached.acquire(timeout=10)
    # Every worker has attached: from here on nobody needs the name in /dev/shm any more.
    # TODO: remove the name: block.unlink(). Right here, not only at the end: the mapping
    #       keeps working for everyone already attached, and a crash after this line can no
    #       longer leave the block behind.

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
