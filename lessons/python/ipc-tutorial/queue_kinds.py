#!/usr/bin/env python3
"""The IPC tutorial's queues: FIFO, LIFO and priority order, maxsize with Full and Empty, task_done and join.

queue.Queue hands items out first in, first out; LifoQueue last in, first out; PriorityQueue
smallest first. With maxsize, put() on a full queue blocks (or raises queue.Full without
blocking, or after its timeout); get() on an empty queue does the same with queue.Empty.
Every put() adds one unfinished task; task_done() removes one; join() waits until none is
left. multiprocessing.JoinableQueue offers the same between processes.

    python3 -I queue_kinds.py
    python3 -I queue_kinds.py --start spawn   # how the processes start: fork, forkserver, spawn
    python3 -I queue_kinds.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import multiprocessing
import os
import platform
import queue
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

ITEMS = [3, 1, 4, 1, 5, 9, 2, 6]


def drain(q):
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    return out


def bounded(maxsize, timeout):
    """What a full and an empty queue do: raise at once, or after the timeout."""
    q = queue.Queue(maxsize=maxsize)
    for i in range(maxsize):
        q.put(i)
    result = {"maxsize": maxsize, "full": q.full(), "qsize": q.qsize()}
    try:
        q.put_nowait("one too many")
        result["put_nowait_raised"] = None
    except queue.Full:
        result["put_nowait_raised"] = "Full"
    start = time.perf_counter()
    try:
        q.put("one too many", timeout=timeout)
        result["put_timeout_raised"] = None
    except queue.Full:
        result["put_timeout_raised"] = "Full"
    result["put_waited_seconds"] = time.perf_counter() - start
    drain(q)
    try:
        q.get_nowait()
        result["get_nowait_raised"] = None
    except queue.Empty:
        result["get_nowait_raised"] = "Empty"
    start = time.perf_counter()
    try:
        q.get(timeout=timeout)
        result["get_timeout_raised"] = None
    except queue.Empty:
        result["get_timeout_raised"] = "Empty"
    result["get_waited_seconds"] = time.perf_counter() - start
    # One task_done() per item taken is allowed; one more raises ValueError.
    for _ in range(maxsize):
        q.task_done()
    try:
        q.task_done()
        result["extra_task_done_raised"] = None
    except ValueError:
        result["extra_task_done_raised"] = "ValueError"
    return result


def thread_names():
    """This process's threads by kernel thread id, with the names Python gave them (a Queue's
    "QueueFeederThread" starts at its first put()), so a trace can tell them apart."""
    return {t.native_id: t.name for t in threading.enumerate()}


def consume(tasks, done):
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            return
        done.put((item, os.getpid(), thread_names()))
        tasks.task_done()


def joined(items, workers):
    """Processes take items from a JoinableQueue; join() returns once every item is done."""
    tasks = multiprocessing.JoinableQueue(maxsize=3)
    done = multiprocessing.Queue()
    consumers = [multiprocessing.Process(target=consume, args=(tasks, done))
                 for _ in range(workers)]
    for c in consumers:
        c.start()
    for item in range(items):
        tasks.put(item)  # blocks while three items wait: maxsize=3
    for _ in consumers:
        tasks.put(None)
    tasks.join()  # every put() matched by a task_done()
    taken = [done.get(timeout=30) for _ in range(items)]
    for c in consumers:
        c.join()
    names = thread_names()  # this process's feeder thread (its puts into tasks) still runs
    for _, _, consumer_names in taken:
        names.update(consumer_names)
    return {"items": items, "workers": workers,
            "taken": sorted(item for item, _, _ in taken),
            "consumer_pids": sorted({pid for _, pid, _ in taken}),
            "exit_codes": [c.exitcode for c in consumers]}, names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maxsize", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=0.1)
    parser.add_argument("--items", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--start", choices=["fork", "forkserver", "spawn"],
                        help="how the processes start (multiprocessing.set_start_method)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.start:
        multiprocessing.set_start_method(args.start)

    order = {}
    for key, kind in (("fifo", queue.Queue), ("lifo", queue.LifoQueue),
                      ("priority", queue.PriorityQueue)):
        q = kind()
        for item in ITEMS:
            q.put(item)
        order[key] = drain(q)
        print(f"{key:8} put {ITEMS} -> got {order[key]}")
    b = bounded(args.maxsize, args.timeout)
    print(f"maxsize={args.maxsize}: put_nowait on a full queue raised {b['put_nowait_raised']}, "
          f"get with timeout={args.timeout} on an empty one raised {b['get_timeout_raised']} "
          f"after {b['get_waited_seconds']:.3f} s")
    j, names = joined(args.items, args.workers)
    print(f"JoinableQueue: {j['items']} items done by processes {j['consumer_pids']}; join() returned")
    if args.json:
        metrics = {"put": ITEMS, "order": order, "bounded": b, "joinable": j}
        if args.start:  # what a trace of this run needs to name what it sees
            metrics["start_method"] = multiprocessing.get_start_method()
            metrics["thread_names"] = {str(tid): name for tid, name in names.items()}
        print(json.dumps({"program": "ipc-tutorial/queue_kinds", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
