"""Exercise pipe-close-ends: a child writes five lines into a pipe, the parent reads to end of file.

Run it with `check` in ProcLab, or on its own: python3 pipe_eof.py
(As given, the parent never sees end of file and hangs: press Ctrl-C. `check` stops it
after its timeout.)
"""

import os

MESSAGES = 5


def main():
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        # The child: it only writes.
        # TODO 1: close the end the child does not use (read_end).
        for number in range(1, MESSAGES + 1):
            os.write(write_end, f"message {number}\n".encode())
        os.close(write_end)
        os._exit(0)

    # The parent: it only reads.
    # TODO 2: close the end the parent does not use (write_end). read() returns b"" (end of
    #         file) only when every write end is closed, in every process: while the parent
    #         itself holds one open, it waits for bytes that can never come.
    received = b""
    while True:
        chunk = os.read(read_end, 4096)
        if not chunk:  # end of file
            break
        received += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    print(f"read {len(received.splitlines())} messages, then end of file")


if __name__ == "__main__":
    main()
