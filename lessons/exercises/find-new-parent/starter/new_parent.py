# Exercise find-new-parent: make an orphan and find its new parent.
#
# The parent forks a child and exits at once, without waiting. The child waits until its
# parent has changed (os.getppid() is no longer the pid it started with), then prints
# "new parent <pid>" and exits. Under check, the new parent is ProcLab: a child subreaper.
import os
import time

first_parent = os.getpid()
pid = os.fork()
if pid == 0:
    # TODO: wait (at most 5 s) until os.getppid() differs from first_parent.
    print(f"new parent {os.getppid()}", flush=True)
    os._exit(0)
# TODO: the parent must not wait: it must end now, leaving its child an orphan.
os.waitpid(pid, 0)
