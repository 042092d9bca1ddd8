#!/usr/bin/env python3
"""프로세스 튜토리얼의 프로세스: Process의 start, join, terminate.

프로세스 튜토리얼(「프로세스(Process)」)처럼, multiprocessing.Process는
자기만의 메모리를 가진 새 프로세스에서 함수를 실행합니다. start()가
프로세스를 만들고, join()은 끝날 때까지 기다리며, terminate()는
SIGTERM을 보냅니다. 그 뒤 join()이 보는 종료 코드는 -15(시그널 15로
죽음)입니다. 튜토리얼은 join() 다음에 terminate()를 불렀습니다. 그때는
프로세스가 이미 끝나 있으므로 terminate()는 아무것도 하지 않고 종료
코드는 0으로 남습니다. 여기서는 오래 돌 두 번째 프로세스를 도는 중에
terminate합니다.

    python3 -I process_lifecycle.py
    python3 -I process_lifecycle.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import multiprocessing
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


def delivery(answers):
    print("delivering...", flush=True)
    answers.put((os.getpid(), os.getppid()))


def forever(ready):
    ready.set()
    while True:
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    answers = multiprocessing.Queue()
    p = multiprocessing.Process(target=delivery, args=(answers,))
    p.start()
    child_pid, child_ppid = answers.get(timeout=30)
    p.join()  # 정말 끝날 때까지 기다립니다
    p.terminate()  # 튜토리얼처럼: 너무 늦음, 이미 끝났음
    join_exitcode = p.exitcode
    print(f"joined: exit code {join_exitcode}")

    ready = multiprocessing.Event()
    q = multiprocessing.Process(target=forever, args=(ready,))
    q.start()
    ready.wait(30)
    alive_before = q.is_alive()
    start = time.perf_counter()
    q.terminate()
    q.join()
    stop_seconds = time.perf_counter() - start
    print(f"terminated: exit code {q.exitcode} (minus the signal number: SIGTERM is 15)")

    if args.json:
        metrics = {
            "parent_pid": os.getpid(), "child_pid": child_pid, "child_ppid": child_ppid,
            "join_exitcode": join_exitcode, "terminate_after_join_exitcode": p.exitcode,
            "alive_before_terminate": alive_before, "terminate_exitcode": q.exitcode,
            "alive_after_join": q.is_alive(), "terminate_seconds": stop_seconds,
        }
        print(json.dumps({"program": "process-tutorial/process_lifecycle", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
