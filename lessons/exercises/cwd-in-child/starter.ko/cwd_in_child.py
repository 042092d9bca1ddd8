"""연습 cwd-in-child: 자식이 작업 디렉터리를 바꿔도 부모의 것은 그대로입니다.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 cwd_in_child.py
"""

import os


def main():
    before = os.getcwd()

    # TODO: 이 두 줄을 여기가 아니라 자식 프로세스에서 하십시오: pid = os.fork(). 자식에서는
    #       (fork가 0을 돌려준 쪽) 디렉터리를 바꾸고, 출력하고, os._exit(0)으로 떠납니다.
    #       os._exit는 파이썬의 출력 버퍼를 건너뜁니다: 먼저 flush=True로 출력하십시오.
    #       부모는 os.waitpid(pid, 0)으로 자식을 기다립니다.
    os.chdir("/")
    print(f"child cwd: {os.getcwd()}")

    after = os.getcwd()
    print("parent cwd unchanged" if after == before else f"parent cwd changed to {after}")


if __name__ == "__main__":
    main()
