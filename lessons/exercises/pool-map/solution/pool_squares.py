"""Exercise pool-map, a solution: Pool(3).map over ten tasks."""

import multiprocessing
import os
import time


def square(x):
    time.sleep(0.05)
    return x * x, os.getpid()


def main():
    ctx = multiprocessing.get_context("fork")
    # Three workers are forked once, when the pool is made; map hands them the ten values
    # one at a time and returns the results in the order of the inputs.
    with ctx.Pool(3) as pool:
        pairs = pool.map(square, range(10), chunksize=1)

    results = [value for value, _ in pairs]
    print("results:", results)
    print("worker pids:", len(set(pid for _, pid in pairs)), "different")


if __name__ == "__main__":
    main()
