# 연습 reap-three: 자식 셋을 fork하고 모두 거둡니다.
#
# 부모가 자식 셋을 fork합니다. 각 자식은 "child <자기 pid> of <부모 pid>"를 출력하고
# 끝납니다. 부모는 셋을 모두 기다린 뒤 "reaped 3 children"을 출력합니다.
import os

for i in range(3):
    pid = os.fork()
    if pid == 0:
        print(f"child {os.getpid()} of {os.getppid()}", flush=True)
        # TODO: 자식은 여기서 끝나야 합니다. 아니면 반복문을 다시 돌며 자기도 fork합니다.
# TODO: 부모가 만든 자식을 하나씩 기다리십시오.
print("reaped 3 children", flush=True)
