# 연습 find-new-parent: 고아를 만들고 새 부모를 찾습니다.
#
# 부모가 자식을 fork하고 기다리지 않고 곧바로 끝납니다. 자식은 부모가 바뀔 때까지
# (os.getppid()가 처음 pid와 달라질 때까지) 기다린 뒤 "new parent <pid>"를 출력하고 끝납니다.
# check로 실행하면 새 부모는 ProcLab입니다. ProcLab은 child subreaper입니다.
import os
import time

first_parent = os.getpid()
pid = os.fork()
if pid == 0:
    # TODO: os.getppid()가 first_parent와 달라질 때까지(최대 5초) 기다리십시오.
    print(f"new parent {os.getppid()}", flush=True)
    os._exit(0)
# TODO: 부모는 기다리면 안 됩니다. 지금 끝나서 자식을 고아로 남겨야 합니다.
os.waitpid(pid, 0)
