#!/usr/bin/env python3
"""The GIL tutorial's pool: Pool(3).map over 10 tasks that each sleep, and which process ran each value.

The GIL tutorial's f(x) waits one second and returns x * x; three processes share ten values,
so the pool needs four rounds: about 4 s, with process 1 running 0, 3, 6 and 9. With four
processes, or nine values, three rounds would do. This program records, for every value, the
pid of the process that ran it and when it started and finished. With --threads the pool is
multiprocessing.pool.ThreadPool: the same map, run by threads of one process (each named by its
kernel thread id, the tid /proc shows), which overlap while they wait although the GIL lets one run Python at a time.

    python3 -I pool_map_schedule.py                    # 10 tasks of 0.1 s (about 0.4 s)
    python3 -I pool_map_schedule.py --seconds 1       # the tutorial's one second (about 4 s)
    python3 -I pool_map_schedule.py --threads          # ThreadPool(3): threads that wait
    python3 -I pool_map_schedule.py --start spawn      # how the workers start: fork, forkserver, spawn
    python3 -I pool_map_schedule.py --json             # ProcLab: the last line is one JSON object
"""

import argparse
import json
import multiprocessing
import os
import platform
import queue
import threading
import time
from multiprocessing.pool import ThreadPool

# Whether the pool is a ThreadPool: then workers are named by their tid, not by a pid.
THREADS = False


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


def worker_id():
    """The pid of the process running this, or in a ThreadPool the thread's kernel id (tid)."""
    return threading.get_native_id() if THREADS else os.getpid()


def thread_names():
    """This process's threads by kernel thread id, with the names Python gave them (the Pool's
    "Thread-1 (_handle_workers)", a Queue's "QueueFeederThread"), so a trace can tell them apart."""
    return {t.native_id: t.name for t in threading.enumerate()}


def f(x, duration):
    started = time.perf_counter()
    time.sleep(duration)
    return x * x, worker_id(), started, time.perf_counter(), thread_names()


def task(arguments):
    return f(*arguments)


def announce(started):
    """Runs once in each of the pool's workers as it starts: says which one it is."""
    started.put(worker_id())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=0.1, help="seconds each task sleeps")
    parser.add_argument("--chunksize", type=int, default=1, help="values handed out at a time")
    parser.add_argument("--threads", action="store_true", help="a ThreadPool instead of Pool")
    parser.add_argument("--start", choices=["fork", "forkserver", "spawn"],
                        help="how the workers start (multiprocessing.set_start_method)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    global THREADS
    THREADS = args.threads
    kind = "thread" if args.threads else "process"
    if args.start:
        multiprocessing.set_start_method(args.start)

    started_pool = time.perf_counter()
    hellos = queue.Queue() if args.threads else multiprocessing.Queue()
    make_pool = ThreadPool if args.threads else multiprocessing.Pool
    with make_pool(args.workers, initializer=announce, initargs=(hellos,)) as pool:
        # The pool's own processes, whether or not each gets a value to run.
        worker_pids = sorted(hellos.get(timeout=30) for _ in range(args.workers))
        ready = time.perf_counter()
        # chunksize=1: one value at a time, as the tutorial's table shows.
        outcomes = pool.map(task, [(x, args.seconds) for x in range(args.tasks)],
                            chunksize=args.chunksize)
        finished = time.perf_counter()
        names = thread_names()  # the Pool's own threads are still running here
    total = finished - ready

    for *_, worker_names in outcomes:
        names.update(worker_names)
    outcomes = [outcome[:4] for outcome in outcomes]
    pids = [pid for _, pid, _, _ in outcomes]
    numbered = {pid: index + 1 for index, pid in enumerate(dict.fromkeys(pids))}
    who = "tid" if args.threads else "pid"
    print(f"{kind:>8} {'value':>5} {who:>8} {'started':>8} {'finished':>9}")
    for x, (value, pid, start, end) in enumerate(outcomes):
        print(f"{numbered[pid]:>8} {x:>5} {pid:>8} {start - ready:7.2f}s {end - ready:8.2f}s")
    results = [value for value, _, _, _ in outcomes]
    print(results)
    print(f"total {total:.2f} s for {args.tasks} tasks of {args.seconds} s on {args.workers} {kind}es"
          if not args.threads else
          f"total {total:.2f} s for {args.tasks} tasks of {args.seconds} s on {args.workers} threads")

    if args.json:
        schedule = [
            {"value": x, "result": value, who: pid, kind: numbered[pid],
             "start": start - ready, "end": end - ready}
            for x, (value, pid, start, end) in enumerate(outcomes)
        ]
        metrics = {
            "workers": args.workers, "tasks": args.tasks, "seconds": args.seconds,
            "chunksize": args.chunksize,
            "total_seconds": total, "startup_seconds": ready - started_pool,
            "task_durations": total / args.seconds,
            "rounds": -(-args.tasks // args.workers),
            "kind": kind, "results": results, f"{who}s": pids, f"distinct_{who}s": len(set(pids)),
            f"worker_{who}s": worker_pids,
            "pool_pid": os.getpid(), "schedule": schedule,
        }
        if args.start:  # what a trace of this run needs to name what it sees
            metrics["start_method"] = multiprocessing.get_start_method()
            metrics["thread_names"] = {str(tid): name for tid, name in names.items()}
        print(json.dumps({"program": "gil-tutorial/pool_map_schedule", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
