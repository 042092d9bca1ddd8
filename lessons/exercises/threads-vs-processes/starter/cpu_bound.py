"""Exercise threads-vs-processes: the same CPU-bound work in two threads, then in two processes.

Run it with `check` in ProcLab, or on its own: python3 cpu_bound.py
"""

import multiprocessing
import os
import threading
import time

COUNT = 3_000_000  # each worker counts down from this


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
    # TODO: run count_down(COUNT) in two processes instead: ctx.Process(target=...,
    #       args=...), start both, then join both. Each process has its own interpreter and
    #       its own GIL, so they can run at the same time on two CPUs.
    in_threads()


def timed(work, *args):
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def main():
    ctx = multiprocessing.get_context("fork")  # the same processes on every Python version
    threads = timed(in_threads)
    processes = timed(in_processes, ctx)
    print(f"threads: {threads:.2f} s")
    print(f"processes: {processes:.2f} s")
    # Given, not a TODO: the verdict the checks read (see verdict() below).
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
