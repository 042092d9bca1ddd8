#!/usr/bin/env python3
"""The process tutorial's threads: Thread start/join, and a worker that runs until a stop flag is set.

A thread runs inside its process and shares its memory: the worker reads the module-level
flag `stopped` that the main thread sets. The worker checks the flag once per round, so it
notices it only after its current sleep: join() returns within one sleep of the flag being
set. The tutorial's worker printed "do Overwork" and slept 3 s per round.

    python3 -I thread_stop_flag.py                          # rounds of 0.05 s for 0.2 s
    python3 -I thread_stop_flag.py --sleep 3 --for 7        # the tutorial's 3 s rounds
    python3 -I thread_stop_flag.py --json                   # ProcLab: last line is JSON
"""

import argparse
import json
import os
import platform
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

stopped = False  # the flag: set by the main thread, read by the worker
lines = []  # what the worker "printed", in memory both threads share


def worker(work, sleep_seconds):
    while not stopped:
        lines.append(f"do {work}")
        print(f"do {work}", flush=True)
        time.sleep(sleep_seconds)
    lines.append("retired..")
    print("retired..", flush=True)


def main():
    global stopped
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sleep", type=float, default=0.05, help="seconds per round")
    parser.add_argument("--for", dest="duration", type=float, default=0.2,
                        help="seconds before the flag is set")
    parser.add_argument("--threads", type=int, default=2, help="threads to start and join")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    # Threads that only say who they are: start() runs them, join() waits for them. They
    # meet at a barrier, so all are alive at once and their idents differ (an ended
    # thread's ident may be given to the next one).
    seen = []
    meet = threading.Barrier(args.threads)

    def greet():
        seen.append((os.getpid(), threading.get_ident()))
        meet.wait(30)

    greeters = [threading.Thread(target=greet) for _ in range(args.threads)]
    for t in greeters:
        t.start()
    for t in greeters:
        t.join()

    t = threading.Thread(target=worker, args=("Overwork", args.sleep))
    t.start()
    time.sleep(args.duration)
    stopped = True
    set_at = time.perf_counter()
    t.join()
    join_waited = time.perf_counter() - set_at
    print("worker is gone.")

    if args.json:
        metrics = {
            "pid": os.getpid(),
            "threads": len(greeters),
            "greeter_pids": [pid for pid, _ in seen],
            "distinct_idents": len({ident for _, ident in seen}),
            "overwork_lines": sum(1 for line in lines if line == "do Overwork"),
            "retired": lines[-1:] == ["retired.."],
            "alive_after_join": t.is_alive(),
            "join_waited_seconds": join_waited,
            "sleep": args.sleep, "for": args.duration,
        }
        print(json.dumps({"program": "process-tutorial/thread_stop_flag", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
