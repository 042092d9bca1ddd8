# Exercise find-new-parent, the reference solution.
import os
import time

first_parent = os.getpid()
pid = os.fork()
if pid == 0:
    deadline = time.monotonic() + 5
    while os.getppid() == first_parent and time.monotonic() < deadline:
        time.sleep(0.01)
    print(f"new parent {os.getppid()}", flush=True)
    os._exit(0)
os._exit(0)
