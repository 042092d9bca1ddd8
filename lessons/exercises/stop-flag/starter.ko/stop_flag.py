"""연습 stop-flag: 플래그로 작업 스레드에게 멈추라고 부탁한 다음 join합니다.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 stop_flag.py
(주어진 그대로는 작업 스레드가 플래그를 보지 않아 join()이 영원히 기다립니다. Ctrl-C를 누르십시오.
`check`는 제한 시간이 지나면 멈춥니다.)
"""

import threading
import time

stopped = False  # 메인 스레드가 세우고 작업 스레드가 읽습니다: 스레드들은 메모리를 나눠 씁니다


def worker():
    rounds = 0
    # TODO: 플래그가 세워지지 않은 동안만 반복해서(`while not stopped:`), 메인 스레드가 플래그를
    #       세우면 작업 스레드가 반복문을 떠나게 하십시오. 그다음 아래 줄을 출력합니다.
    while True:
        rounds += 1
        time.sleep(0.05)  # 한 차례의 일
    print(f"retired after {rounds} rounds")


def main():
    global stopped
    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(0.3)
    stopped = True  # 작업 스레드에게 멈추라고 부탁합니다: 밖에서 스레드를 죽일 방법은 없습니다
    thread.join()
    print("joined")


if __name__ == "__main__":
    main()
