"""Exercise bounded-queue: one producer, two consumers, a JoinableQueue of at most 3 items.

Run it with `check` in ProcLab, or on its own: python3 bounded_queue.py
(As given, it hangs in jobs.join(): press Ctrl-C. `check` stops it after its timeout.)
"""

import multiprocessing
import time

ITEMS = 20
CONSUMERS = 2


def produce(jobs):
    for item in range(1, ITEMS + 1):
        jobs.put(item)  # blocks while 3 items wait: the queue pushes back


def consume(jobs, done):
    while True:
        item = jobs.get()
        if item is None:  # the sentinel: no more work
            # TODO: mark the sentinel as done too.
            break
        time.sleep(0.01)  # the work on one item
        done.put(item)
        # TODO: tell the queue this item is finished: jobs.task_done().
        #       Without it, the count of unfinished items never falls back to 0
        #       and jobs.join() in main() waits forever.


def main():
    ctx = multiprocessing.get_context("fork")  # the same processes on every Python version
    jobs = ctx.JoinableQueue(maxsize=3)
    done = ctx.Queue()
    consumers = [ctx.Process(target=consume, args=(jobs, done)) for _ in range(CONSUMERS)]
    producer = ctx.Process(target=produce, args=(jobs,))
    for process in consumers + [producer]:
        process.start()

    producer.join()
    jobs.join()  # returns when every item put has been marked done
    taken = sorted(done.get(timeout=10) for _ in range(ITEMS))
    for _ in consumers:
        jobs.put(None)  # one sentinel per consumer
    for process in consumers:
        process.join()

    if taken == list(range(1, ITEMS + 1)):
        print(f"consumed {ITEMS} items, each once")
    else:
        print(f"consumed {len(taken)} items: {taken}")


if __name__ == "__main__":
    main()
