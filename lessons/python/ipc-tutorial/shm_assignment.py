#!/usr/bin/env python3
"""The IPC tutorial's assignment: two processes add 50,000,000 each to one number in shared memory, under a semaphore.

The number lives in a SharedMemory block that both processes attach by name and view as a
one-element numpy array. Each process counts to its share in a local variable, then takes
the Semaphore(1), adds its count to the shared number and releases it: the total is exactly
2 x 50,000,000 = 100,000,000. Without the semaphore, `b[0] += 1` in both processes at once
is a read, an add and a write: updates can be lost (try --unlocked 200000).

    python3 -I shm_assignment.py                            # 2 x 2,000,000 (under a second)
    python3 -I shm_assignment.py --increments 50_000_000    # the tutorial's size (several s)
    python3 -I shm_assignment.py --json                     # ProcLab: the last line is JSON

numpy is needed, as in the tutorial (pip install numpy).
"""

import argparse
import json
import platform
import time
from multiprocessing import Process, Semaphore, shared_memory

try:
    import numpy as np
except ImportError:
    np = None


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


def worker(number, name, sema):
    increased = 0
    for _ in range(number):
        increased += 1
    sema.acquire()
    try:
        block = shared_memory.SharedMemory(name=name)
        b = np.ndarray((1,), dtype=np.int64, buffer=block.buf)
        b[0] += increased
        del b
        block.close()
    finally:
        sema.release()


def unlocked_worker(number, name):
    block = shared_memory.SharedMemory(name=name)
    b = np.ndarray((1,), dtype=np.int64, buffer=block.buf)
    for _ in range(number):
        b[0] += 1  # read, add, write: no lock
    del b
    block.close()


def run(target, args_for):
    shm = shared_memory.SharedMemory(create=True, size=8)
    try:
        c = np.ndarray((1,), dtype=np.int64, buffer=shm.buf)
        c[0] = 0
        start = time.perf_counter()
        workers = [Process(target=target, args=args_for(shm.name)) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        seconds = time.perf_counter() - start
        total = int(c[0])
        del c
        return total, seconds, [w.exitcode for w in workers]
    finally:
        shm.close()
        shm.unlink()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--increments", type=lambda s: int(s.replace("_", "")),
                        default=2_000_000,
                        help="what each process adds (the tutorial: 50,000,000)")
    parser.add_argument("--unlocked", type=lambda s: int(s.replace("_", "")), default=0,
                        help="also add 1 this many times per process with no semaphore")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    program = {"program": "ipc-tutorial/shm_assignment", "python": platform.python_version()}
    if np is None:
        print("numpy is not installed for this python3: the assignment uses it (pip install numpy)")
        if args.json:
            print(json.dumps(program | {"skipped": "numpy is not installed", "metrics": {}}))
        return

    sema = Semaphore(1)
    total, seconds, codes = run(worker, lambda name: (args.increments, name, sema))
    expected = 2 * args.increments
    print(f"--- {seconds:.3f} seconds ---")
    print(f"total_number={total} (expected {expected})")
    metrics = {"semaphore": {"final": total, "expected": expected, "lost": expected - total,
                             "seconds": seconds, "exit_codes": codes},
               "increments": args.increments, "numpy": np.__version__}
    if args.unlocked:
        total, seconds, codes = run(unlocked_worker, lambda name: (args.unlocked, name))
        expected = 2 * args.unlocked
        print(f"no semaphore, b[0] += 1 {args.unlocked} times in each: {total} of {expected}")
        metrics["unlocked"] = {"final": total, "expected": expected, "lost": expected - total,
                               "seconds": seconds, "exit_codes": codes}
    if args.json:
        print(json.dumps(program | {"metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
