/* Exercise reap-three in C: fork three children and reap them all.
 *
 * The parent forks three children. Each child prints "child <its pid> of <its parent's pid>"
 * and exits; the parent waits for all three with waitpid(), prints "reaped 3 children", then
 * sleeps 0.3 s, so that a child it did not reap would stay a zombie long enough to be seen.
 *
 * check builds this file with: cc -Wall -O2 -o reap_three reap_three.c
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  for (int i = 0; i < 3; i++) {
    pid_t pid = fork();
    if (pid == 0) {
      printf("child %d of %d\n", (int)getpid(), (int)getppid());
      fflush(stdout);
      /* TODO: the child must leave here with _exit(0), or it goes round the loop and forks
       * too. */
    }
  }
  /* TODO: wait for each child the parent made: keep the pids fork() returned. */
  printf("reaped 3 children\n");
  fflush(stdout);
  usleep(300000);
  return 0;
}
