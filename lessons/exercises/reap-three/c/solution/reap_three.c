/* Exercise reap-three in C, the reference solution. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t children[3];
  for (int i = 0; i < 3; i++) {
    pid_t pid = fork();
    if (pid < 0) {
      perror("fork");
      return 1;
    }
    if (pid == 0) {
      printf("child %d of %d\n", (int)getpid(), (int)getppid());
      fflush(stdout);
      _exit(0);
    }
    children[i] = pid;
  }
  for (int i = 0; i < 3; i++) waitpid(children[i], NULL, 0);
  printf("reaped 3 children\n");
  fflush(stdout);
  usleep(300000);
  return 0;
}
