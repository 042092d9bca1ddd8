# Exercise reap-three, the reference solution.
import os
import time

children = []
for i in range(3):
    pid = os.fork()
    if pid == 0:
        print(f"child {os.getpid()} of {os.getppid()}", flush=True)
        os._exit(0)
    children.append(pid)
for pid in children:
    os.waitpid(pid, 0)
print(f"reaped {len(children)} children", flush=True)
time.sleep(0.3)
