"""연습 dup2-redirect: 셸이 하듯이, 자식의 표준 출력을 파이프로 돌립니다.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 dup2_redirect.py

부모는 파이프를 만들고 fork합니다. 자식은 실제 프로그램 `seq 1 100`을 실행하는데, 이
프로그램은 1부터 100까지를 표준 출력(fd 1)에 씁니다. seq는 파이프가 있는 줄도 모릅니다.
부모는 파이프를 파일 끝까지 읽고, 읽은 줄 수와 그 합을 출력합니다. 주어진 코드에서는 자식이
아무것도 돌리지 않고 seq를 exec합니다. 그래서 seq의 100줄은 곧장 터미널로 가고, 부모는 한
줄도 읽지 못한 채 파일 끝을 봅니다.
"""

import os


def main():
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        # 자식: seq가 됩니다.
        # TODO: exec하기 전에 fd 1이 파이프의 쓰기 끝을 가리키게 하십시오. 셸의 `|`가 하는
        #       일입니다: os.dup2(write_end, 1). 그다음 더 쓰지 않는 두 끝을 원래 번호로
        #       닫으십시오(fd 1이 파이프를 계속 열어 둡니다).
        os.execvp("seq", ["seq", "1", "100"])  # 디스크립터 표는 fd 1까지 그대로 남습니다
        os._exit(127)  # exec가 실패했을 때에만 여기에 옵니다

    # 부모는 읽기만 합니다. 자기 쓰기 끝을 닫아야 파일 끝을 볼 수 있습니다.
    os.close(write_end)
    data = b""
    while True:
        chunk = os.read(read_end, 4096)
        if not chunk:  # 파일 끝: 모든 쓰기 끝이 닫혔습니다
            break
        data += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    numbers = [int(line) for line in data.split()]
    print(f"read {len(numbers)} lines from seq, sum {sum(numbers)}, then end of file")


if __name__ == "__main__":
    main()
