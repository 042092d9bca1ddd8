#!/usr/bin/env python3
"""The IPC tutorial's claim that a Pipe is faster than a Queue, measured on the same messages.

Both carry pickled Python objects between two processes. A Connection from Pipe() writes each
message to the pipe itself; a multiprocessing.Queue adds a feeder thread in the sender, a lock
for several readers and a semaphore for its size, so each message costs more. Each way sends
the same messages from a child to the parent; the time runs from the first send to the last
receive, and is repeated (median).

    python3 -I pipe_vs_queue.py
    python3 -I pipe_vs_queue.py --messages 100000 --size 64
    python3 -I pipe_vs_queue.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import multiprocessing
import platform
import statistics
import time


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
    q.join_thread()  # everything handed to the pipe before the process ends


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
    one_run("pipe", min(args.messages, 100), payload)  # warm-up
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
