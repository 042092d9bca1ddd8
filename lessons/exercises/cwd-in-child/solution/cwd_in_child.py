"""Exercise cwd-in-child, a solution: chdir in the child changes only the child's cwd."""

import os


def main():
    before = os.getcwd()

    pid = os.fork()
    if pid == 0:
        os.chdir("/")
        print(f"child cwd: {os.getcwd()}", flush=True)  # before os._exit, which skips buffers
        os._exit(0)
    os.waitpid(pid, 0)

    after = os.getcwd()
    print("parent cwd unchanged" if after == before else f"parent cwd changed to {after}")


if __name__ == "__main__":
    main()
