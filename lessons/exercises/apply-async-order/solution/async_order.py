"""Exercise apply-async-order, a solution: AsyncResults kept in a list, get() in order."""

import multiprocessing
import time


def double(n):
    time.sleep(0.4 * (4 - n))
    return n * 2


def main():
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(4) as pool:
        # All four are sent at once and run at the same time on four workers...
        pending = [pool.apply_async(double, (n,)) for n in range(4)]
        # ...and get() waits for each in turn: task 0 last to finish, but first in the list.
        results = [result.get(timeout=10) for result in pending]
    print("results:", results)


if __name__ == "__main__":
    main()
