"""Exercise pipe-close-ends, a solution: each side closes the end it does not use."""

import os

MESSAGES = 5


def main():
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        for number in range(1, MESSAGES + 1):
            os.write(write_end, f"message {number}\n".encode())
        os.close(write_end)  # the last write end: the parent's read() now returns b""
        os._exit(0)

    os.close(write_end)
    received = b""
    while True:
        chunk = os.read(read_end, 4096)
        if not chunk:
            break
        received += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    print(f"read {len(received.splitlines())} messages, then end of file")


if __name__ == "__main__":
    main()
