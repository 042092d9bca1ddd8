/* The orphan demo's two raw fork() children, in C: they may only make async-signal-safe calls.
 *
 * The demo process forks a parent (the "middle" process), which forks the child that will be
 * orphaned. Neither has a parent-death signal (an orphan must outlive its parent), so their
 * lives are tied to the demo process another way:
 *  - each closes every pipe end it does not use, so that the pipe it waits on has one writer
 *    left, the demo process: if the demo dies (a SIGKILLed REPL takes it along), the read ends
 *    with EOF and the process leaves at once;
 *  - each has a bounded life (alarm), in case anything else keeps it waiting;
 *  - SIGINT, SIGTERM, SIGALRM and SIGPIPE have their default action, whatever the demo process
 *    had installed, so a Ctrl-C or a write to a dead demo ends them too.
 * Whoever adopts them (the demo as subreaper, the REPL, or init) reaps them. */
#include "CProcLab.h"

#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

static void pl_orphan_defaults(unsigned seconds) {
  static const int defaulted[] = {SIGINT, SIGTERM, SIGALRM, SIGPIPE};
  sigset_t unblock;
  sigemptyset(&unblock);
  for (unsigned i = 0; i < sizeof defaulted / sizeof defaulted[0]; i++) {
    signal(defaulted[i], SIG_DFL);
    sigaddset(&unblock, defaulted[i]);
  }
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);
  alarm(seconds);
}

/* Reads one byte; returns 1, or 0 at EOF or on an error other than EINTR. */
static int pl_orphan_wait_byte(int fd) {
  char c;
  ssize_t n;
  do {
    n = read(fd, &c, 1);
  } while (n < 0 && errno == EINTR);
  return n == 1;
}

static void pl_orphan_child_body(const struct pl_orphan_pipes *p) {
  int32_t first[2] = {(int32_t)getpid(), (int32_t)getppid()};
  ssize_t ignored = write(p->report_write, first, sizeof first);
  /* EOF instead of the go-ahead: the demo process is gone; nobody wants the rest. */
  if (!pl_orphan_wait_byte(p->release_child_read)) _exit(1);
  /* The parent is gone: the kernel has re-parented us by now, or will within a moment. */
  int32_t original = first[1];
  int32_t now = (int32_t)getppid();
  for (int i = 0; i < 200 && now == original; i++) {
    struct timespec ts = {0, 5 * 1000 * 1000};
    nanosleep(&ts, NULL);
    now = (int32_t)getppid();
  }
  ignored = write(p->report_write, &now, sizeof now);
  (void)ignored;
  _exit(0);
}

pid_t pl_fork_orphan_pair(const struct pl_orphan_pipes *p, unsigned seconds) {
  pid_t middle = fork();
  if (middle != 0) return middle;
  pl_orphan_defaults(seconds);
  close(p->report_read);
  close(p->release_parent_write);
  close(p->release_child_write);
  pid_t child = fork();
  if (child == 0) {
    pl_orphan_defaults(seconds); /* an alarm is not inherited */
    close(p->release_parent_read);
    pl_orphan_child_body(p);
  }
  close(p->report_write);
  close(p->release_child_read);
  /* Exit when told to, or at once if the demo process is gone (EOF). */
  (void)pl_orphan_wait_byte(p->release_parent_read);
  _exit(child > 0 ? 0 : 1);
}
