/* The file-descriptor demos' raw fork() children (demos `fds` and `exec`), in C: between fork
 * and _exit or execve they make only async-signal-safe calls.
 *
 * These children are not orphans, so each is tied to the demo process with a parent-death
 * signal (SIGKILL, which execve keeps), leaves at once if its parent is already gone, and lives
 * at most `seconds` (an alarm, which execve keeps too). SIGINT, SIGTERM, SIGALRM and SIGPIPE
 * get their default action, whatever the demo process had installed. Each waits on a pipe the
 * demo writes one byte to; EOF (the demo gone) ends the wait as well. */
#include "CProcLab.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static void pl_fd_child_setup(pid_t parent, unsigned seconds) {
  static const int defaulted[] = {SIGINT, SIGTERM, SIGALRM, SIGPIPE};
  sigset_t unblock;
  sigemptyset(&unblock);
  for (unsigned i = 0; i < sizeof defaulted / sizeof defaulted[0]; i++) {
    signal(defaulted[i], SIG_DFL);
    sigaddset(&unblock, defaulted[i]);
  }
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);
  if (seconds > 0) alarm(seconds);
}

/* Reads one byte; returns 1, or 0 at EOF or on an error other than EINTR. */
static int pl_fd_wait_byte(int fd) {
  char c;
  ssize_t n;
  do {
    n = read(fd, &c, 1);
  } while (n < 0 && errno == EINTR);
  return n == 1;
}

static int pl_fd_write_all(int fd, const char *bytes, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, bytes, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    bytes += n;
    length -= (size_t)n;
  }
  return 0;
}

pid_t pl_fd_fork_hold(const struct pl_fd_hold *h) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  pl_fd_child_setup(parent, h->seconds);
  if (h->dup_from >= 0 && dup2(h->dup_from, h->dup_to) < 0) _exit(2);
  if (h->line != NULL && pl_fd_write_all(h->dup_to, h->line, h->line_length) < 0) _exit(3);
  if (h->ready_write >= 0) {
    char r = 'r';
    if (pl_fd_write_all(h->ready_write, &r, 1) < 0) _exit(4);
    /* Its table is now its parent's again: the parent closes its ends of this pipe too. */
    close(h->ready_write);
    if (h->ready_read >= 0) close(h->ready_read);
  }
  (void)pl_fd_wait_byte(h->release_read);
  _exit(0);
}

pid_t pl_fd_fork_writer(const struct pl_fd_writer *w) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  pl_fd_child_setup(parent, w->seconds);
  if (!pl_fd_wait_byte(w->go_read)) _exit(1);
  int fd = w->fd;
  if (fd < 0) fd = open(w->path, O_WRONLY | O_CLOEXEC | w->open_flags);
  if (fd < 0) _exit(2);
  for (int i = 0; i < w->count; i++) {
    if (pl_fd_write_all(fd, w->lines + (size_t)i * w->line_length, w->line_length) < 0) _exit(3);
  }
  _exit(0);
}

pid_t pl_fd_fork_exec(const struct pl_fd_exec *e) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  pl_fd_child_setup(parent, e->seconds);
  if (e->stdin_fd >= 0 && dup2(e->stdin_fd, 0) < 0) _exit(126);
  if (e->stdout_fd >= 0 && dup2(e->stdout_fd, 1) < 0) _exit(126);
  for (int i = 0; i < e->close_count; i++) close(e->close_fds[i]);
  if (e->go_read >= 0 && !pl_fd_wait_byte(e->go_read)) _exit(1);
  execve(e->path, e->argv, e->envp);
  int error = errno;
  if (e->failure_write >= 0) (void)pl_fd_write_all(e->failure_write, (const char *)&error, sizeof error);
  _exit(127);
}

int pl_fd_same_description(pid_t a, pid_t b, int fd_a, int fd_b) {
  long r = syscall(SYS_kcmp, a, b, KCMP_FILE, (unsigned long)fd_a, (unsigned long)fd_b);
  if (r < 0) return -1;
  return r == 0 ? 1 : 0;
}

long pl_fd_read_memory(pid_t pid, uintptr_t address, void *buffer, size_t length) {
  struct iovec local = {buffer, length};
  struct iovec remote = {(void *)address, length};
  ssize_t n = process_vm_readv(pid, &local, 1, &remote, 1, 0);
  return n < 0 ? -1 : (long)n;
}

static char pl_fd_marker[64];

uintptr_t pl_fd_set_marker(const char *text) {
  size_t i = 0;
  for (; text[i] != '\0' && i + 1 < sizeof pl_fd_marker; i++) pl_fd_marker[i] = text[i];
  pl_fd_marker[i] = '\0';
  return (uintptr_t)pl_fd_marker;
}
