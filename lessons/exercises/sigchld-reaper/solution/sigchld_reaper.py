"""Exercise sigchld-reaper, a solution: the handler reaps every ended child, in a loop."""

import os
import signal
import time

CHILDREN = 5
reaped = 0


def on_sigchld(signo, frame):
    global reaped
    while True:  # one SIGCHLD may stand for several ended children
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # no children left at all
            return
        if pid == 0:  # children left, but none has ended
            return
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
    for pid in pids:
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
    deadline = time.monotonic() + 0.5
    while reaped < CHILDREN and time.monotonic() < deadline:
        time.sleep(0.01)
    print(f"reaped {reaped} of {CHILDREN} children", flush=True)
    time.sleep(0.5)


if __name__ == "__main__":
    main()
