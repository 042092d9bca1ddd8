#!/usr/bin/env python3
"""multiprocessing.Pool에서 작업 하나가 드는 비용을, 아무것도 하지 않는 작업으로 잽니다.

프로세스 튜토리얼(「프로세스(Process)」)은 프로세스를 만들고 끝내는 것이
multiprocessing에서 비싼 부분이고, 그래서 풀이 있다고 말합니다. 풀의
작업자는 한 번만 뜹니다. 그 뒤에도 작업마다 비용이 듭니다: 작업을
pickle해서 파이프에 쓰고, 작업자가 읽어 실행하고, 결과를 pickle해서
돌려보냅니다. 빈 작업에 chunksize=1로 map()을 부르면 그 비용이 보입니다.

    python3 -I pool_overhead.py
    python3 -I pool_overhead.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import multiprocessing
import platform
import statistics
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
        pool.map(nothing, range(args.workers * 4), chunksize=1)  # 예열
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
