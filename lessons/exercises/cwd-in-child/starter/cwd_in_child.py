"""Exercise cwd-in-child: a child changes its working directory; its parent's stays.

Run it with `check` in ProcLab, or on its own: python3 cwd_in_child.py
"""

import os


def main():
    before = os.getcwd()

    # TODO: do these two lines in a child process, not here: pid = os.fork(); in the child
    #       (where fork returned 0) change directory, print, and leave with os._exit(0).
    #       os._exit skips Python's output buffers: print with flush=True first.
    #       The parent waits for the child with os.waitpid(pid, 0).
    os.chdir("/")
    print(f"child cwd: {os.getcwd()}")

    after = os.getcwd()
    print("parent cwd unchanged" if after == before else f"parent cwd changed to {after}")


if __name__ == "__main__":
    main()
