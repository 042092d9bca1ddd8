#ifndef CTRACE_H
#define CTRACE_H

#include <sys/types.h>

/// Fixed-signature ptrace shims for ProcLab's tracer (Sources/Trace). Swift cannot call the
/// variadic ptrace(2) nor the W* status macros, and the traced child's code between fork and
/// exec must be C (async-signal-safe calls only).

/// What the child of ct_spawn_stopped reports on `report_fd`: records of two ints
/// {stage, errno}, written before it stops itself (TRACEME, SECCOMP) or after exec failed.
enum {
  CT_REPORT_TRACEME_REFUSED = 1,
  CT_REPORT_SECCOMP_REFUSED = 2,
  CT_REPORT_EXEC_FAILED = 3,
};

/// Forks a child that joins a process group of its own, asks for SIGKILL when its parent dies,
/// (when `use_ptrace`) asks to be traced with PTRACE_TRACEME and (when `use_seccomp` too)
/// installs ct's seccomp filter (PR_SET_NO_NEW_PRIVS first; `use_seccomp` 2: with the reads and
/// writes trapped from the start, 1: without them, ct_arm_byte_traps adds them later), stops itself with SIGSTOP and then
/// execvp(file, argv) with fds 0, 1, 2 taken from in_fd, out_fd, err_fd. Each refusal is
/// reported on `report_fd` (close-on-exec) as a record and the child goes on without it (no
/// filter without ptrace: its traced calls would fail with ENOSYS); if exec fails it reports
/// that and _exits with 127. Returns the child's pid, or -1 with errno set.
pid_t ct_spawn_stopped(const char *_Nonnull file, char *_Nullable const *_Nonnull argv,
                       int in_fd, int out_fd, int err_fd, int report_fd, int use_ptrace,
                       int use_seccomp);

/// Gives tracee `tid` (in a syscall-exit stop; its process `tgid`) the second seccomp filter,
/// which traps its reads and writes: the tracer makes it run seccomp(SECCOMP_SET_MODE_FILTER,
/// SECCOMP_FILTER_FLAG_TSYNC, …) from the `syscall` instruction it has just run (the filter
/// below its stack's red zone), then puts its registers back; a signal that comes meanwhile is
/// re-sent after. Every thread of the process gets it, and every child it forks after. x86-64
/// only (elsewhere ENOSYS: trap the reads and writes from the start instead). Returns 0; -1
/// with errno; or -2 with `status` set when another report came for `tid` (an exit event: the
/// task is going away), which the caller handles as any stop.
int ct_arm_byte_traps(pid_t tid, pid_t tgid, int *_Nonnull status);

/// Whether ct_arm_byte_traps can work here (x86-64): 1 or 0.
int ct_can_arm_byte_traps(void);

/// PTRACE_SETOPTIONS with TRACEFORK|TRACEVFORK|TRACECLONE|TRACEEXEC|TRACEEXIT|EXITKILL, and
/// TRACESECCOMP|TRACESYSGOOD when `seccomp`. Returns 0, or -1 with errno (ESRCH when `pid` is
/// not traced by us).
int ct_set_options(pid_t pid, int seccomp);

/// PTRACE_CONT delivering `sig` (0 for none). Returns 0 or -1 with errno.
int ct_continue(pid_t pid, int sig);

/// PTRACE_SYSCALL delivering `sig`: resumes `pid` to the exit of the system call it is in (a
/// seccomp stop's call), which stops it again. Returns 0 or -1 with errno.
int ct_continue_to_syscall_exit(pid_t pid, int sig);

/// A system call seen at a seccomp stop (its number and arguments) or at its exit stop (its
/// return value), from PTRACE_GET_SYSCALL_INFO.
typedef struct {
  /// CT_SYSCALL_AT_SECCOMP, CT_SYSCALL_AT_EXIT, or 0 for another stop.
  int at;
  /// ct_syscall_kind of the call's number (at a seccomp stop).
  int kind;
  unsigned long long args[6];
  long long rval;
  int is_error;
} ct_syscall;

enum { CT_SYSCALL_AT_SECCOMP = 1, CT_SYSCALL_AT_EXIT = 2 };

/// Fills `out` for a tracee in a seccomp stop or a syscall-exit stop. Returns 0 or -1 with errno.
int ct_get_syscall(pid_t pid, ct_syscall *_Nonnull out);

/// The system calls the filter traps, and those a blocked reader or waiter sits in, by kind (so
/// Swift needs no per-architecture numbers).
enum {
  CT_SYS_OTHER = 0,
  CT_SYS_PIPE = 1,
  CT_SYS_PIPE2,
  CT_SYS_SOCKETPAIR,
  CT_SYS_SOCKET,
  CT_SYS_OPEN,
  CT_SYS_OPENAT,
  CT_SYS_UNLINK,
  CT_SYS_UNLINKAT,
  CT_SYS_LINK,
  CT_SYS_LINKAT,
  CT_SYS_MQ_OPEN,
  CT_SYS_MQ_UNLINK,
  CT_SYS_READ,
  CT_SYS_READV,
  CT_SYS_WAIT,
  CT_SYS_WRITE,
  CT_SYS_WRITEV,
  /// recvfrom, recvmsg.
  CT_SYS_RECV,
  /// sendto, sendmsg.
  CT_SYS_SEND,
  CT_SYS_CONNECT,
  /// accept, accept4.
  CT_SYS_ACCEPT,
};

/// The CT_SYS_* kind of system call number `nr` on this architecture.
int ct_syscall_kind(long nr);

/// Copies up to `length` bytes of tracee `pid`'s memory at `address` (process_vm_readv, page by
/// page). Returns the bytes copied, or -1 with errno.
long ct_read_memory(pid_t pid, unsigned long long address, void *_Nonnull buffer,
                    unsigned long length);

/// Whether POSIX message queue `name` (as mq_open's system call takes it: no leading slash)
/// exists: 1 (also when it is not ours to open), 0, or -1 with errno (ENOSYS: no mqueue).
int ct_mq_exists(const char *_Nonnull name);

/// mq_unlink's system call for `name` (no leading slash). Returns 0 or -1 with errno.
int ct_mq_unlink(const char *_Nonnull name);

/// Whether `path` (a /proc/<pid>/fd/N link) is a POSIX message queue (its file system is
/// mqueue), and then when the queue last changed (its ctime, seconds since the epoch: set when
/// it was made and by each message sent or received). 1 or 0.
int ct_queue_changed(const char *_Nonnull path, double *_Nonnull changed);

/// The inode of the peer of Unix socket `inode` (sock_diag, UDIAG_SHOW_PEER: the other end of
/// a connection, the accepted socket of a connect()), or 0 when it has none, is not a Unix
/// socket or sock_diag is not available.
unsigned long long ct_unix_peer(unsigned long long inode);

/// The inode of the socket at the other end of TCP or UDP socket `inode` (IPv4 or IPv6): the
/// socket whose addresses and ports are its own swapped, found with sock_diag's inet dumps (what
/// `ss -t`, `ss -u` read). 0 when it is not connected, not a TCP or UDP socket, the other end
/// has no inode yet (a connection still in a listener's accept queue) or is in another network
/// namespace, or sock_diag refuses the dump.
unsigned long long ct_inet_peer(unsigned long long inode);

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
  CT_EVENT_SECCOMP = 7,
  /// The stop signal of a syscall-exit stop (SIGTRAP | 0x80, with TRACESYSGOOD).
  CT_SYSCALL_STOP_SIGNAL = 5 | 0x80,
};

#endif
