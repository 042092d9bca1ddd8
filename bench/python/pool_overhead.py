"""CPython's per-task cost of multiprocessing.Pool.map(chunksize=1) on empty tasks, for
ProcLab's bench: the reference for `proclab run pool mode=overhead` (process_pool).

A pool of `workers` processes is started and warmed up (one map), then `runs` timed maps of
`tasks` empty tasks each; prints the median seconds per task as "seconds_per_task <s>".

usage: python3 pool_overhead.py [workers=2] [tasks=2000] [runs=5]
"""

import statistics
import sys
import time
from multiprocessing import Pool


def nothing(value):
    return value


def main():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    tasks = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    per_task = []
    with Pool(workers) as pool:
        pool.map(nothing, range(workers * 10), chunksize=1)
        for _ in range(runs):
            began = time.perf_counter()
            pool.map(nothing, range(tasks), chunksize=1)
            per_task.append((time.perf_counter() - began) / tasks)
    print(f"seconds_per_task {statistics.median(per_task):.9g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
