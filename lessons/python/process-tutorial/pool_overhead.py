#!/usr/bin/env python3
"""What one task costs a multiprocessing.Pool, measured with tasks that do nothing.

The process tutorial says that creating and ending processes is the costly part of
multiprocessing, which is why pools exist. A pool's workers are started once; after that each
task still costs something: the task is pickled, written to a pipe, read by a worker, run, and
its result is pickled and sent back. map() over empty tasks with chunksize=1 measures that.

    python3 -I pool_overhead.py
    python3 -I pool_overhead.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import multiprocessing
import platform
import statistics
import time


def flat(value, prefix=""):
    """The metrics as one level of name: number, string or bool (ProcLab's contract): a
    nested dict or list becomes dotted names, such as "thread.2.seconds" or "pids.0"."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return {prefix: value}
    out = {}
    for key, inner in items:
        out.update(flat(inner, f"{prefix}.{key}" if prefix else str(key)))
    return out


def nothing(x):
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tasks", type=int, default=500, help="empty tasks per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with multiprocessing.Pool(args.workers) as pool:
        pool.map(nothing, range(args.workers * 4), chunksize=1)  # warm-up
        samples = []
        for _ in range(args.runs):
            start = time.perf_counter()
            pool.map(nothing, range(args.tasks), chunksize=1)
            samples.append((time.perf_counter() - start) / args.tasks)
    median = statistics.median(samples)
    print(f"Pool({args.workers}).map, chunksize=1: {median * 1e6:.1f} µs per empty task "
          f"(median of {args.runs} runs of {args.tasks})")
    if args.json:
        metrics = {"workers": args.workers, "tasks": args.tasks, "runs": args.runs,
                   "seconds_per_task": median, "samples": samples}
        print(json.dumps({"program": "process-tutorial/pool_overhead", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
