"""연습 shm-no-leftovers: 작업자가 강제로 종료되어도 아무것도 남기지 않는 공유 메모리 블록.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 no_leftovers.py
(주어진 그대로는 파이썬의 리소스 트래커가 새어 나간 블록을 치워야 했다고 stderr에 경고합니다.)
"""

import multiprocessing
import os
import signal
from multiprocessing import shared_memory

WORKERS = 2


def work(name, attached, number):
    block = shared_memory.SharedMemory(name=name)  # 이름으로 연결합니다
    attached.release()  # 부모에게 알립니다: 이 작업자는 블록을 매핑했습니다
    if number == 1:
        # 이 작업자는 충돌합니다: 무엇을 정리하기도 전에 강제로 종료됩니다. SIGKILL로 죽은
        # 프로세스는 `finally`도, `with`의 끝도, atexit 처리기도 실행하지 않습니다.
        os.kill(os.getpid(), signal.SIGKILL)
    values = block.buf.cast("q")
    values[0] = 42
    values.release()
    block.close()


def main():
    ctx = multiprocessing.get_context("fork")  # 어느 파이썬 버전에서나 같은 프로세스들
    attached = ctx.Semaphore(0)  # 연결을 마친 작업자가 하나씩 release합니다
    block = shared_memory.SharedMemory(create=True, size=8)
    workers = [ctx.Process(target=work, args=(block.name, attached, number))
               for number in range(WORKERS)]
    for worker in workers:
        worker.start()
    for _ in workers:
        attached.acquire(timeout=10)
    # 모든 작업자가 연결했습니다: 이제부터는 아무도 /dev/shm의 이름이 필요하지 않습니다.
    # TODO: 이름을 지우십시오: block.unlink(). 끝에서만이 아니라 바로 여기서. 이미 연결한
    #       모두에게 매핑은 계속 동작하고, 이 줄 뒤의 충돌은 더 이상 블록을 남기지 못합니다.

    for worker in workers:
        worker.join()
        if worker.exitcode < 0:
            print(f"a worker was killed by {signal.Signals(-worker.exitcode).name}")
    values = block.buf.cast("q")
    print(f"read {values[0]} from shared memory")
    values.release()
    block.close()


if __name__ == "__main__":
    main()
