/* Exercise child-pids in C, the reference solution. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  printf("parent %d\n", (int)getpid());
  fflush(stdout); /* or the child would print the parent's line again */
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 1;
  }
  if (pid == 0) {
    printf("child %d of %d\n", (int)getpid(), (int)getppid());
    fflush(stdout); /* _exit() does not flush */
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  return 0;
}
