"""연습 bounded-queue: 생산자 하나, 소비자 둘, 항목을 3개까지만 담는 JoinableQueue.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 bounded_queue.py
(주어진 그대로는 jobs.join()에서 멈춥니다. Ctrl-C를 누르십시오. `check`는 제한 시간이
지나면 멈춥니다.)
"""

import multiprocessing
import time

ITEMS = 20
CONSUMERS = 2


def produce(jobs):
    for item in range(1, ITEMS + 1):
        jobs.put(item)  # 항목 3개가 기다리는 동안에는 멈춥니다: 큐가 되밀어 냅니다


def consume(jobs, done):
    while True:
        item = jobs.get()
        if item is None:  # 센티널: 더 할 일이 없습니다
            # TODO: 센티널도 완료로 표시하십시오.
            break
        time.sleep(0.01)  # 항목 하나에 드는 일
        done.put(item)
        # TODO: 이 항목을 마쳤다고 큐에 알리십시오: jobs.task_done().
        #       이것이 없으면 끝나지 않은 항목 수가 0으로 돌아오지 않아,
        #       main()의 jobs.join()이 영원히 기다립니다.


def main():
    ctx = multiprocessing.get_context("fork")  # 어느 파이썬 버전에서나 같은 프로세스들
    jobs = ctx.JoinableQueue(maxsize=3)
    done = ctx.Queue()
    consumers = [ctx.Process(target=consume, args=(jobs, done)) for _ in range(CONSUMERS)]
    producer = ctx.Process(target=produce, args=(jobs,))
    for process in consumers + [producer]:
        process.start()

    producer.join()
    jobs.join()  # 넣은 항목이 모두 완료로 표시되면 돌아옵니다
    taken = sorted(done.get(timeout=10) for _ in range(ITEMS))
    for _ in consumers:
        jobs.put(None)  # 소비자마다 센티널 하나
    for process in consumers:
        process.join()

    if taken == list(range(1, ITEMS + 1)):
        print(f"consumed {ITEMS} items, each once")
    else:
        print(f"consumed {len(taken)} items: {taken}")


if __name__ == "__main__":
    main()
