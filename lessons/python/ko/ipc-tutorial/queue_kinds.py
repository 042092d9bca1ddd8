#!/usr/bin/env python3
"""IPC 튜토리얼의 큐: FIFO, LIFO, 우선순위 순서, maxsize와 Full·Empty, task_done과 join.

IPC 튜토리얼(「[TIL - 11 / Python] process」)처럼, queue.Queue는 먼저
넣은 것을 먼저, LifoQueue는 나중에 넣은 것을 먼저, PriorityQueue는 가장
작은 것을 먼저 내줍니다. maxsize가 있으면 가득 찬 큐에 put()하면
기다리고(기다리지 않게 하면 곧바로, timeout을 주면 그 뒤에 queue.Full
예외), 빈 큐에 get()하면 queue.Empty로 똑같이 됩니다. put()마다 끝나지
않은 작업이 하나 늘고, task_done()이 하나를 줄이며, join()은 하나도 남지
않을 때까지 기다립니다. multiprocessing.JoinableQueue는 프로세스
사이에서 같은 것을 제공합니다.

    python3 -I queue_kinds.py
    python3 -I queue_kinds.py --start spawn   # 프로세스 시작 방식: fork, forkserver, spawn
    python3 -I queue_kinds.py --json   # ProcLab용, 마지막 줄이 JSON
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
    """지표를 한 단계 이름으로 펼칩니다. 값은 숫자, 문자열,
    bool입니다(ProcLab과의 약속). 중첩된 dict나 list는
    "thread.2.seconds", "pids.0"처럼 점으로 이은 이름이 됩니다."""
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
    """가득 찬 큐와 빈 큐가 하는 일: 곧바로, 또는 timeout 뒤에 예외를
    냅니다."""
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
    # 꺼낸 항목마다 task_done() 한 번은 괜찮고, 한 번 더 부르면 ValueError가 납니다.
    for _ in range(maxsize):
        q.task_done()
    try:
        q.task_done()
        result["extra_task_done_raised"] = None
    except ValueError:
        result["extra_task_done_raised"] = "ValueError"
    return result


def thread_names():
    """이 프로세스의 스레드를 커널 스레드 id별로, Python이 붙인
    이름과 함께 돌려줍니다(Queue의 "QueueFeederThread"는 첫 put()에서
    시작합니다). 추적에서 서로 구별하려고 씁니다."""
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
    """프로세스들이 JoinableQueue에서 항목을 꺼냅니다. join()은 모든
    항목이 끝나면 돌아옵니다."""
    tasks = multiprocessing.JoinableQueue(maxsize=3)
    done = multiprocessing.Queue()
    consumers = [multiprocessing.Process(target=consume, args=(tasks, done))
                 for _ in range(workers)]
    for c in consumers:
        c.start()
    for item in range(items):
        tasks.put(item)  # 항목 셋이 기다리는 동안 멈춥니다: maxsize=3
    for _ in consumers:
        tasks.put(None)
    tasks.join()  # put()마다 task_done()이 하나씩 짝지어졌습니다
    taken = [done.get(timeout=30) for _ in range(items)]
    for c in consumers:
        c.join()
    names = thread_names()  # 이 프로세스의 피더 스레드(tasks에 넣는 put)가 아직 돌 때
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
        if args.start:  # 추적이 본 것에 이름을 붙이는 데 필요한 것
            metrics["start_method"] = multiprocessing.get_start_method()
            metrics["thread_names"] = {str(tid): name for tid, name in names.items()}
        print(json.dumps({"program": "ipc-tutorial/queue_kinds", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
