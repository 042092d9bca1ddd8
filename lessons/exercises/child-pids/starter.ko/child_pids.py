# 연습 child-pids: 자식이 자기 pid와 부모의 pid를 출력합니다.
#
# 부모가 자식 하나를 fork합니다. 자식은 "child <자기 pid> of <부모 pid>"를 출력하고
# os._exit(0)으로 끝납니다. 부모는 "parent <자기 pid>"를 출력하고 자식을 기다립니다.
#
# os._exit은 파이썬의 출력 버퍼를 비우지 않습니다. print에 flush=True를 쓰십시오.
import os

# TODO: 여기서 fork하십시오. 지금은 부모만 말하고 자식이 없습니다.
print(f"parent {os.getpid()}", flush=True)
