/* Exercise dup2-redirect in C: a child's standard output, redirected into a pipe, as a shell
 * does.
 *
 * The parent makes a pipe and forks. The child runs the real program `seq 1 100`, which
 * prints 1 to 100 on its standard output, fd 1: it never heard of the pipe. The parent reads
 * the pipe to end of file and prints how many lines it read and their sum. As given, the
 * child execs seq without redirecting anything: seq's 100 lines go straight to the terminal,
 * the parent reads none of them, and still sees end of file.
 *
 * check builds this file with: cc -Wall -O2 -o dup2_redirect dup2_redirect.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int ends[2]; /* ends[0] is the read end, ends[1] the write end */
  if (pipe(ends) != 0) {
    perror("pipe");
    return 1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 1;
  }
  if (pid == 0) {
    /* The child: it becomes seq. */
    /* TODO: make fd 1 point at the pipe's write end before the exec, as a shell's `|` does:
     * dup2(ends[1], 1). Then close both ends by their own numbers: pipe() does not mark them
     * close-on-exec, so seq would inherit them (fd 1 keeps the pipe open). */
    execlp("seq", "seq", "1", "100", (char *)NULL); /* keeps the descriptor table, fd 1 too */
    _exit(127); /* only reached when the exec failed */
  }
  /* The parent only reads: it closes its write end, or it would never see end of file. */
  close(ends[1]);
  char buffer[4096];
  char number[32];
  size_t digits = 0;
  long lines = 0, sum = 0;
  ssize_t got;
  while ((got = read(ends[0], buffer, sizeof buffer)) > 0) { /* 0: end of file */
    for (ssize_t i = 0; i < got; i++) {
      if (buffer[i] != '\n') {
        if (digits < sizeof number - 1) number[digits++] = buffer[i];
        continue;
      }
      number[digits] = '\0';
      sum += strtol(number, NULL, 10);
      lines++;
      digits = 0;
    }
  }
  close(ends[0]);
  waitpid(pid, NULL, 0);
  printf("read %ld lines from seq, sum %ld, then end of file\n", lines, sum);
  return 0;
}
