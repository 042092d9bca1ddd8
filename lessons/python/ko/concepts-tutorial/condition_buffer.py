#!/usr/bin/env python3
"""threading.Condition으로 만든 유한 버퍼: 개념 튜토리얼이 이름만 든 동기화된 큐.

개념 튜토리얼(「Python의 병렬 처리, 개념(만) 이해해보기」)이 할 일로
남긴 것을 만듭니다. 생산자 스레드들은 번호 붙은 항목을 크기가 정해진
버퍼에 넣고, 소비자 스레드들은 꺼냅니다. 락 하나가 버퍼를 지키고, 두
조건 변수가 그 락을 함께 씁니다: not_full(생산자가 기다림)과
not_empty(소비자가 기다림). wait()가 돌아오면 조건을 `while` 루프에서
다시 확인합니다. 다른 소비자가 항목을 먼저 가져갔을 수 있기 때문입니다.
대신 `if`를 쓰면, 빈 버퍼를 보고 깨어난 소비자가 항목이 있는 것처럼
계속합니다. 이 프로그램은 그런 꺼냄을 하나하나 세고(실제로 하지는 않고),
그래서 두 실행 모두 모든 항목의 행방이 맞은 채로 끝납니다.

    python3 -I condition_buffer.py
    python3 -I condition_buffer.py --capacity 1 --consumers 4
    python3 -I condition_buffer.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import platform
import threading
import time
from collections import deque


def flat(value, prefix=""):
    """지표를 한 단계 이름으로 펼칩니다. 값은 숫자, 문자열,
    bool입니다(ProcLab과의 약속). 중첩된 dict는
    "with_while.empty_takes"처럼 점으로 이은 이름이 됩니다."""
    if not isinstance(value, dict):
        return {prefix: value}
    out = {}
    for key, inner in value.items():
        out.update(flat(inner, f"{prefix}.{key}" if prefix else str(key)))
    return out


def run(capacity, producers, consumers, items, recheck_with_while):
    lock = threading.Lock()
    not_full = threading.Condition(lock)
    not_empty = threading.Condition(lock)
    buffer = deque()
    total = producers * items
    seen = [0] * total
    counts = {"empty_wakeups": 0, "empty_takes": 0, "full_puts": 0, "taken": 0}
    next_id = [0]

    def produce():
        made = 0
        while made < items:
            with lock:
                if recheck_with_while:
                    while len(buffer) == capacity:
                        not_full.wait()
                elif len(buffer) == capacity:
                    not_full.wait()
                if len(buffer) == capacity:
                    counts["full_puts"] += 1  # `if` 버그: 이 put은 넘칠 것입니다
                    continue
                buffer.append(next_id[0])
                next_id[0] += 1
                made += 1
                not_empty.notify()

    def consume():
        while True:
            with lock:
                if counts["taken"] == total:
                    return
                if recheck_with_while:
                    while not buffer and counts["taken"] < total:
                        not_empty.wait()
                        if not buffer:
                            counts["empty_wakeups"] += 1
                elif not buffer:
                    not_empty.wait()
                    if not buffer:
                        counts["empty_wakeups"] += 1
                if counts["taken"] == total:
                    return
                if not buffer:
                    counts["empty_takes"] += 1  # `if` 버그: 여기서 popleft()가 예외를 낼 것입니다
                    continue
                seen[buffer.popleft()] += 1
                counts["taken"] += 1
                not_full.notify()
                if counts["taken"] == total:
                    not_empty.notify_all()  # 마지막 항목: 아직 기다리는 모두가 떠나도 됩니다
                    return

    threads = [threading.Thread(target=consume) for _ in range(consumers)]
    threads += [threading.Thread(target=produce) for _ in range(producers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    return {"consumed": counts["taken"], "consumed_once": all(n == 1 for n in seen),
            "empty_wakeups": counts["empty_wakeups"], "empty_takes": counts["empty_takes"],
            "full_puts": counts["full_puts"], "seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--capacity", type=int, default=4)
    parser.add_argument("--producers", type=int, default=2)
    parser.add_argument("--consumers", type=int, default=3)
    parser.add_argument("--items", type=int, default=2500, help="items each producer puts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    metrics = {"items": args.producers * args.items}
    for name, use_while in (("with_while", True), ("with_if", False)):
        r = run(args.capacity, args.producers, args.consumers, args.items, use_while)
        metrics[name] = r
        print(f"{name.replace('_', ' ')}: {r['consumed']} items taken, each once: {r['consumed_once']}; "
              f"woke to an empty buffer {r['empty_wakeups']} times, went on to take from it "
              f"{r['empty_takes']} times ({r['seconds']:.3f} s)")
    if args.json:
        print(json.dumps({"program": "concepts-tutorial/condition_buffer", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
