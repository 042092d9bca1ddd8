# Exercise child-pids: a child prints its pid and its parent's.
#
# Make the parent fork one child. The child prints "child <its pid> of <its parent's pid>"
# and leaves with os._exit(0); the parent prints "parent <its pid>" and waits for the child.
#
# os._exit never flushes Python's output buffer: print with flush=True.
import os

# TODO: fork here. For now only the parent speaks, and there is no child.
print(f"parent {os.getpid()}", flush=True)
