"""연습 pool-map: 정확히 세 개의 작업자 프로세스로 된 풀에서 열 개의 수를 제곱합니다.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 pool_squares.py
"""

import multiprocessing
import os
import time


def square(x):
    time.sleep(0.05)  # 작업자마다 일이 돌아가도록, 약간의 일
    return x * x, os.getpid()


def main():
    # 어느 파이썬 버전에서나 fork 시작 방식을 씁니다. 파이썬 3.14의 기본값인 forkserver는
    # 자기 도우미 프로세스 두 개(포크 서버와 리소스 트래커)를 더합니다.
    ctx = multiprocessing.get_context("fork")

    # TODO: `with` 블록 안에서 작업자 프로세스 세 개의 풀 ctx.Pool(3)을 만들고,
    #       이 반복문 대신 pool.map(square, range(10))이 쌍들을 계산하게 하십시오.
    #       지금 반복문은 모든 일을 여기, 프로세스 하나에서 합니다.
    pairs = [square(x) for x in range(10)]

    results = [value for value, _ in pairs]
    print("results:", results)
    print("worker pids:", len(set(pid for _, pid in pairs)), "different")


if __name__ == "__main__":
    main()
