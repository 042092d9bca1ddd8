# Exercise child-pids, the reference solution.
import os

print(f"parent {os.getpid()}", flush=True)
pid = os.fork()
if pid == 0:
    print(f"child {os.getpid()} of {os.getppid()}", flush=True)
    os._exit(0)
os.waitpid(pid, 0)
