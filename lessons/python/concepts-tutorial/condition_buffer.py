#!/usr/bin/env python3
"""A bounded buffer with threading.Condition: the synchronized queue the concepts tutorial names.

Producer threads put numbered items into a buffer of fixed capacity; consumer threads take
them out. One lock guards the buffer, and two conditions share it: not_full (producers wait
on it) and not_empty (consumers wait on it). After wait() returns, the condition is checked
again in a `while` loop: another consumer may have taken the item first. With `if` instead,
a consumer that wakes to an empty buffer goes on as if an item were there; this program
counts each such take (and does not do it), so both runs end with every item accounted for.

    python3 -I condition_buffer.py
    python3 -I condition_buffer.py --capacity 1 --consumers 4
    python3 -I condition_buffer.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import platform
import threading
import time
from collections import deque


def flat(value, prefix=""):
    """The metrics as one level of name: number, string or bool (ProcLab's contract): a
    nested dict becomes dotted names, such as "with_while.empty_takes"."""
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
                    counts["full_puts"] += 1  # the `if` bug: this put would overflow
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
                    counts["empty_takes"] += 1  # the `if` bug: popleft() would raise here
                    continue
                seen[buffer.popleft()] += 1
                counts["taken"] += 1
                not_full.notify()
                if counts["taken"] == total:
                    not_empty.notify_all()  # the last item: everyone still waiting may leave
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
