"""Exercise subprocess-pipeline: run `sort` as a child process, feed it on its stdin, read its stdout.

Run it with `check` in ProcLab, or on its own: python3 sort_words.py
"""

import subprocess

WORDS = ["pear", "apple", "fig", "banana", "cherry"]


def main():
    text = "".join(word + "\n" for word in WORDS)

    # TODO 1: give `text` to sort on its standard input: subprocess.run takes input=...
    #         (with text=True it is a str). As written, sort reads nothing and sorts nothing.
    result = subprocess.run(["sort"], capture_output=True, text=True)
    print("sorted:", " ".join(result.stdout.split()))
    print(f"sort exited with {result.returncode}")

    # TODO 2: run sort a second time with an option it does not know,
    #         ["sort", "--no-such-option"], and print its exit status the same way:
    #         sort --no-such-option exited with <status>
    #         (its complaint arrives on its stderr, in result.stderr: leave it there).


if __name__ == "__main__":
    main()
