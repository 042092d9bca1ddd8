"""연습 count-locally: 두 프로세스가 공유 메모리의 카운터에 1,000,000씩 더합니다.
증가마다 락을 잡지 않고, 정확하게.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 count_locally.py
(몇 번 실행해 보십시오. 주어진 그대로는 최종 값이 너무 작고, 매번 다릅니다.)
"""

import multiprocessing
from multiprocessing import shared_memory

WORKERS = 2
INCREMENTS = 1_000_000


def add(name, start_line, lock):
    block = shared_memory.SharedMemory(name=name)
    counter = block.buf.cast("q")  # 블록을 64비트 정수 하나로 봅니다
    start_line.wait()  # 두 작업자가 동시에 시작합니다
    # TODO: 대신 지역 변수로 세고(`mine += 1`: 다른 프로세스는 볼 수 없습니다),
    #       그 합을 counter[0]에 한 번만 더하십시오. 그 덧셈 한 번 동안 `lock`을 쥡니다.
    #       1,000,000번의 증가마다 락을 잡아도 정확하지만 느립니다. 검사는 프로그램이
    #       쓴 CPU 시간을 잽니다.
    for _ in range(INCREMENTS):
        counter[0] += 1  # 읽기, 더하기, 저장: 다른 프로세스의 저장을 잃습니다
    counter.release()
    block.close()


def main():
    ctx = multiprocessing.get_context("fork")  # 어느 파이썬 버전에서나 같은 프로세스들
    lock = ctx.Semaphore(1)
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
        block.unlink()


if __name__ == "__main__":
    main()
