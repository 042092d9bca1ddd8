#!/usr/bin/env python3
"""IPC 튜토리얼의 파이프: 자식 프로세스가 Pipe()로 [42, None, 'hello']를 보내고 부모가 받습니다.

IPC 튜토리얼(「[TIL - 11 / Python] process」)처럼, Pipe()는 연결 하나의
두 끝을 돌려줍니다. send()는 Python 객체를 pickle해서 쓰고, recv()는
객체 하나를 통째로 읽어 unpickle합니다. 그래서 리스트는 바이트가 아니라
리스트로 도착합니다. 두 끝 모두 보내고 받을 수 있습니다 (기본값이
duplex=True).

    python3 -I pipe_send_recv.py
    python3 -I pipe_send_recv.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import multiprocessing
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


def f(conn):
    conn.send([42, None, "hello"])
    # 양방향(duplex): 자식은 부모가 돌려보내는 것에도 답합니다.
    question = conn.recv()
    conn.send({"child_pid": os.getpid(), "doubled": [x * 2 for x in question]})
    conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    parent_conn, child_conn = multiprocessing.Pipe()
    p = multiprocessing.Process(target=f, args=(child_conn,))
    p.start()
    received = parent_conn.recv()
    print(received)
    parent_conn.send([1, 2, 3])
    answer = parent_conn.recv()
    p.join()
    print(f"and back from process {answer['child_pid']}: {answer['doubled']}")
    if args.json:
        metrics = {
            "received": repr(received),  # "[42, None, 'hello']": None까지 그대로 다시 리스트
            "received_type": type(received).__name__,
            "received_item_types": ",".join(type(x).__name__ for x in received),
            "intact": received == [42, None, "hello"],
            "duplex_answer": answer["doubled"],
            "parent_pid": os.getpid(), "child_pid": answer["child_pid"],
            "exit_code": p.exitcode,
        }
        print(json.dumps({"program": "ipc-tutorial/pipe_send_recv", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
