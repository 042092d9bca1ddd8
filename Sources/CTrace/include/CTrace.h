#ifndef CTRACE_H
#define CTRACE_H

#include <sys/types.h>

/// Fixed-signature ptrace shims for ProcLab's tracer (Sources/Trace). Swift cannot call the
/// variadic ptrace(2) nor the W* status macros, and the traced child's code between fork and
/// exec must be C (async-signal-safe calls only).

/// Forks a child that joins a process group of its own, asks for SIGKILL when its parent dies,
/// (when `use_ptrace`) asks to be traced with PTRACE_TRACEME, stops itself with SIGSTOP and then
/// execvp(file, argv) with fds 0, 1, 2 taken from in_fd, out_fd, err_fd. If exec fails, the
/// child writes its errno (an int) to `exec_error_fd` (close-on-exec) and _exits with 127;
/// if PTRACE_TRACEME is refused it writes -errno there first and runs untraced.
/// Returns the child's pid, or -1 with errno set.
pid_t ct_spawn_stopped(const char *_Nonnull file, char *_Nullable const *_Nonnull argv,
                       int in_fd, int out_fd, int err_fd, int exec_error_fd, int use_ptrace);

/// PTRACE_SETOPTIONS with TRACEFORK|TRACEVFORK|TRACECLONE|TRACEEXEC|TRACEEXIT|EXITKILL.
/// Returns 0, or -1 with errno (ESRCH when `pid` is not traced by us).
int ct_set_options(pid_t pid);

/// PTRACE_CONT delivering `sig` (0 for none). Returns 0 or -1 with errno.
int ct_continue(pid_t pid, int sig);

/// PTRACE_GETEVENTMSG: the new tid of a fork/clone event, the former tid of an exec event, the
/// wait status of an exit event. Returns 0 or -1 with errno.
int ct_event_message(pid_t pid, unsigned long *_Nonnull message);

/// Whether a stop with a stopping signal is a group-stop (PTRACE_GETSIGINFO fails with EINVAL)
/// rather than a signal-delivery-stop. 1 or 0.
int ct_is_group_stop(pid_t pid);

/// waitpid(-1, status, __WALL [| WNOHANG]): every child and every tracee. Returns the pid,
/// 0 (nothing with `nohang`), or -1 with errno.
pid_t ct_wait_any(int *_Nonnull status, int nohang);

/// waitpid(pid, status, __WALL | WUNTRACED): the first stop of a freshly spawned child.
pid_t ct_wait_stopped(pid_t pid, int *_Nonnull status);

/// The W* macros, for Swift.
int ct_status_exited(int status);
int ct_status_exit_code(int status);
int ct_status_signaled(int status);
int ct_status_term_signal(int status);
int ct_status_stopped(int status);
int ct_status_stop_signal(int status);
/// The PTRACE_EVENT_* of a SIGTRAP stop (status >> 16), 0 for none.
int ct_status_event(int status);

/// The PTRACE_EVENT_* numbers, for Swift (they are enum constants in some headers).
enum {
  CT_EVENT_FORK = 1,
  CT_EVENT_VFORK = 2,
  CT_EVENT_CLONE = 3,
  CT_EVENT_EXEC = 4,
  CT_EVENT_EXIT = 6,
};

#endif
