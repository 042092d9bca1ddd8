/* Exercise sigchld-reaper in C, the reference solution: the handler reaps every ended child,
 * in a loop. */
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
  /* One SIGCHLD may stand for several ended children: 0 is "none ended yet", -1 "none left". */
  while (waitpid(-1, NULL, WNOHANG) > 0) reaped++;
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
  for (int i = 0; i < CHILDREN; i++) {
    siginfo_t info;
    waitid(P_PID, (id_t)pids[i], &info, WEXITED | WNOWAIT);
  }
  sigprocmask(SIG_UNBLOCK, &chld, NULL);
  double deadline = now() + 0.5;
  while (reaped < CHILDREN && now() < deadline) usleep(10000);
  printf("reaped %d of %d children\n", (int)reaped, CHILDREN);
  fflush(stdout);
  usleep(500000);
  return 0;
}
