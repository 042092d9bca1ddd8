#!/usr/bin/env python3
"""개념 튜토리얼의 프로세스 생성: os 모듈로 하는 fork, exec, wait.

개념 튜토리얼(「Python의 병렬 처리, 개념(만) 이해해보기」)처럼,
os.fork()는 이 프로세스의 복사본을 만듭니다. 자식에게는 0을, 부모에게는
자식의 pid를 돌려줍니다. 자식은 다른 프로그램을 exec할 수도
있고(os.execv는 pid는 그대로 두고 프로그램을 바꿉니다), 그냥
os._exit(status)로 끝날 수도 있습니다. 부모의 os.waitpid()는 자식을
기다려 그 종료 상태를 거둡니다. 그때까지 끝난 자식은 프로세스 테이블에
남습니다.

    python3 -I fork_exec_wait.py
    python3 -I fork_exec_wait.py --children 5
    python3 -I fork_exec_wait.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import os
import platform
import sys


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    parent = os.getpid()
    report_read, report_write = os.pipe()
    children = []
    for index in range(args.children):
        pid = os.fork()
        if pid == 0:  # 자식: 부모가 누구인지 말하고 상태 index + 1로 끝납니다
            os.close(report_read)
            os.write(report_write, f"{os.getpid()} {os.getppid()}\n".encode())
            os._exit(index + 1)
        children.append(pid)
    os.close(report_write)
    with os.fdopen(report_read) as reports:
        told = dict(tuple(map(int, line.split())) for line in reports)
    statuses = {}
    for pid in children:
        _, status = os.waitpid(pid, 0)
        statuses[pid] = os.waitstatus_to_exitcode(status)
        print(f"child {pid} (parent {told[pid]}) exited with {statuses[pid]}")

    # fork한 다음 exec: 자식은 다른 프로그램(종료 코드 7로 끝나라고 한 이 Python)이 됩니다.
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(sys.executable, [sys.executable, "-I", "-c", "import sys; sys.exit(7)"])
        finally:
            os._exit(127)
    _, status = os.waitpid(pid, 0)
    exec_status = os.waitstatus_to_exitcode(status)
    print(f"fork + exec child {pid} exited with {exec_status}")

    if args.json:
        metrics = {
            "parent_pid": parent, "children": len(children),
            "children_ppids_match": all(told[pid] == parent for pid in children),
            "exit_statuses": [statuses[pid] for pid in children],
            "exec_exit_status": exec_status,
        }
        print(json.dumps({"program": "concepts-tutorial/fork_exec_wait", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
