#!/usr/bin/env python3
"""The IPC tutorial's pipe: a child process sends [42, None, 'hello'] through Pipe(), the parent receives it.

Pipe() returns the two ends of one connection. send() pickles a Python object and writes it;
recv() reads one whole object and unpickles it, so the list arrives as a list, not as bytes.
Both ends can send and receive (duplex=True is the default).

    python3 -I pipe_send_recv.py
    python3 -I pipe_send_recv.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import multiprocessing
import os
import platform


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


def f(conn):
    conn.send([42, None, "hello"])
    # Duplex: the child also answers what the parent sends back.
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
            "received": repr(received),  # "[42, None, 'hello']": a list again, None and all
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
