/* Exercise dup2-redirect in C, the reference solution: the child's fd 1 is the pipe's write
 * end when it execs seq. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int ends[2];
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
    dup2(ends[1], 1); /* fd 1 now points at the pipe's write end */
    close(ends[1]);
    close(ends[0]);
    execlp("seq", "seq", "1", "100", (char *)NULL);
    _exit(127);
  }
  close(ends[1]);
  char buffer[4096];
  char number[32];
  size_t digits = 0;
  long lines = 0, sum = 0;
  ssize_t got;
  while ((got = read(ends[0], buffer, sizeof buffer)) > 0) {
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
