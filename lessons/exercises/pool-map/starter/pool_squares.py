"""Exercise pool-map: square ten numbers on a pool of exactly three worker processes.

Run it with `check` in ProcLab, or on its own: python3 pool_squares.py
"""

import multiprocessing
import os
import time


def square(x):
    time.sleep(0.05)  # a little work, so that every worker gets some
    return x * x, os.getpid()


def main():
    # The fork start method on every Python version: Python 3.14's default, forkserver, would
    # add two helper processes of its own (the fork server and a resource tracker).
    ctx = multiprocessing.get_context("fork")

    # TODO: make a pool of 3 worker processes, ctx.Pool(3), in a `with` block, and let
    #       pool.map(square, range(10)) compute the pairs instead of this loop, which runs
    #       everything here, in one process.
    pairs = [square(x) for x in range(10)]

    results = [value for value, _ in pairs]
    print("results:", results)
    print("worker pids:", len(set(pid for _, pid in pairs)), "different")


if __name__ == "__main__":
    main()
