/* Exercise find-new-parent in C, the reference solution. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  pid_t first_parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 1;
  }
  if (pid == 0) {
    for (int i = 0; i < 500 && getppid() == first_parent; i++) usleep(10000);
    printf("new parent %d\n", (int)getppid());
    fflush(stdout);
    _exit(0);
  }
  _exit(0); /* no wait: the child is an orphan now */
}
