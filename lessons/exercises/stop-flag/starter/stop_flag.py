"""Exercise stop-flag: ask a worker thread to stop with a flag, then join it.

Run it with `check` in ProcLab, or on its own: python3 stop_flag.py
(As given, the worker never looks at the flag and join() waits forever: press Ctrl-C.
`check` stops it after its timeout.)
"""

import threading
import time

stopped = False  # set by the main thread, read by the worker: threads share memory


def worker():
    rounds = 0
    # TODO: loop only while the flag is not set (`while not stopped:`), so that the worker
    #       leaves the loop once the main thread sets it; then print the line below.
    while True:
        rounds += 1
        time.sleep(0.05)  # one round of work
    print(f"retired after {rounds} rounds")


def main():
    global stopped
    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(0.3)
    stopped = True  # ask the worker to stop: nothing can kill a thread from outside
    thread.join()
    print("joined")


if __name__ == "__main__":
    main()
