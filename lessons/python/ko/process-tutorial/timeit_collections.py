#!/usr/bin/env python3
"""프로세스 튜토리얼의 프로파일링 예제: 숫자 100개를 만드는 여덟 가지 방법을 timeit으로 잽니다.

프로세스 튜토리얼(「프로세스(Process)」)은 range(100)으로 집합, 리스트,
튜플, 문자열을 만들고, 이어서 집합과 리스트를 원소 하나씩(add, append)
만들고, 마지막으로 집합 컴프리헨션과 리스트 컴프리헨션으로 만들어 저마다
timeit으로 잽니다. (글의 마지막 두 줄은 컴프리헨션의 이름을 달고 add와
append 판을 한 번 더 잽니다. 여기서는 이름마다 제 함수를 잽니다.)
timeit은 한 번 잴 때 문장을 여러 번 실행하고, 이 프로그램은 잰 것을
되풀이해 호출 한 번의 중앙값 시간을 알려 줍니다.

    python3 -I timeit_collections.py
    python3 -I timeit_collections.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import platform
import statistics
import timeit


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


def f_set():
    return set(range(100))


def f_list():
    return list(range(100))


def f_tuple():
    return tuple(range(100))


def f_string():
    return str(range(100))  # "range(0, 100)": 숫자는 하나도 만들지 않습니다


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
        timer.timeit(number=100)  # 예열
        # 한 번 잴 때의 반복 수: 한 번 재는 데 약 --target초가 걸릴 만큼.
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
