#!/usr/bin/env python3
"""IPC 튜토리얼의 과제: 두 프로세스가 세마포어 아래에서 공유 메모리의 수 하나에 각각 50,000,000씩 더합니다.

IPC 튜토리얼(「[TIL - 11 / Python] process」)처럼, 그 수는 SharedMemory
블록에 있고 두 프로세스가 이름으로 붙어(attach) 원소 하나짜리 numpy
배열로 봅니다. 각 프로세스는 제 몫을 지역 변수로 센 다음 Semaphore(1)를
얻고, 센 값을 공유된 수에 더하고, 세마포어를 놓습니다. 합계는 정확히 2 x
50,000,000 = 100,000,000입니다. 세마포어가 없으면 두 프로세스에서 동시에
도는 `b[0] += 1`은 읽기, 더하기, 쓰기이므로 갱신이 사라질 수
있습니다(--unlocked 200000으로 해 보세요).

    python3 -I shm_assignment.py                            # 2 x 2,000,000(1초 안쪽)
    python3 -I shm_assignment.py --increments 50_000_000    # 튜토리얼의 크기(몇 초)
    python3 -I shm_assignment.py --json                     # ProcLab용: 마지막 줄이 JSON

튜토리얼처럼 numpy가 필요합니다(pip install numpy).
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
        b[0] += 1  # 읽기, 더하기, 쓰기: 락 없음
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
