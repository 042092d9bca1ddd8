"""The GIL tutorial's countdown in one CPython thread, for ProcLab's bench: the reference for the
one-thread Swift row of `proclab run cpu-scaling`.

Counts down from N in a thread (`while n > 0: n -= 1`), `runs` times after one warm-up of
N/10; prints the median seconds per step as "seconds_per_step <s>".

usage: python3 countdown.py [N=2000000] [runs=3]
"""

import statistics
import sys
import threading
import time


def countdown(n):
    while n > 0:
        n -= 1


def timed_in_thread(n):
    thread = threading.Thread(target=countdown, args=(n,))
    began = time.perf_counter()
    thread.start()
    thread.join()
    return time.perf_counter() - began


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    timed_in_thread(max(1, n // 10))
    per_step = [timed_in_thread(n) / n for _ in range(runs)]
    print(f"seconds_per_step {statistics.median(per_step):.9g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
