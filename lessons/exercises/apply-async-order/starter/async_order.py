"""Exercise apply-async-order: four tasks sent at once with apply_async, results in the order sent.

Run it with `check` in ProcLab, or on its own: python3 async_order.py
"""

import multiprocessing
import time


def double(n):
    time.sleep(0.4 * (4 - n))  # task 0 takes 1.6 s, task 3 only 0.4 s: it is done first
    return n * 2


def main():
    ctx = multiprocessing.get_context("fork")  # the same processes on every Python version
    with ctx.Pool(4) as pool:
        finished = []
        for n in range(4):
            # The callback runs when a task is done, so `finished` fills up in the order the
            # tasks *finish*, not the order they were sent.
            pool.apply_async(double, (n,), callback=finished.append)
        pool.close()
        pool.join()
        # TODO: keep the AsyncResult that each apply_async returns, in a list, and collect
        #       the values with .get() in the order you sent the tasks.
        results = finished
    print("results:", results)


if __name__ == "__main__":
    main()
