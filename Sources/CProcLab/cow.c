/* The cow demo's raw fork() and vfork() children, in C: between the fork and _exit they make
 * only async-signal-safe calls (prctl, getppid, signal, sigprocmask, alarm, close, read,
 * write, getrusage, clock_gettime, _exit), so nothing of the Swift runtime or malloc runs in a
 * child whose parent may have held a lock at the moment of the fork.
 *
 * The writing child's life is tied to the demo process three ways: the parent-death signal
 * (SIGKILL), EOF on the pipe it waits on (the demo process is its only writer), and alarm().
 * Sources/Demos/Memory/CowFaults.swift is its other half. */
#include "CProcLab.h"

#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static void pl_cow_defaults(unsigned seconds) {
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

/* Reads one byte; 1, or 0 at EOF or on an error other than EINTR. */
static int pl_cow_wait_byte(int fd) {
  char c;
  ssize_t n;
  do {
    n = read(fd, &c, 1);
  } while (n < 0 && errno == EINTR);
  return n == 1;
}

/* Writes all of `bytes`; 1, or 0 when the pipe is gone. */
static int pl_cow_write_all(int fd, const void *bytes, size_t count) {
  const char *p = bytes;
  while (count > 0) {
    ssize_t n = write(fd, p, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    p += n;
    count -= (size_t)n;
  }
  return 1;
}

static int64_t pl_cow_nanoseconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

pid_t pl_fork_cow_writer(const struct pl_cow_child *c) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != c->parent) _exit(1);
  pl_cow_defaults(c->seconds);
  close(c->go_write);
  close(c->report_read);
  /* Ready: the demo reads our smaps_rollup before any write. */
  char ready = 'r';
  if (!pl_cow_write_all(c->report_write, &ready, 1)) _exit(1);
  if (!pl_cow_wait_byte(c->go_read)) _exit(1);
  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  int64_t start = pl_cow_nanoseconds();
  volatile unsigned char *region = c->region;
  for (size_t i = 0; i < c->write_pages; i++) region[i * c->page_size] = (unsigned char)(i + 1);
  int64_t end = pl_cow_nanoseconds();
  getrusage(RUSAGE_SELF, &after);
  struct pl_cow_report report = {
      .minor_faults = (int64_t)(after.ru_minflt - before.ru_minflt),
      .major_faults = (int64_t)(after.ru_majflt - before.ru_majflt),
      .pages_written = (int64_t)c->write_pages,
      .write_nanoseconds = end - start,
  };
  if (!pl_cow_write_all(c->report_write, &report, sizeof report)) _exit(1);
  /* Stay until the demo has read our smaps_rollup after the writes (or is gone: EOF). */
  (void)pl_cow_wait_byte(c->go_read);
  _exit(0);
}

pid_t pl_vfork_exit(int code) {
  pid_t pid = vfork();
  /* The child borrows the parent's memory and stack until it exits: _exit only. */
  if (pid == 0) _exit(code);
  return pid;
}
