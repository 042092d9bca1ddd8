#!/usr/bin/env python3
"""GIL 튜토리얼의 풀: 잠드는 작업 10개에 Pool(3).map, 각 값을 어느 프로세스가 실행했는지.

GIL 튜토리얼(「Python socket programming #4 - multiprocessing #1」)의
f(x)는 1초 기다린 뒤 x * x를 돌려줍니다. 프로세스 셋이 값 열 개를 나눠
맡으므로 풀은 네 바퀴를 돌아야 합니다. 약 4초가 걸리고, 글에서는
프로세스 1이 0, 3, 6, 9를 실행했습니다. 프로세스가 넷이거나 값이 아홉
개라면 세 바퀴로 됩니다. 이 프로그램은 값마다 그것을 실행한 프로세스의
pid와 시작·끝 시각을 기록합니다. --threads를 주면 풀은
multiprocessing.pool.ThreadPool입니다. 같은 map을 한 프로세스의
스레드들이 실행하고(각 스레드는 /proc에 보이는 커널 스레드 id, 곧 tid로
부릅니다), GIL이 한 번에 하나만 Python을 실행하게 해도 기다리는 동안에는
서로 겹칩니다.

    python3 -I pool_map_schedule.py                    # 0.1초짜리 작업 10개(약 0.4초)
    python3 -I pool_map_schedule.py --seconds 1       # 튜토리얼의 1초(약 4초)
    python3 -I pool_map_schedule.py --threads          # ThreadPool(3): 기다리는 스레드들
    python3 -I pool_map_schedule.py --start spawn      # 워커 시작 방식: fork, forkserver, spawn
    python3 -I pool_map_schedule.py --json             # ProcLab용, 마지막 줄이 JSON
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

# 풀이 ThreadPool인지: 그렇다면 작업자를 pid가 아니라 tid로 부릅니다.
THREADS = False


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


def worker_id():
    """이것을 실행하는 프로세스의 pid. ThreadPool에서는 그 스레드의 커널
    id(tid)."""
    return threading.get_native_id() if THREADS else os.getpid()


def thread_names():
    """이 프로세스의 스레드를 커널 스레드 id별로, Python이 붙인
    이름과 함께 돌려줍니다(Pool의 "Thread-1 (_handle_workers)",
    Queue의 "QueueFeederThread"). 추적에서 서로 구별하려고 씁니다."""
    return {t.native_id: t.name for t in threading.enumerate()}


def f(x, duration):
    started = time.perf_counter()
    time.sleep(duration)
    return x * x, worker_id(), started, time.perf_counter(), thread_names()


def task(arguments):
    return f(*arguments)


def announce(started):
    """풀의 작업자마다 시작할 때 한 번 돌며, 자기가 누구인지 알립니다."""
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
        # 풀이 띄운 프로세스들. 실행할 값을 받든 못 받든 모두.
        worker_pids = sorted(hellos.get(timeout=30) for _ in range(args.workers))
        ready = time.perf_counter()
        # chunksize=1: 튜토리얼의 표처럼 한 번에 값 하나씩.
        outcomes = pool.map(task, [(x, args.seconds) for x in range(args.tasks)],
                            chunksize=args.chunksize)
        finished = time.perf_counter()
        names = thread_names()  # Pool의 스레드들이 아직 돌고 있을 때
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
        if args.start:  # 추적이 본 것에 이름을 붙이는 데 필요한 것
            metrics["start_method"] = multiprocessing.get_start_method()
            metrics["thread_names"] = {str(tid): name for tid, name in names.items()}
        print(json.dumps({"program": "gil-tutorial/pool_map_schedule", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
