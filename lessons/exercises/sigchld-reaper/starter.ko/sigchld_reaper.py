"""연습 sigchld-reaper: SIGCHLD 핸들러에서 자식들을 거두는 부모.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 sigchld_reaper.py

부모는 SIGCHLD를 막아(block) 두고, 곧바로 끝나는 자식 다섯을 fork한 뒤, 다섯이 모두 끝날
때까지 기다립니다(os.waitid에 WNOWAIT를 주면 거두지 않고 끝나기만 기다립니다). 그다음
SIGCHLD의 막음을 풉니다. 자식은 다섯이 끝났지만, 대기 중인(pending) 시그널은 횟수가 아니라
비트 하나이므로 핸들러는 한 번만 실행됩니다. 부모는 핸들러에게 0.5초를 주어 모두 거두게 한
뒤 거둔 수를 출력하고, 0.5초를 더 살아 있습니다. 거두지 못한 자식은 그동안 좀비로 남아
눈에 보입니다.
"""

import os
import signal
import time

CHILDREN = 5
reaped = 0


def on_sigchld(signo, frame):
    global reaped
    # TODO: SIGCHLD 하나가 끝난 자식 여럿을 뜻할 수 있습니다. 반복문으로 거두십시오.
    #       os.waitpid(-1, os.WNOHANG)가 pid 0(자식은 남았지만 끝난 자식이 없음)을 돌려주거나
    #       ChildProcessError(남은 자식이 하나도 없음)를 일으킬 때까지 부릅니다.
    pid, _ = os.waitpid(-1, os.WNOHANG)
    if pid > 0:
        reaped += 1


def main():
    signal.signal(signal.SIGCHLD, on_sigchld)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
    pids = []
    for _ in range(CHILDREN):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        pids.append(pid)
    for pid in pids:  # 자식이 모두 끝났고, 아직 하나도 거두지 않았습니다
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})  # SIGCHLD는 한 번 옵니다
    deadline = time.monotonic() + 0.5
    while reaped < CHILDREN and time.monotonic() < deadline:
        time.sleep(0.01)
    print(f"reaped {reaped} of {CHILDREN} children", flush=True)
    time.sleep(0.5)


if __name__ == "__main__":
    main()
