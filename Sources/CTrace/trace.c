#include "CTrace.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t ct_spawn_stopped(const char *file, char *const *argv, int in_fd, int out_fd, int err_fd,
                       int exec_error_fd, int use_ptrace) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  // The child: async-signal-safe calls only until exec.
  sigset_t all;
  sigemptyset(&all);
  sigprocmask(SIG_SETMASK, &all, NULL);
  signal(SIGPIPE, SIG_DFL);  // ProcLab ignores it; the student's program must not.
  signal(SIGINT, SIG_DFL);
  if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(127);
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
  if (use_ptrace && ptrace(PTRACE_TRACEME, 0, NULL, NULL) == -1) {
    // Refused (Yama, seccomp, a container): the parent reads -errno, then polls /proc.
    int e = -errno;
    ssize_t ignored = write(exec_error_fd, &e, sizeof e);
    (void)ignored;
  }
  raise(SIGSTOP);
  execvp(file, argv);
  int e = errno;
  ssize_t ignored = write(exec_error_fd, &e, sizeof e);
  (void)ignored;
  _exit(127);
}

int ct_set_options(pid_t pid) {
  long options = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                 PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL;
  return (int)ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)options);
}

int ct_continue(pid_t pid, int sig) {
  return (int)ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig);
}

int ct_event_message(pid_t pid, unsigned long *message) {
  return (int)ptrace(PTRACE_GETEVENTMSG, pid, NULL, message);
}

int ct_is_group_stop(pid_t pid) {
  siginfo_t info;
  if (ptrace(PTRACE_GETSIGINFO, pid, NULL, &info) == -1 && errno == EINVAL) return 1;
  return 0;
}

pid_t ct_wait_any(int *status, int nohang) {
  return waitpid(-1, status, __WALL | (nohang ? WNOHANG : 0));
}

pid_t ct_wait_stopped(pid_t pid, int *status) {
  pid_t r;
  do { r = waitpid(pid, status, __WALL | WUNTRACED); } while (r == -1 && errno == EINTR);
  return r;
}

int ct_status_exited(int status) { return WIFEXITED(status); }
int ct_status_exit_code(int status) { return WEXITSTATUS(status); }
int ct_status_signaled(int status) { return WIFSIGNALED(status); }
int ct_status_term_signal(int status) { return WTERMSIG(status); }
int ct_status_stopped(int status) { return WIFSTOPPED(status); }
int ct_status_stop_signal(int status) { return WSTOPSIG(status); }
int ct_status_event(int status) { return (status >> 16) & 0xff; }
