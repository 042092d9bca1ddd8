"""Exercise dup2-redirect: a child's standard output, redirected into a pipe, as a shell does.

Run it with `check` in ProcLab, or on its own: python3 dup2_redirect.py

The parent makes a pipe and forks. The child runs the real program `seq 1 100`, which prints
1 to 100 on its standard output, fd 1: it never heard of the pipe. The parent reads the pipe
to end of file and prints how many lines it read and their sum. As given, the child execs seq
without redirecting anything: seq's 100 lines go straight to the terminal, the parent reads
none of them, and still sees end of file.
"""

import os


def main():
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        # The child: it becomes seq.
        # TODO: make fd 1 point at the pipe's write end before the exec, as a shell's `|`
        #       does: os.dup2(write_end, 1). Then close the two ends it no longer needs by
        #       their own numbers (fd 1 keeps the pipe open).
        os.execvp("seq", ["seq", "1", "100"])  # keeps the descriptor table, fd 1 included
        os._exit(127)  # only reached when the exec failed

    # The parent only reads: it closes its write end, or it would never see end of file.
    os.close(write_end)
    data = b""
    while True:
        chunk = os.read(read_end, 4096)
        if not chunk:  # end of file: every write end is closed
            break
        data += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    numbers = [int(line) for line in data.split()]
    print(f"read {len(numbers)} lines from seq, sum {sum(numbers)}, then end of file")


if __name__ == "__main__":
    main()
