"""Exercise threads-vs-processes, a solution: two processes, each with its own GIL."""

import multiprocessing
import os
import threading
import time

COUNT = 3_000_000


def count_down(n):
    while n > 0:
        n -= 1


def in_threads():
    workers = [threading.Thread(target=count_down, args=(COUNT,)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def in_processes(ctx):
    workers = [ctx.Process(target=count_down, args=(COUNT,)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def timed(work, *args):
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def main():
    ctx = multiprocessing.get_context("fork")
    threads = timed(in_threads)
    processes = timed(in_processes, ctx)
    print(f"threads: {threads:.2f} s")
    print(f"processes: {processes:.2f} s")
    print(f"processes faster: {verdict(threads, processes)}")


def verdict(threads, processes):
    """Whether the processes were faster: at most 0.8 times the threads' time. Only where that
    is a fair question: with at least 2 usable CPUs, of which the load average (the programs
    running or waiting for a CPU, over the last minute) leaves at least 1.5 idle."""
    cpus = len(os.sched_getaffinity(0))
    load = os.getloadavg()[0]
    if cpus < 2:
        return "not checked, 1 usable CPU"
    if load > cpus - 1.5:
        return f"not checked, the machine is busy (load {load:.1f} on {cpus} CPUs)"
    return "yes" if processes <= 0.8 * threads else "no"


if __name__ == "__main__":
    main()
