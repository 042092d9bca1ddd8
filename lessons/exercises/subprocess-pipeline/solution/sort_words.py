"""Exercise subprocess-pipeline, a solution: sort on three pipes, twice."""

import subprocess

WORDS = ["pear", "apple", "fig", "banana", "cherry"]


def main():
    text = "".join(word + "\n" for word in WORDS)

    # run() writes `text` into sort's stdin and closes it (end of file: sort may begin),
    # reads its stdout and stderr at the same time, and waits for it: no zombie is left.
    result = subprocess.run(["sort"], input=text, capture_output=True, text=True)
    print("sorted:", " ".join(result.stdout.split()))
    print(f"sort exited with {result.returncode}")

    bad = subprocess.run(["sort", "--no-such-option"], input="", capture_output=True, text=True)
    print(f"sort --no-such-option exited with {bad.returncode}")


if __name__ == "__main__":
    main()
