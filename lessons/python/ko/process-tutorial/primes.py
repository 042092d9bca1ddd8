#!/usr/bin/env python3
"""프로세스 튜토리얼의 소수 판별: PRIMES 목록에 is_prime을 차례로, 그리고 ProcessPoolExecutor로.

프로세스 튜토리얼(「프로세스(Process)」)은 concurrent.futures 문서를
따라 여섯 수를 나눗셈으로 판별합니다. 1.1e14 근처의 소수 다섯 개(첫 수는
두 번)와 1.1e15 근처의 합성수 하나입니다. 차례로는 2.05초,
ProcessPoolExecutor로는 0.60초가 기록되었습니다. CPU가 더 많은 기계에서
여섯 수를 병렬로 돌린 결과입니다. CPU가 수보다 적으면 풀도 (CPU 수)
배보다 나아질 수 없습니다.

    python3 -I primes.py                    # 튜토리얼의 목록(CPython에서 약 2초 + 1초)
    python3 -I primes.py --numbers small    # 같은 모양, 수마다 나눗셈이 10분의 1
    python3 -I primes.py --json             # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import concurrent.futures
import json
import math
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

PRIMES = [
    112272535095293,
    112582705942171,
    112272535095293,
    115280095190773,
    115797848077099,
    1099726899285419,  # 3,306,091 x 332,636,609
]

# 모든 수가 튜토리얼의 약 100분의 1: 소수 다섯 개(첫 수는 두 번)와, 마지막으로
# 가장 작은 인수(330,611)가 튜토리얼의 약 10분의 1인 합성수 하나.
SMALL = [
    1122725350963,
    1125827059429,
    1122725350963,
    1152800951941,
    1157978480779,
    10997337516647,  # 330,611 x 33,263,677
]


def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    root = math.isqrt(n)
    for i in range(3, root + 1, 2):
        if n % i == 0:
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numbers", choices=["full", "small"], default="full")
    parser.add_argument("--workers", type=int, default=0,
                        help="pool size; 0: ProcessPoolExecutor's default (one per CPU)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    numbers = PRIMES if args.numbers == "full" else SMALL

    start = time.perf_counter()
    serial = list(map(is_prime, numbers))
    serial_seconds = time.perf_counter() - start
    for n, answer in zip(numbers, serial):
        print(f"{n} is prime: {answer}")
    print(f"serial: {serial_seconds:.3f} s")

    start = time.perf_counter()
    # ProcessPoolExecutor()는 CPU마다 프로세스 하나를 띄웁니다(os.cpu_count()).
    workers = args.workers or os.cpu_count()
    with concurrent.futures.ProcessPoolExecutor(workers) as executor:
        pooled = list(executor.map(is_prime, numbers))
    pool_seconds = time.perf_counter() - start
    print(f"ProcessPoolExecutor ({workers} workers, starting them included): {pool_seconds:.3f} s")

    if args.json:
        metrics = {
            "numbers": numbers, "list": args.numbers, "workers": workers,
            "cpus": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
            "serial": {"seconds": serial_seconds, "results": serial},
            "process_pool": {"seconds": pool_seconds, "results": pooled,
                             "speedup": serial_seconds / pool_seconds},
            "agree": serial == pooled,
        }
        print(json.dumps({"program": "process-tutorial/primes", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
