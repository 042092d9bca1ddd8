"""Exercise bounded-queue, a solution: task_done() for every get(), sentinels included."""

import multiprocessing
import time

ITEMS = 20
CONSUMERS = 2


def produce(jobs):
    for item in range(1, ITEMS + 1):
        jobs.put(item)


def consume(jobs, done):
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()  # every get() is answered by one task_done(), the sentinel's too
            break
        time.sleep(0.01)
        done.put(item)
        jobs.task_done()


def main():
    ctx = multiprocessing.get_context("fork")
    jobs = ctx.JoinableQueue(maxsize=3)
    done = ctx.Queue()
    consumers = [ctx.Process(target=consume, args=(jobs, done)) for _ in range(CONSUMERS)]
    producer = ctx.Process(target=produce, args=(jobs,))
    for process in consumers + [producer]:
        process.start()

    producer.join()
    jobs.join()
    taken = sorted(done.get(timeout=10) for _ in range(ITEMS))
    for _ in consumers:
        jobs.put(None)
    for process in consumers:
        process.join()
    jobs.join()  # the sentinels were marked done as well

    if taken == list(range(1, ITEMS + 1)):
        print(f"consumed {ITEMS} items, each once")
    else:
        print(f"consumed {len(taken)} items: {taken}")


if __name__ == "__main__":
    main()
