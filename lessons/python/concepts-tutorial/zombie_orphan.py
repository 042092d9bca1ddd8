#!/usr/bin/env python3
"""The concepts tutorial's zombie and orphan processes, seen in /proc.

A child that has ended stays in the process table as a zombie (state Z in /proc/<pid>/stat)
until its parent waits for it; waitpid() collects its exit status and removes it. A child
whose parent ends first is an orphan: Linux gives it a new parent, the nearest ancestor that
asked to be a "subreaper" (ProcLab's demo runner is one) or else init, pid 1.

    python3 -I zombie_orphan.py
    python3 -I zombie_orphan.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
import os
import platform
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


def state(pid):
    """The state letter in /proc/<pid>/stat (R, S, Z...), or None once the pid is gone."""
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
    if middle == 0:  # the parent-to-be-lost
        grandchild = os.fork()
        if grandchild == 0:  # the orphan-to-be: waits until told its parent has gone
            os.close(go_write)
            os.read(go_read, 1)
            os._exit(0)
        os.write(told_write, f"{grandchild}\n".encode())
        os._exit(0)  # ends without waiting for its child
    os.close(told_write)
    grandchild = int(os.read(told_read, 64).decode())
    os.waitpid(middle, 0)  # the middle process is gone; its child is an orphan now
    deadline = time.monotonic() + 10
    while ppid_of(grandchild) == middle and time.monotonic() < deadline:
        time.sleep(0.005)
    new_ppid = ppid_of(grandchild)
    os.write(go_write, b"x")  # let the orphan end; its new parent collects it
    for fd in (told_read, go_read, go_write):
        os.close(fd)
    if new_ppid == os.getpid():  # we adopted it (we are a subreaper): wait for it ourselves
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
