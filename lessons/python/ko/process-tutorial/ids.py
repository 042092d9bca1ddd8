#!/usr/bin/env python3
"""프로세스 튜토리얼의 첫 예제: os 모듈로 알아보는, 이 프로세스가 누구인지.

프로세스 튜토리얼(「프로세스(Process)」)에서처럼, 프로그램을 실행할
때마다 새 프로세스 id를 가진 새 프로세스가 됩니다. 사용자 id와 그룹 id는
그것이 누구의 것인지, 작업 디렉터리는 상대 경로가 어디서 시작하는지 알려
줍니다. 부모 프로세스 id는 이 프로세스를 띄운 프로세스입니다.

    python3 -I ids.py
    python3 -I ids.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import os
import platform


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
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    metrics = {
        "pid": os.getpid(), "ppid": os.getppid(), "pgid": os.getpgid(0), "sid": os.getsid(0),
        "uid": os.getuid(), "euid": os.geteuid(), "gid": os.getgid(), "cwd": os.getcwd(),
    }
    for key, value in metrics.items():
        print(f"{key:5} {value}")
    if args.json:
        print(json.dumps({"program": "process-tutorial/ids", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
