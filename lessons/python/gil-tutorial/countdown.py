#!/usr/bin/env python3
"""The GIL tutorial's experiment: count down from n in 1 thread, in k threads and in k processes.

The GIL tutorial counted 100,000,000 down to zero in one thread (8 s recorded) and in two
threads (16 s recorded): in CPython only the thread that holds the global interpreter lock
runs Python code, so two threads doing twice the work take twice as long. Two processes have
an interpreter and a lock each, and can run on two CPUs at once.

    python3 -I countdown.py                      # one readable run
    python3 -I countdown.py --n 100_000_000      # the tutorial's size (about 4-8 s per row)
    python3 -I countdown.py --json               # ProcLab: the last line is one JSON object
"""

import argparse
import json
import multiprocessing
import platform
import resource
import threading
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


def countdown(n):
    while n > 0:
        n -= 1


def cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_once(kind, workers, n):
    """Wall and CPU seconds for `workers` threads or processes, each counting down n."""
    if kind == "thread":
        started = [threading.Thread(target=countdown, args=(n,)) for _ in range(workers)]
        who = resource.RUSAGE_SELF
    else:
        started = [multiprocessing.Process(target=countdown, args=(n,)) for _ in range(workers)]
        who = resource.RUSAGE_CHILDREN
    cpu_before = cpu_seconds(who)
    start = time.perf_counter()
    for worker in started:
        worker.start()
    for worker in started:
        worker.join()
    wall = time.perf_counter() - start
    for worker in started:
        if kind == "process" and worker.exitcode != 0:
            raise SystemExit(f"countdown process {worker.pid} ended with {worker.exitcode}")
    return wall, cpu_seconds(who) - cpu_before


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=lambda s: int(s.replace("_", "")), default=10_000_000)
    parser.add_argument("--k", type=int, default=2, help="threads and processes")
    parser.add_argument("--runs", type=int, default=1, help="runs of each row (median)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    metrics = {"n": args.n, "k": args.k, "runs": args.runs}
    one = None
    for kind, workers in (("thread", 1), ("thread", args.k), ("process", args.k)):
        samples = sorted(run_once(kind, workers, args.n) for _ in range(args.runs))
        wall, cpu = samples[len(samples) // 2]
        one = one or wall
        # Work done per second compared with one thread: k workers did k times the work.
        speedup = workers * one / wall
        label = f"{workers} {kind}{'' if workers == 1 else ('es' if kind == 'process' else 's')}"
        print(f"{label:12} {wall:8.3f} s wall {cpu:8.3f} s CPU   {speedup:.2f}x the work per second")
        metrics.setdefault(kind, {})[str(workers)] = {
            "seconds": wall,
            "cpu_seconds": cpu,
            "speedup": speedup,
            "samples": [s[0] for s in samples],
        }
    if args.json:
        print(json.dumps({"program": "gil-tutorial/countdown", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
