/* Exercise find-new-parent in C: make an orphan and find its new parent.
 *
 * The parent forks a child and ends at once, without waiting. The child waits (at most 5 s)
 * until getppid() is no longer the pid it started with, then prints "new parent <pid>" and
 * exits. Under check the new parent is ProcLab: it made itself a child subreaper with
 * prctl(PR_SET_CHILD_SUBREAPER, 1), so orphans below it are adopted by it, not by init.
 *
 * check builds this file with: cc -Wall -O2 -o new_parent new_parent.c
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t first_parent = getpid();
  (void)first_parent; /* remove this line once the loop below uses it */
  pid_t pid = fork();
  if (pid == 0) {
    /* TODO: wait (at most 5 s) until getppid() differs from first_parent: usleep(10000) in a
     * loop. */
    printf("new parent %d\n", (int)getppid());
    fflush(stdout);
    _exit(0);
  }
  /* TODO: the parent must not wait: it must end now, leaving its child an orphan. */
  waitpid(pid, NULL, 0);
  return 0;
}
