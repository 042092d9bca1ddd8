"""Exercise stop-flag, a solution: the worker checks the flag once per round."""

import threading
import time

stopped = False


def worker():
    rounds = 0
    while not stopped:  # seen at the next check: within one round of being set
        rounds += 1
        time.sleep(0.05)
    print(f"retired after {rounds} rounds")


def main():
    global stopped
    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(0.3)
    stopped = True
    thread.join()
    print("joined")


if __name__ == "__main__":
    main()
