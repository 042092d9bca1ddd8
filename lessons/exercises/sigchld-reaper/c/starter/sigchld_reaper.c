/* Exercise sigchld-reaper in C: a parent that reaps its children from a SIGCHLD handler.
 *
 * The parent blocks SIGCHLD, forks five children that exit at once, and waits until all five
 * have ended (waitid() with WNOWAIT waits for an end without reaping). Then it unblocks
 * SIGCHLD. Five children ended, but a pending signal is one bit, not a counter: the handler
 * runs once. The parent gives the handler half a second to reap them all, prints how many it
 * reaped, and lives on 0.5 s more, so a child left unreaped stays a zombie long enough to see.
 *
 * check builds this file with: cc -Wall -O2 -o sigchld_reaper sigchld_reaper.c
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHILDREN 5

static volatile sig_atomic_t reaped = 0;

static void on_sigchld(int signo) {
  (void)signo;
  /* TODO: one SIGCHLD may stand for several ended children. Reap in a loop:
   * waitpid(-1, NULL, WNOHANG) until it returns 0 (children left, none ended) or -1 (no
   * children left at all). waitpid() is async-signal-safe: a handler may call it. */
  if (waitpid(-1, NULL, WNOHANG) > 0) reaped++;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(void) {
  struct sigaction action = {0};
  action.sa_handler = on_sigchld;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGCHLD, &action, NULL);
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  pid_t pids[CHILDREN];
  for (int i = 0; i < CHILDREN; i++) {
    pids[i] = fork();
    if (pids[i] < 0) {
      perror("fork");
      return 1;
    }
    if (pids[i] == 0) _exit(0);
  }
  for (int i = 0; i < CHILDREN; i++) { /* every child has ended; none is reaped yet */
    siginfo_t info;
    waitid(P_PID, (id_t)pids[i], &info, WEXITED | WNOWAIT);
  }
  sigprocmask(SIG_UNBLOCK, &chld, NULL); /* SIGCHLD arrives once */
  double deadline = now() + 0.5;
  while (reaped < CHILDREN && now() < deadline) usleep(10000);
  printf("reaped %d of %d children\n", (int)reaped, CHILDREN);
  fflush(stdout);
  usleep(500000);
  return 0;
}
