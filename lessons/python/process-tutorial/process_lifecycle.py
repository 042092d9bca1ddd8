#!/usr/bin/env python3
"""The process tutorial's processes: Process start, join and terminate.

multiprocessing.Process runs a function in a new process with its own memory. start()
creates it; join() waits until it has ended; terminate() sends it SIGTERM, after which
join() sees exit code -15 (killed by signal 15). The tutorial called terminate() after
join(): by then the process had already ended, so terminate() does nothing and the exit code
stays 0. Here a second process that would run for a long time is terminated while it runs.

    python3 -I process_lifecycle.py
    python3 -I process_lifecycle.py --json   # ProcLab: the last line is one JSON object
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


def delivery(answers):
    print("delivering...", flush=True)
    answers.put((os.getpid(), os.getppid()))


def forever(ready):
    ready.set()
    while True:
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    answers = multiprocessing.Queue()
    p = multiprocessing.Process(target=delivery, args=(answers,))
    p.start()
    child_pid, child_ppid = answers.get(timeout=30)
    p.join()  # wait until it has really ended
    p.terminate()  # as the tutorial did: too late, it has ended already
    join_exitcode = p.exitcode
    print(f"joined: exit code {join_exitcode}")

    ready = multiprocessing.Event()
    q = multiprocessing.Process(target=forever, args=(ready,))
    q.start()
    ready.wait(30)
    alive_before = q.is_alive()
    start = time.perf_counter()
    q.terminate()
    q.join()
    stop_seconds = time.perf_counter() - start
    print(f"terminated: exit code {q.exitcode} (minus the signal number: SIGTERM is 15)")

    if args.json:
        metrics = {
            "parent_pid": os.getpid(), "child_pid": child_pid, "child_ppid": child_ppid,
            "join_exitcode": join_exitcode, "terminate_after_join_exitcode": p.exitcode,
            "alive_before_terminate": alive_before, "terminate_exitcode": q.exitcode,
            "alive_after_join": q.is_alive(), "terminate_seconds": stop_seconds,
        }
        print(json.dumps({"program": "process-tutorial/process_lifecycle", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
