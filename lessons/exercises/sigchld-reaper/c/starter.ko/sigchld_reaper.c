/* 연습 sigchld-reaper (C): SIGCHLD 핸들러에서 자식들을 거두는 부모.
 *
 * 부모는 SIGCHLD를 막아(block) 두고, 곧바로 끝나는 자식 다섯을 fork한 뒤, 다섯이 모두 끝날
 * 때까지 기다립니다(waitid()에 WNOWAIT를 주면 거두지 않고 끝나기만 기다립니다). 그다음
 * SIGCHLD의 막음을 풉니다. 자식은 다섯이 끝났지만, 대기 중인(pending) 시그널은 횟수가 아니라
 * 비트 하나이므로 핸들러는 한 번만 실행됩니다. 부모는 핸들러에게 0.5초를 주어 모두 거두게 한
 * 뒤 거둔 수를 출력하고, 0.5초를 더 살아 있습니다. 거두지 못한 자식은 그동안 좀비로 남아
 * 눈에 보입니다.
 *
 * check는 이 파일을 다음 명령으로 빌드합니다: cc -Wall -O2 -o sigchld_reaper sigchld_reaper.c
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
  /* TODO: SIGCHLD 하나가 끝난 자식 여럿을 뜻할 수 있습니다. 반복문으로 거두십시오.
   * waitpid(-1, NULL, WNOHANG)가 0(자식은 남았지만 끝난 자식이 없음)이나 -1(남은 자식이
   * 하나도 없음)을 돌려줄 때까지 부릅니다. waitpid()는 async-signal-safe 함수라서 핸들러에서
   * 불러도 됩니다. */
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
  for (int i = 0; i < CHILDREN; i++) { /* 자식이 모두 끝났고, 아직 하나도 거두지 않았습니다 */
    siginfo_t info;
    waitid(P_PID, (id_t)pids[i], &info, WEXITED | WNOWAIT);
  }
  sigprocmask(SIG_UNBLOCK, &chld, NULL); /* SIGCHLD는 한 번 옵니다 */
  double deadline = now() + 0.5;
  while (reaped < CHILDREN && now() < deadline) usleep(10000);
  printf("reaped %d of %d children\n", (int)reaped, CHILDREN);
  fflush(stdout);
  usleep(500000);
  return 0;
}
