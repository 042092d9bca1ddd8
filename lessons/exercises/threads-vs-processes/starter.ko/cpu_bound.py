"""연습 threads-vs-processes: CPU를 쓰는 같은 일을 스레드 둘에서, 다음엔 프로세스 둘에서.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 cpu_bound.py
"""

import multiprocessing
import os
import threading
import time

COUNT = 3_000_000  # 작업자마다 이 수부터 거꾸로 셉니다


def count_down(n):
    while n > 0:
        n -= 1


def in_threads():
    workers = [threading.Thread(target=count_down, args=(COUNT,)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def in_processes(ctx):
    # TODO: 대신 count_down(COUNT)을 프로세스 둘에서 실행하십시오: ctx.Process(target=...,
    #       args=...), 둘 다 start한 다음 둘 다 join합니다. 프로세스마다 자기 인터프리터와
    #       자기 GIL이 있어서, CPU 둘에서 동시에 실행될 수 있습니다.
    in_threads()


def timed(work, *args):
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def main():
    ctx = multiprocessing.get_context("fork")  # 어느 파이썬 버전에서나 같은 프로세스들
    threads = timed(in_threads)
    processes = timed(in_processes, ctx)
    print(f"threads: {threads:.2f} s")
    print(f"processes: {processes:.2f} s")
    # TODO가 아니라 주어진 부분: 검사가 읽는 판정입니다(아래 verdict()를 보십시오).
    print(f"processes faster: {verdict(threads, processes)}")


def verdict(threads, processes):
    """프로세스가 더 빨랐는지: 스레드 시간의 0.8배 이하. 공정한 질문일 때에만 판정합니다.
    쓸 수 있는 CPU가 둘 이상이고, 부하 평균(지난 1분 동안 실행 중이거나 CPU를 기다린
    프로그램 수)으로 보아 그중 1.5개 이상이 비어 있을 때입니다."""
    cpus = len(os.sched_getaffinity(0))
    load = os.getloadavg()[0]
    if cpus < 2:
        return "not checked, 1 usable CPU"
    if load > cpus - 1.5:
        return f"not checked, the machine is busy (load {load:.1f} on {cpus} CPUs)"
    return "yes" if processes <= 0.8 * threads else "no"


if __name__ == "__main__":
    main()
