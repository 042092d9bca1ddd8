"""연습 pipe-close-ends: 자식이 파이프에 다섯 줄을 쓰고, 부모는 파일 끝까지 읽습니다.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 pipe_eof.py
(주어진 그대로는 부모가 파일 끝을 보지 못하고 멈춥니다. Ctrl-C를 누르십시오. `check`는
제한 시간이 지나면 멈춥니다.)
"""

import os

MESSAGES = 5


def main():
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        # 자식: 쓰기만 합니다.
        # TODO 1: 자식이 쓰지 않는 끝(read_end)을 닫으십시오.
        for number in range(1, MESSAGES + 1):
            os.write(write_end, f"message {number}\n".encode())
        os.close(write_end)
        os._exit(0)

    # 부모: 읽기만 합니다.
    # TODO 2: 부모가 쓰지 않는 끝(write_end)을 닫으십시오. read()는 모든 프로세스에서 모든
    #         쓰기 끝이 닫혔을 때에만 b""(파일 끝)를 돌려줍니다. 부모 자신이 쓰기 끝을 쥐고
    #         있는 동안에는 결코 오지 않을 바이트를 기다립니다.
    received = b""
    while True:
        chunk = os.read(read_end, 4096)
        if not chunk:  # 파일 끝
            break
        received += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    print(f"read {len(received.splitlines())} messages, then end of file")


if __name__ == "__main__":
    main()
