#!/usr/bin/env python3
"""프로세스 튜토리얼의 스레드: Thread의 start/join, 멈춤 플래그가 설 때까지 도는 작업자.

프로세스 튜토리얼(「프로세스(Process)」)처럼, 스레드는 자기 프로세스
안에서 돌며 그 메모리를 함께 씁니다. 작업자는 메인 스레드가 세우는 모듈
수준 플래그 `stopped`를 읽습니다. 작업자는 바퀴마다 한 번 플래그를
확인하므로 지금 자고 있는 잠이 끝난 뒤에야 알아챕니다. join()은 플래그가
선 뒤 잠 한 번 안에 돌아옵니다. 튜토리얼의 작업자는 바퀴마다 "do
Overwork"를 출력하고 3초 잤습니다.

    python3 -I thread_stop_flag.py                          # 0.05초 바퀴로 0.2초 동안
    python3 -I thread_stop_flag.py --sleep 3 --for 7        # 튜토리얼의 3초 바퀴
    python3 -I thread_stop_flag.py --json                   # ProcLab용: 마지막 줄이 JSON
"""

import argparse
import json
import os
import platform
import threading
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

stopped = False  # 플래그: 메인 스레드가 세우고 작업자가 읽습니다
lines = []  # 작업자가 "출력한" 것, 두 스레드가 함께 쓰는 메모리에


def worker(work, sleep_seconds):
    while not stopped:
        lines.append(f"do {work}")
        print(f"do {work}", flush=True)
        time.sleep(sleep_seconds)
    lines.append("retired..")
    print("retired..", flush=True)


def main():
    global stopped
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sleep", type=float, default=0.05, help="seconds per round")
    parser.add_argument("--for", dest="duration", type=float, default=0.2,
                        help="seconds before the flag is set")
    parser.add_argument("--threads", type=int, default=2, help="threads to start and join")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    # 자기가 누구인지만 말하는 스레드들: start()가 실행하고 join()이 기다립니다. 스레드들은
    # 배리어에서 만나므로 모두 동시에 살아 있고 ident가 서로 다릅니다(끝난
    # 스레드의 ident는 다음 스레드가 받을 수 있습니다).
    seen = []
    meet = threading.Barrier(args.threads)

    def greet():
        seen.append((os.getpid(), threading.get_ident()))
        meet.wait(30)

    greeters = [threading.Thread(target=greet) for _ in range(args.threads)]
    for t in greeters:
        t.start()
    for t in greeters:
        t.join()

    t = threading.Thread(target=worker, args=("Overwork", args.sleep))
    t.start()
    time.sleep(args.duration)
    stopped = True
    set_at = time.perf_counter()
    t.join()
    join_waited = time.perf_counter() - set_at
    print("worker is gone.")

    if args.json:
        metrics = {
            "pid": os.getpid(),
            "threads": len(greeters),
            "greeter_pids": [pid for pid, _ in seen],
            "distinct_idents": len({ident for _, ident in seen}),
            "overwork_lines": sum(1 for line in lines if line == "do Overwork"),
            "retired": lines[-1:] == ["retired.."],
            "alive_after_join": t.is_alive(),
            "join_waited_seconds": join_waited,
            "sleep": args.sleep, "for": args.duration,
        }
        print(json.dumps({"program": "process-tutorial/thread_stop_flag", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
