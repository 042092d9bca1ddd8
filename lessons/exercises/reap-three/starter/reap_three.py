# Exercise reap-three: fork three children and reap them all.
#
# The parent forks three children. Each child prints "child <its pid> of <its parent's pid>"
# and exits; the parent waits for all three and prints "reaped 3 children".
import os

for i in range(3):
    pid = os.fork()
    if pid == 0:
        print(f"child {os.getpid()} of {os.getppid()}", flush=True)
        # TODO: the child must leave here, or it goes round the loop and forks too.
# TODO: wait for each child the parent made.
print("reaped 3 children", flush=True)
