"""Exercise sigchld-reaper: a parent that reaps its children from a SIGCHLD handler.

Run it with `check` in ProcLab, or on its own: python3 sigchld_reaper.py

The parent blocks SIGCHLD, forks five children that exit at once, and waits until all five
have ended (os.waitid with WNOWAIT waits for an end without reaping). Then it unblocks
SIGCHLD. Five children ended, but a pending signal is one bit, not a counter: the handler
runs once. The parent gives the handler half a second to reap them all, prints how many it
reaped, and lives on 0.5 s more, so a child left unreaped stays a zombie long enough to see.
"""

import os
import signal
import time

CHILDREN = 5
reaped = 0


def on_sigchld(signo, frame):
    global reaped
    # TODO: one SIGCHLD may stand for several ended children. Reap in a loop:
    #       os.waitpid(-1, os.WNOHANG) until it returns pid 0 (children left, none ended)
    #       or raises ChildProcessError (no children left at all).
    pid, _ = os.waitpid(-1, os.WNOHANG)
    if pid > 0:
        reaped += 1


def main():
    signal.signal(signal.SIGCHLD, on_sigchld)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
    pids = []
    for _ in range(CHILDREN):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        pids.append(pid)
    for pid in pids:  # every child has ended; none is reaped yet
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})  # SIGCHLD arrives once
    deadline = time.monotonic() + 0.5
    while reaped < CHILDREN and time.monotonic() < deadline:
        time.sleep(0.01)
    print(f"reaped {reaped} of {CHILDREN} children", flush=True)
    time.sleep(0.5)


if __name__ == "__main__":
    main()
