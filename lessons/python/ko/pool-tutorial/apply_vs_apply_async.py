#!/usr/bin/env python3
"""풀 튜토리얼의 비교: Pool(4).apply를 네 번, 이어서 apply_async를 네 번.

풀 튜토리얼(「[Python] 4. 멀티프로세싱 2」)에서 apply는 작업 하나를 풀에
넘기고 그 결과를 기다린 뒤에야 다음 줄로 갑니다. 그래서 1초짜리 작업 네
개가 저마다 다른 프로세스에서 돌았는데도 4.2초 걸렸습니다. apply_async는
네 개를 한꺼번에 넘기고 나중에 기다립니다: 1.3초. 결과는 어느 것이 먼저
끝났든 작업을 넘긴 순서대로 돌아옵니다.

    python3 -I apply_vs_apply_async.py                 # 0.1초짜리 작업
    python3 -I apply_vs_apply_async.py --seconds 1    # 튜토리얼의 1초(약 5초)
    python3 -I apply_vs_apply_async.py --json          # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import multiprocessing
import os
import platform
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


def my_task(n, duration):
    started = time.perf_counter()
    time.sleep(duration)
    return n * 2, os.getpid(), started, time.perf_counter()


def most_at_once(spans):
    """한 순간에 겹치는 구간 (start, end)의 가장 많은 수."""
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
        pool.map(abs, range(args.workers))  # 시간을 재기 전에 모든 프로세스가 떴습니다
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
