#!/usr/bin/env python3
"""The process tutorial's profiling example: eight ways to build 100 numbers, timed with timeit.

The tutorial builds a set, a list, a tuple and a string from range(100), then a set and a
list one element at a time (add, append), then a set and a list comprehension, and times each
with timeit. (Its last two printed lines time the add and append versions again under the
comprehension labels; here every label times its own function.) timeit runs the statement
many times per measurement and this program repeats each measurement, reporting the median
time of one call.

    python3 -I timeit_collections.py
    python3 -I timeit_collections.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import platform
import statistics
import timeit


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


def f_set():
    return set(range(100))


def f_list():
    return list(range(100))


def f_tuple():
    return tuple(range(100))


def f_string():
    return str(range(100))  # "range(0, 100)": no numbers are built at all


def f_set_add():
    s = set()
    for i in range(100):
        s.add(i)
    return s


def f_list_append():
    values = []
    for i in range(100):
        values.append(i)
    return values


def f_set_comprehension():
    return {i for i in range(100)}


def f_list_comprehension():
    return [i for i in range(100)]


WAYS = [
    ("set", f_set), ("list", f_list), ("tuple", f_tuple), ("string", f_string),
    ("set_add", f_set_add), ("list_append", f_list_append),
    ("set_comprehension", f_set_comprehension), ("list_comprehension", f_list_comprehension),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measurements of each way")
    parser.add_argument("--target", type=float, default=0.01,
                        help="seconds one measurement should last (sets the loops)")
    parser.add_argument("--what", default=",".join(key for key, _ in WAYS),
                        help="which ways to time, comma-separated")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    metrics = {}
    wanted = args.what.split(",")
    for key, function in WAYS:
        if key not in wanted:
            continue
        timer = timeit.Timer(function)
        timer.timeit(number=100)  # warm-up
        # Loops per measurement: enough for the measurement to last about --target seconds.
        loops = 1
        while True:
            elapsed = timer.timeit(number=loops)
            if elapsed >= args.target or loops >= 10_000_000:
                break
            loops *= 2 if elapsed == 0 else max(2, min(10, int(args.target / elapsed * 1.2)))
        runs = [timer.timeit(number=loops) / loops for _ in range(args.runs)]
        median = statistics.median(runs)
        print(f"{key:19}: {median * 1e6:8.3f} µs per call ({args.runs} runs of {loops} loops)")
        metrics[key] = {"median_seconds": median, "runs": args.runs, "loops": loops,
                        "samples": runs}
    if metrics:
        metrics["fastest"] = min((m["median_seconds"], k) for k, m in metrics.items())[1]
    metrics["string_value"] = f_string()
    if args.json:
        print(json.dumps({"program": "process-tutorial/timeit_collections", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
