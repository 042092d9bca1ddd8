/* Exercise child-pids in C: a child prints its pid and its parent's.
 *
 * Make the parent fork one child. The child prints "child <its pid> of <its parent's pid>"
 * and leaves with _exit(0); the parent prints "parent <its pid>" and waits for the child.
 *
 * Under check, stdout is a pipe, so printf's output waits in a buffer until it is flushed:
 * fork() copies that buffer into the child, and _exit() throws it away. Call fflush(stdout)
 * before fork() and before _exit().
 *
 * check builds this file with: cc -Wall -O2 -o child_pids child_pids.c
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  printf("parent %d\n", (int)getpid());
  fflush(stdout);
  /* TODO: fork here. For now only the parent speaks, and there is no child. */
  return 0;
}
