"""연습 subprocess-pipeline: `sort`를 자식 프로세스로 실행하고, stdin으로 넣고, stdout을 읽습니다.

ProcLab에서 `check`로 실행하거나, 혼자 실행합니다: python3 sort_words.py
"""

import subprocess

WORDS = ["pear", "apple", "fig", "banana", "cherry"]


def main():
    text = "".join(word + "\n" for word in WORDS)

    # TODO 1: `text`를 sort의 표준 입력으로 주십시오. subprocess.run은 input=...을 받습니다
    #         (text=True이면 str입니다). 지금 코드로는 sort가 아무것도 읽지 못해 정렬할 것이 없습니다.
    result = subprocess.run(["sort"], capture_output=True, text=True)
    print("sorted:", " ".join(result.stdout.split()))
    print(f"sort exited with {result.returncode}")

    # TODO 2: sort가 모르는 옵션으로 sort를 한 번 더 실행하고, ["sort", "--no-such-option"],
    #         종료 상태를 같은 방식으로 출력하십시오:
    #         sort --no-such-option exited with <상태>
    #         (불평은 sort의 stderr, 곧 result.stderr로 옵니다. 그대로 두십시오.)


if __name__ == "__main__":
    main()
