"""연습 apply-async-order: apply_async로 한꺼번에 보낸 작업 네 개, 결과는 보낸 순서대로.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 async_order.py
"""

import multiprocessing
import time


def double(n):
    time.sleep(0.4 * (4 - n))  # 작업 0은 1.6초, 작업 3은 0.4초만: 작업 3이 먼저 끝납니다
    return n * 2


def main():
    ctx = multiprocessing.get_context("fork")  # 어느 파이썬 버전에서나 같은 프로세스들
    with ctx.Pool(4) as pool:
        finished = []
        for n in range(4):
            # 콜백은 작업이 끝날 때 실행되므로, `finished`는 작업을 보낸 순서가 아니라
            # *끝난* 순서대로 채워집니다.
            pool.apply_async(double, (n,), callback=finished.append)
        pool.close()
        pool.join()
        # TODO: apply_async가 돌려주는 AsyncResult를 리스트에 모아 두고,
        #       작업을 보낸 순서대로 .get()으로 값을 모으십시오.
        results = finished
    print("results:", results)


if __name__ == "__main__":
    main()
