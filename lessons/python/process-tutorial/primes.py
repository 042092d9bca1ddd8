#!/usr/bin/env python3
"""The process tutorial's prime check: is_prime over the PRIMES list, serially and with ProcessPoolExecutor.

The process tutorial (after the concurrent.futures documentation) checks six numbers by trial
division: five primes near 1.1e14 (the first listed twice) and one composite near 1.1e15. It
recorded 2.05 s serially and 0.60 s with a ProcessPoolExecutor: six numbers in parallel on
a machine with more CPUs. With fewer CPUs than numbers the pool can do no better than
(number of CPUs) times one.

    python3 -I primes.py                    # the tutorial's list (about 2 s + 1 s in CPython)
    python3 -I primes.py --numbers small    # the same shape, 10x less trial division each
    python3 -I primes.py --json             # ProcLab: the last line is one JSON object
"""

import argparse
import concurrent.futures
import json
import math
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

PRIMES = [
    112272535095293,
    112582705942171,
    112272535095293,
    115280095190773,
    115797848077099,
    1099726899285419,  # 3,306,091 x 332,636,609
]

# Every number about 1/100 of the tutorial's: five primes (the first twice) and, last, a
# composite whose smallest factor (330,611) is about a tenth of the tutorial's.
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
    # ProcessPoolExecutor() starts one process per CPU (os.cpu_count()).
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
