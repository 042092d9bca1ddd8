#!/usr/bin/env python3
"""개념 튜토리얼의 좀비 프로세스와 고아 프로세스를 /proc에서 봅니다.

개념 튜토리얼(「Python의 병렬 처리, 개념(만) 이해해보기」)처럼, 끝난
자식은 부모가 기다려 줄 때까지 좀비(/proc/<pid>/stat의 상태 Z)로
프로세스 테이블에 남습니다. waitpid()가 종료 상태를 거두고 그것을
없앱니다. 부모가 먼저 끝난 자식은 고아입니다. 리눅스는 새 부모를 붙여
줍니다. "서브리퍼(subreaper)"가 되겠다고 한 가장 가까운 조상(ProcLab의
데모 실행기가 그렇습니다), 그런 조상이 없으면 init, 곧 pid 1입니다.

    python3 -I zombie_orphan.py
    python3 -I zombie_orphan.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
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


def state(pid):
    """/proc/<pid>/stat의 상태 글자(R, S, Z...). pid가 사라졌으면 None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return None


def ppid_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except FileNotFoundError:
        return None


def zombie():
    pid = os.fork()
    if pid == 0:
        os._exit(3)
    deadline = time.monotonic() + 10
    while state(pid) != "Z" and time.monotonic() < deadline:
        time.sleep(0.005)
    before = state(pid)
    _, status = os.waitpid(pid, 0)
    return {"pid": pid, "state_before_reap": before,
            "exit_status": os.waitstatus_to_exitcode(status), "reaped": state(pid) is None}


def orphan():
    told_read, told_write = os.pipe()
    go_read, go_write = os.pipe()
    middle = os.fork()
    if middle == 0:  # 곧 잃을 부모
        grandchild = os.fork()
        if grandchild == 0:  # 곧 고아가 될 자식: 부모가 사라졌다는 말을 들을 때까지 기다립니다
            os.close(go_write)
            os.read(go_read, 1)
            os._exit(0)
        os.write(told_write, f"{grandchild}\n".encode())
        os._exit(0)  # 자식을 기다리지 않고 끝납니다
    os.close(told_write)
    grandchild = int(os.read(told_read, 64).decode())
    os.waitpid(middle, 0)  # 가운데 프로세스가 사라졌습니다. 그 자식은 이제 고아입니다
    deadline = time.monotonic() + 10
    while ppid_of(grandchild) == middle and time.monotonic() < deadline:
        time.sleep(0.005)
    new_ppid = ppid_of(grandchild)
    os.write(go_write, b"x")  # 고아를 끝내게 합니다. 새 부모가 그것을 거둡니다
    for fd in (told_read, go_read, go_write):
        os.close(fd)
    if new_ppid == os.getpid():  # 우리가 입양했습니다(우리는 서브리퍼): 우리가 직접 기다립니다
        os.waitpid(grandchild, 0)
    return {"child_pid": grandchild, "original_ppid": middle,
            "new_ppid": -1 if new_ppid is None else new_ppid,
            "reparented": new_ppid not in (None, middle), "adopted_by_us": new_ppid == os.getpid()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    z = zombie()
    print(f"zombie: child {z['pid']} was in state {z['state_before_reap']} until waited for; "
          f"exit status {z['exit_status']}")
    o = orphan()
    print(f"orphan: child {o['child_pid']} lost parent {o['original_ppid']}; "
          f"its parent is now {o['new_ppid']}")
    if args.json:
        metrics = {"pid": os.getpid(), "zombie": z, "orphan": o}
        print(json.dumps({"program": "concepts-tutorial/zombie_orphan", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
