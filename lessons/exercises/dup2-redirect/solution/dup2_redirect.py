"""Exercise dup2-redirect, a solution: the child's fd 1 is the pipe's write end when it execs."""

import os


def main():
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(write_end, 1)  # fd 1 now points at the pipe, and stays open across exec
        os.close(write_end)
        os.close(read_end)
        os.execvp("seq", ["seq", "1", "100"])
        os._exit(127)

    os.close(write_end)
    data = b""
    while True:
        chunk = os.read(read_end, 4096)
        if not chunk:
            break
        data += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    numbers = [int(line) for line in data.split()]
    print(f"read {len(numbers)} lines from seq, sum {sum(numbers)}, then end of file")


if __name__ == "__main__":
    main()
