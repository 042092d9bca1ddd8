/* Exercise pipe-close-ends in C, the reference solution: each side closes the end it does not
 * use. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define MESSAGES 5

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
    close(ends[0]);
    char line[32];
    for (int n = 1; n <= MESSAGES; n++) {
      int length = snprintf(line, sizeof line, "message %d\n", n);
      if (write(ends[1], line, (size_t)length) != length) _exit(1);
    }
    close(ends[1]); /* the last write end: the parent's read() now returns 0 */
    _exit(0);
  }
  close(ends[1]);
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
