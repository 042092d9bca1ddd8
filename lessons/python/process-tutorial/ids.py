#!/usr/bin/env python3
"""The process tutorial's first example: who this process is, from the os module.

Every run of a program is a new process with a new process id; the user and group ids say
whose it is, and the working directory is where relative paths start. The parent process id
is the process that started this one.

    python3 -I ids.py
    python3 -I ids.py --json   # ProcLab: the last line is one JSON object
"""

import argparse
import json
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
