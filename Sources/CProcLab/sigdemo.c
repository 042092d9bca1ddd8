/* The signals demo's raw fork() children, in C: between fork() and _exit they make only
 * async-signal-safe calls, and so do their signal handlers (the lesson is about exactly that).
 *
 * A "target" child installs handlers (sigaction, SA_SIGINFO) that read the monotonic clock,
 * count the signal and write one fixed-size record (struct pl_sig_record, under PIPE_BUF, so
 * each write is atomic) to the report pipe; its main loop reads one-byte commands from the
 * control pipe ('q' report the counts, 'u' unblock SIGUSR1 and SIGUSR2). A "SIGCHLD parent"
 * forks children and reaps them from a SIGCHLD handler, lets the kernel reap them (SIGCHLD
 * ignored) or leaves them as zombies, and says what it saw.
 *
 * Their lives are tied to the demo process three ways: the parent-death signal (SIGKILL),
 * checked against the pid that forked them; EOF on the control pipe, whose only writer is the
 * demo process; and a bounded life (alarm, SIGALRM with its default action).
 *
 * The counters are C globals, which shims otherwise avoid: a signal handler can reach nothing
 * else, and each child is a process of its own, so there is exactly one instance per process. */
#include "CProcLab.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t pl_sig_usr1, pl_sig_usr2, pl_sig_int, pl_sig_term;
static volatile sig_atomic_t pl_sig_term_requested;
static volatile sig_atomic_t pl_sig_chld_runs, pl_sig_chld_reaped;
static int pl_sig_report_fd = -1;

static int64_t pl_sig_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void pl_sig_fill(struct pl_sig_record *r, int32_t kind, int32_t signo, int32_t sender) {
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->signo = signo;
  r->pid = (int32_t)getpid();
  r->pgid = (int32_t)getpgrp();
  r->sender = sender;
  r->usr1 = pl_sig_usr1;
  r->usr2 = pl_sig_usr2;
  r->intr = pl_sig_int;
  r->term = pl_sig_term;
  r->ns = pl_sig_now_ns();
}

static void pl_sig_send(const struct pl_sig_record *r) {
  ssize_t ignored = write(pl_sig_report_fd, r, sizeof *r);
  (void)ignored;
}

/* The handler: clock first (the latency ends here), then count, then one write(2). */
static void pl_sig_handler(int signo, siginfo_t *info, void *context) {
  (void)context;
  int saved = errno;
  int64_t now = pl_sig_now_ns();
  switch (signo) {
  case SIGUSR1: pl_sig_usr1++; break;
  case SIGUSR2: pl_sig_usr2++; break;
  case SIGINT: pl_sig_int++; break;
  case SIGTERM:
    pl_sig_term++;
    pl_sig_term_requested = 1;
    break;
  default: break;
  }
  struct pl_sig_record r;
  pl_sig_fill(&r, PL_SIG_HANDLED, signo, info ? (int32_t)info->si_pid : 0);
  r.ns = now;
  pl_sig_send(&r);
  errno = saved;
}

/* Defaults for the signals this child uses and a clean mask, whatever the demo process had;
 * the parent-death signal; a bounded life. Returns 0, or -1 if the parent is already gone. */
static int pl_sig_child_setup(pid_t parent, unsigned lifetime) {
  static const int defaulted[] = {SIGINT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGCHLD};
  for (unsigned i = 0; i < sizeof defaulted / sizeof defaulted[0]; i++) {
    signal(defaulted[i], SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) return -1;
  alarm(lifetime);
  return 0;
}

static void pl_sig_install(int signo) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = pl_sig_handler;
  sa.sa_flags = SA_SIGINFO; /* no SA_RESTART: a signal ends the read, the loop looks again */
  sigfillset(&sa.sa_mask);  /* one handler at a time: the records never interleave */
  sigaction(signo, &sa, NULL);
}

static void pl_sig_user_set(sigset_t *set) {
  sigemptyset(set);
  sigaddset(set, SIGUSR1);
  sigaddset(set, SIGUSR2);
}

