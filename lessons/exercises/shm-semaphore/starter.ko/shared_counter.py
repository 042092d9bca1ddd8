"""연습 shm-semaphore: 두 프로세스가 공유 메모리의 카운터 하나에 50,000씩 더합니다.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 shared_counter.py
(몇 번 실행해 보십시오. 최종 값이 매번 다르고, 대개 100000보다 작습니다.)
"""

import multiprocessing
from multiprocessing import shared_memory

WORKERS = 2
INCREMENTS = 50_000


def add(name, start_line, lock):
    block = shared_memory.SharedMemory(name=name)  # 이름으로 블록에 연결합니다
    counter = block.buf.cast("q")  # 블록을 64비트 정수 하나로 봅니다
    start_line.wait()  # 두 작업자가 동시에 세기 시작합니다
    for _ in range(INCREMENTS):
        # TODO: 이 줄은 읽기, 더하기, 저장입니다. 그 사이에 다른 프로세스가 저장하면 그 갱신을
        #       잃습니다. 증가하는 동안 세마포어 `lock`을 쥐십시오: 앞에서 lock.acquire(),
        #       뒤에서 lock.release() (또는 `with lock:`).
        counter[0] += 1
    counter.release()
    block.close()


def main():
    ctx = multiprocessing.get_context("fork")  # 어느 파이썬 버전에서나 같은 프로세스들
    lock = ctx.Semaphore(1)  # 한 번에 한 프로세스만 쥘 수 있습니다
    start_line = ctx.Barrier(WORKERS)
    block = shared_memory.SharedMemory(create=True, size=8)
    try:
        workers = [ctx.Process(target=add, args=(block.name, start_line, lock))
                   for _ in range(WORKERS)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        counter = block.buf.cast("q")
        print(f"final {counter[0]}")
        print(f"expected {WORKERS * INCREMENTS}")
        counter.release()
    finally:
        block.close()
        block.unlink()  # /dev/shm에서 이름을 지웁니다: 아무것도 남지 않습니다


if __name__ == "__main__":
    main()
