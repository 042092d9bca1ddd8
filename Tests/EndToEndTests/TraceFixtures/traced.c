// Small programs whose process trees are known, for TraceTests (compiled at test time).
// argv[1] is the mode; argv[2], when given, is a marker the tests look for in /proc.
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_ms(long ms) {
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&t, &t) == -1) {}
}

static void *thread_body(void *arg) {
  sleep_ms(30);
  return arg;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (strcmp(mode, "fork3") == 0) {
    // Three children exit after 20 ms; the parent reaps them only after 200 ms: zombies.
    for (int i = 1; i <= 3; i++) {
      if (fork() == 0) {
        sleep_ms(20);
        _exit(i);
      }
    }
    sleep_ms(200);
    while (wait(NULL) > 0) {}
    return 0;
  }
  if (strcmp(mode, "orphan") == 0) {
    // The parent leaves at once; its child outlives it and is re-parented.
    if (fork() == 0) {
      sleep_ms(100);
      _exit(7);
    }
    sleep_ms(10);
    return 0;
  }
  if (strcmp(mode, "threads") == 0) {
    pthread_t a, b;
    pthread_create(&a, NULL, thread_body, NULL);
    pthread_create(&b, NULL, thread_body, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
  }
  if (strcmp(mode, "bomb") == 0) {
    // Far more children than the limit, each waiting a minute (at most: alarm).
    alarm(60);
    for (int i = 0; i < 500; i++) {
      if (fork() == 0) {
        sleep_ms(60000);
        _exit(0);
      }
    }
    sleep_ms(60000);
    return 0;
  }
  if (strcmp(mode, "sleepers") == 0) {
    // Three children and the parent ignore SIGTERM and sleep a minute.
    signal(SIGTERM, SIG_IGN);
    alarm(60);
    for (int i = 0; i < 3; i++) {
      if (fork() == 0) {
        sleep_ms(60000);
        _exit(0);
      }
    }
    printf("started\n");
    fflush(stdout);
    sleep_ms(60000);
    return 0;
  }
  if (strcmp(mode, "spew") == 0) {
    // 200000 bytes on stdout.
    char line[100];
    memset(line, 'x', 99);
    line[99] = '\n';
    for (int i = 0; i < 2000; i++) fwrite(line, 1, 100, stdout);
    return 0;
  }
  if (strcmp(mode, "deny-ptrace") == 0 && argc > 2) {
    // Runs argv[2…] where every ptrace call fails with EPERM, as in a locked-down container.
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ptrace, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = {sizeof filter / sizeof filter[0], filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
      perror("seccomp");
      return 2;
    }
    execvp(argv[2], argv + 2);
    perror("exec");
    return 127;
  }
  if (strcmp(mode, "deny-seccomp") == 0 && argc > 2) {
    // Runs argv[2…] where installing a seccomp filter fails with EPERM (ptrace still works).
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_seccomp, 3, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_prctl, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_SECCOMP, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = {sizeof filter / sizeof filter[0], filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
      perror("seccomp");
      return 2;
    }
    execvp(argv[2], argv + 2);
    perror("exec");
    return 127;
  }
  fprintf(stderr, "unknown mode '%s'\n", mode);
  return 2;
}