pid_t pl_fork_signal_target(const struct pl_sig_pipes *p, int flags, pid_t group,
                            unsigned lifetime) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  if (pl_sig_child_setup(parent, lifetime) != 0) _exit(1);
  close(p->report_read);
  close(p->control_write);
  pl_sig_report_fd = p->report_write;
  if (group >= 0 && setpgid(0, group) != 0) _exit(2);
  /* The caught signals stay blocked except inside ppoll, which unblocks them atomically
   * while it waits: a SIGTERM can never slip in between "is there a request?" and the wait. */
  sigset_t caught, user, running, waiting;
  sigemptyset(&caught);
  pl_sig_user_set(&user);
  if (flags & PL_SIG_CATCH) {
    static const int signals[] = {SIGUSR1, SIGUSR2, SIGINT, SIGTERM};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
      pl_sig_install(signals[i]);
      sigaddset(&caught, signals[i]);
    }
  }
  sigprocmask(SIG_BLOCK, &caught, NULL);
  if (flags & PL_SIG_BLOCK_USER) sigprocmask(SIG_BLOCK, &user, NULL);
  sigprocmask(SIG_SETMASK, NULL, &running);
  waiting = running;
  for (int s = 1; s < NSIG; s++) {
    if (sigismember(&caught, s) == 1) sigdelset(&waiting, s);
  }
  if (flags & PL_SIG_BLOCK_USER) {
    sigaddset(&waiting, SIGUSR1);
    sigaddset(&waiting, SIGUSR2);
  }
  struct pl_sig_record r;
  pl_sig_fill(&r, PL_SIG_READY, 0, 0);
  pl_sig_send(&r);
  struct pollfd control = {.fd = p->control_read, .events = POLLIN};
  for (;;) {
    if (pl_sig_term_requested) {
      /* SIGTERM handled: the main loop (not the handler) tidies up and leaves with a status
       * of its own choosing. */
      pl_sig_fill(&r, PL_SIG_CLEANED_UP, SIGTERM, 0);
      pl_sig_send(&r);
      _exit(0);
    }
    if (ppoll(&control, 1, NULL, &waiting) < 0) continue; /* EINTR: a handler ran */
    char c;
    ssize_t n = read(p->control_read, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(1); /* EOF: the demo process is gone */
    if (c == 'q') {
      /* A signal sent before the 'q' is pending by now: let it through first (ppoll may
       * have returned for the byte with the signal still blocked). */
      sigprocmask(SIG_SETMASK, &waiting, NULL);
      sigprocmask(SIG_SETMASK, &running, NULL);
      if (pl_sig_term_requested) continue;
      pl_sig_fill(&r, PL_SIG_COUNTS, 0, 0);
      pl_sig_send(&r);
    } else if (c == 'u') {
      /* Pending signals of the set are delivered before sigprocmask returns. */
      sigdelset(&waiting, SIGUSR1);
      sigdelset(&waiting, SIGUSR2);
      sigprocmask(SIG_SETMASK, &waiting, NULL);
      sigprocmask(SIG_SETMASK, &running, NULL);
      pl_sig_fill(&r, PL_SIG_UNBLOCKED, 0, 0);
      pl_sig_send(&r);
    }
  }
}

static void pl_sig_reap_handler(int signo) {
  (void)signo;
  int saved = errno;
  pl_sig_chld_runs++;
  int status;
  /* Signals of one kind do not queue: one SIGCHLD may stand for several children. */
  while (waitpid(-1, &status, WNOHANG) > 0) pl_sig_chld_reaped++;
  errno = saved;
}

pid_t pl_fork_sigchld_parent(const struct pl_sig_pipes *p, int mode, int children,
                             unsigned lifetime) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  if (pl_sig_child_setup(parent, lifetime) != 0) _exit(1);
  close(p->report_read);
  close(p->control_write);
  pl_sig_report_fd = p->report_write;
  sigset_t chld, old;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  if (mode == PL_SIGCHLD_HANDLER) {
    sa.sa_handler = pl_sig_reap_handler;
    sigaction(SIGCHLD, &sa, NULL);
    sigprocmask(SIG_BLOCK, &chld, &old); /* no SIGCHLD lost between the test and the wait */
  } else if (mode == PL_SIGCHLD_IGNORE) {
    sa.sa_handler = SIG_IGN;
    sigaction(SIGCHLD, &sa, NULL);
  }
  int made = 0;
  for (int i = 0; i < children; i++) {
    pid_t child = fork();
    if (child == 0) _exit(i + 1);
    if (child > 0) made++;
  }
  struct pl_sig_record r;
  int32_t waited = 0, waitErrno = 0;
  if (mode == PL_SIGCHLD_HANDLER) {
    sigset_t wait_mask = old;
    sigdelset(&wait_mask, SIGCHLD);
    while (pl_sig_chld_reaped < made) sigsuspend(&wait_mask);
    sigprocmask(SIG_SETMASK, &old, NULL);
  } else if (mode == PL_SIGCHLD_IGNORE) {
    int status;
    pid_t w;
    /* With SIGCHLD ignored, waitpid blocks until every child has ended, then fails: the
     * kernel reaped them, and there is no status to collect. */
    do {
      w = waitpid(-1, &status, 0);
    } while (w < 0 && errno == EINTR);
    waited = (int32_t)w;
    waitErrno = w < 0 ? errno : 0;
  }
  pl_sig_fill(&r, PL_SIG_CHILDREN, SIGCHLD, 0);
  r.usr1 = made;
  r.usr2 = pl_sig_chld_reaped;
  r.intr = pl_sig_chld_runs;
  r.term = waitErrno;
  r.sender = waited;
  pl_sig_send(&r);
  /* Stay (children unreaped, in the default mode) until told to go, or the demo is gone. */
  char c;
  ssize_t n;
  do {
    n = read(p->control_read, &c, 1);
  } while (n < 0 && errno == EINTR);
  _exit(0);
}
