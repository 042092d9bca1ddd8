#!/usr/bin/env python3
"""IPC 튜토리얼의 주장 "Pipe가 Queue보다 빠르다"를 같은 메시지로 잽니다.

IPC 튜토리얼(「[TIL - 11 / Python] process」)의 두 방법 모두 pickle한
Python 객체를 두 프로세스 사이에 나릅니다. Pipe()의 Connection은
메시지마다 파이프에 직접 씁니다. multiprocessing.Queue는 보내는 쪽에
피더 스레드(feeder thread)를, 읽는 쪽이 여럿일 때를 위한 락을, 크기를
위한 세마포어를 더하므로 메시지마다 더 비쌉니다. 두 방법 모두 자식에서
부모로 같은 메시지를 보내고, 시간은 첫 send부터 마지막 수신까지이며,
여러 번 되풀이합니다(중앙값).

    python3 -I pipe_vs_queue.py
    python3 -I pipe_vs_queue.py --messages 100000 --size 64
    python3 -I pipe_vs_queue.py --json   # ProcLab용, 마지막 줄이 JSON
"""

import argparse
import json
import multiprocessing
import platform
import statistics
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


def send_pipe(conn, messages, payload, go):
    go.wait()
    for i in range(messages):
        conn.send((i, payload))
    conn.close()


def send_queue(q, messages, payload, go):
    go.wait()
    for i in range(messages):
        q.put((i, payload))
    q.close()
    q.join_thread()  # 프로세스가 끝나기 전에 모두 파이프에 넘겼습니다


def one_run(kind, messages, payload):
    go = multiprocessing.Event()
    if kind == "pipe":
        receiver, sender = multiprocessing.Pipe(duplex=False)
        p = multiprocessing.Process(target=send_pipe, args=(sender, messages, payload, go))
        receive = receiver.recv
    else:
        q = multiprocessing.Queue()
        p = multiprocessing.Process(target=send_queue, args=(q, messages, payload, go))
        receive = q.get
    p.start()
    start = time.perf_counter()
    go.set()
    in_order = True
    for expected in range(messages):
        i, _ = receive()
        in_order = in_order and i == expected
    seconds = time.perf_counter() - start
    p.join()
    return seconds, in_order


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--size", type=int, default=64, help="bytes of payload per message")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    payload = b"x" * args.size

    metrics = {"messages": args.messages, "size": args.size, "runs": args.runs}
    one_run("pipe", min(args.messages, 100), payload)  # 예열
    for kind in ("pipe", "queue"):
        results = [one_run(kind, args.messages, payload) for _ in range(args.runs)]
        samples = [s for s, _ in results]
        median = statistics.median(samples)
        metrics[kind] = {
            "median_seconds": median, "samples": samples,
            "seconds_per_message": median / args.messages,
            "messages_per_second": args.messages / median,
            "in_order": all(ok for _, ok in results),
        }
        print(f"{kind:5}: {args.messages} messages of {args.size} B in {median:.3f} s "
              f"({args.messages / median:,.0f} per second)")
    metrics["queue_over_pipe"] = metrics["queue"]["median_seconds"] / metrics["pipe"]["median_seconds"]
    if args.json:
        print(json.dumps({"program": "ipc-tutorial/pipe_vs_queue", "python": platform.python_version(),
                          "metrics": flat(metrics)}))


if __name__ == "__main__":
    main()
