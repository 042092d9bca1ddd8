#!/usr/bin/env python3
"""The pool tutorial's comparison: Pool(4).apply four times, then apply_async four times.

apply hands one task to the pool and waits for its result before the next line runs, so four
tasks of one second took 4.2 s in the pool tutorial, each in another process. apply_async
hands all four over at once and waits afterwards: 1.3 s. Results come back in the order the
tasks were given, whichever finished first.

    python3 -I apply_vs_apply_async.py                 # tasks of 0.1 s
    python3 -I apply_vs_apply_async.py --seconds 1    # the tutorial's one second (about 5 s)
    python3 -I apply_vs_apply_async.py --json          # ProcLab: the last line is one JSON object
"""

import argparse
import json
import multiprocessing
import os
import platform
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


def my_task(n, duration):
    started = time.perf_counter()
    time.sleep(duration)
    return n * 2, os.getpid(), started, time.perf_counter()


def most_at_once(spans):
    """The largest number of spans (start, end) that overlap at one moment."""
    edges = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    running = best = 0
    for _, step in edges:
        running += step
        best = max(best, running)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=0.1, help="seconds each task sleeps")
    parser.add_argument("--tasks", type=int, default=4)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with multiprocessing.Pool(args.workers) as pool:
        pool.map(abs, range(args.workers))  # every process started before timing
        start = time.perf_counter()
        applied = [pool.apply(my_task, (n, args.seconds)) for n in range(args.tasks, 0, -1)]
        apply_seconds = time.perf_counter() - start
        for value, pid, _, _ in applied:
            print(f"apply: task processed by process {pid}: {value}")
        print(f"apply: {apply_seconds:.2f} s")

        start = time.perf_counter()
        pending = [pool.apply_async(my_task, (n, args.seconds)) for n in range(args.tasks)]
        for task in pending:
            task.wait()
        finished = [task.get() for task in pending]
        async_seconds = time.perf_counter() - start
        for value, pid, _, _ in finished:
            print(f"apply_async: task processed by process {pid}: {value}")
        print(f"apply_async: {async_seconds:.2f} s")

    if args.json:
        metrics = {
            "workers": args.workers, "seconds": args.seconds, "tasks": args.tasks,
            "apply_seconds": apply_seconds, "apply_async_seconds": async_seconds,
            "apply_results": [v for v, _, _, _ in applied],
            "apply_async_results": [v for v, _, _, _ in finished],
            "apply_pids": [p for _, p, _, _ in applied],
            "apply_async_pids": [p for _, p, _, _ in finished],
            "apply_max_concurrent": most_at_once([(s, e) for _, _, s, e in applied]),
            "apply_async_max_concurrent": most_at_once([(s, e) for _, _, s, e in finished]),
        }
        print(json.dumps({"program": "pool-tutorial/apply_vs_apply_async", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
