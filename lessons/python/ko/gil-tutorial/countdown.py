#!/usr/bin/env python3
"""GIL 튜토리얼의 실험: n부터 거꾸로 세기를 스레드 1개, 스레드 k개, 프로세스 k개로.

GIL 튜토리얼(「Python socket programming #4 - multiprocessing #1」)은
100,000,000부터 0까지 스레드 하나로 세고(8초 기록), 스레드 둘로
셌습니다(16초 기록). CPython에서는 전역 인터프리터 락(GIL)을 쥔 스레드만
Python 코드를 실행하므로, 두 배의 일을 하는 스레드 둘은 두 배 오래
걸립니다. 프로세스 둘은 저마다 인터프리터와 락을 가지므로 CPU 두 개에서
동시에 돌 수 있습니다.

    python3 -I countdown.py                      # 읽기 좋은 실행 한 번
    python3 -I countdown.py --n 100_000_000      # 튜토리얼의 크기(행마다 약 4-8초)
    python3 -I countdown.py --json               # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import multiprocessing
import platform
import resource
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


def countdown(n):
    while n > 0:
        n -= 1


def cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_once(kind, workers, n):
    """`workers`개의 스레드나 프로세스가 저마다 n부터 거꾸로 셀 때의
    벽시계 시간과 CPU 시간(초)."""
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
        # 초당 한 일을 스레드 하나와 비교합니다. 작업자 k개는 k배의 일을 했습니다.
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
