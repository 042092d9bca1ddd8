#!/usr/bin/env python3
"""The concepts tutorial's process creation: fork, exec and wait, with the os module.

os.fork() makes a copy of this process: it returns 0 in the child and the child's pid in the
parent. The child may exec another program (os.execv replaces the program, keeping the pid),
or simply end with os._exit(status). The parent's os.waitpid() waits for a child and collects
its exit status; until then an ended child stays in the process table.

    python3 -I fork_exec_wait.py
    python3 -I fork_exec_wait.py --children 5
    python3 -I fork_exec_wait.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import os
import platform
import sys


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
        if pid == 0:  # the child: say who its parent is, then end with status index + 1
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

    # fork, then exec: the child becomes another program (this Python, asked to exit 7).
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
