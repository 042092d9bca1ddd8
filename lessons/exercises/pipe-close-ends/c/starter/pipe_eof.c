/* Exercise pipe-close-ends in C: a child writes five lines into a pipe, the parent reads to
 * end of file.
 *
 * As given, the parent never sees end of file and hangs (check stops it after 5 s; on its own,
 * press Ctrl-C): read() returns 0 (end of file) only when every write end is closed, in every
 * process, and after fork() both processes hold both ends.
 *
 * check builds this file with: cc -Wall -O2 -o pipe_eof pipe_eof.c
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MESSAGES 5

int main(void) {
  int ends[2]; /* ends[0] is the read end, ends[1] the write end */
  if (pipe(ends) != 0) {
    perror("pipe");
    return 1;
  }
  pid_t pid = fork();
  if (pid == 0) {
    /* The child: it only writes. */
    /* TODO 1: close the end the child does not use (ends[0]). */
    char line[32];
    for (int n = 1; n <= MESSAGES; n++) {
      int length = snprintf(line, sizeof line, "message %d\n", n);
      if (write(ends[1], line, (size_t)length) != length) _exit(1);
    }
    close(ends[1]);
    _exit(0);
  }
  /* The parent: it only reads. */
  /* TODO 2: close the end the parent does not use (ends[1]). While the parent itself holds
   * it open, read() waits for bytes that can never come. */
  char buffer[4096];
  int lines = 0;
  ssize_t got;
  while ((got = read(ends[0], buffer, sizeof buffer)) > 0) {
    for (ssize_t i = 0; i < got; i++) lines += buffer[i] == '\n';
  }
  close(ends[0]);
  waitpid(pid, NULL, 0);
  printf("read %d messages, then end of file\n", lines);
  return 0;
}
