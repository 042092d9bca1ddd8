// Over 400 lines: the tracer's C side is one unit (the spawn and its seccomp filters, the ptrace
// shims, the injected second filter, sock_diag for Unix and inet peers) that shares the filter
// builders and CTrace.h's enums; splitting the sock_diag part out is the next step.
#include "CTrace.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/seccomp.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define CT_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define CT_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

static void report(int fd, int stage, int error) {
  int record[2] = {stage, error};
  ssize_t ignored = write(fd, record, sizeof record);
  (void)ignored;
}

#ifdef CT_AUDIT_ARCH
// The low 32 bits of system call argument `n` (flags fit there).
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define CT_ARG_LOW(n) (offsetof(struct seccomp_data, args[n]) + 4)
#else
#define CT_ARG_LOW(n) offsetof(struct seccomp_data, args[n])
#endif

// The calls that read or write a descriptor: trapped to count bytes per pipe and socket (the
// tracer lets a call on any other file go at once).
static const int byte_calls[] = {
    __NR_read,    __NR_write,  __NR_readv,   __NR_writev,
    __NR_recvfrom, __NR_sendto, __NR_recvmsg, __NR_sendmsg,
};
enum { byte_call_count = sizeof byte_calls / sizeof byte_calls[0] };

// Appends "load the call's number" and, for each of `calls`, "SECCOMP_RET_TRACE if it is this
// one" to `f` at `n`; returns the new length.
static int trap_calls(struct sock_filter *f, int n, const int *calls, int count) {
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  for (int i = 0; i < count; i++) {
    f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)calls[i], 0, 1);
    f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
  }
  return n;
}

// Appends "allow another architecture's calls untouched" to `f` at `n`.
static int check_arch(struct sock_filter *f, int n) {
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, CT_AUDIT_ARCH, 1, 0);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  return n;
}

// The filter a process gets when it first holds a pipe or socket (ct_arm_byte_traps): the reads
// and writes trapped, everything else allowed. Stacked on the first filter, the kernel takes
// the stricter answer of the two for each call. Returns its length.
enum { byte_filter_max = 3 + 1 + 2 * byte_call_count + 1 };
static int byte_filter(struct sock_filter *f) {
  int n = check_arch(f, 0);
  n = trap_calls(f, n, byte_calls, byte_call_count);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  return n;
}

// SECCOMP_RET_TRACE for the calls that make, open or remove IPC objects and that connect and
// accept sockets; with `with_bytes` also the reads and writes (else the tracer adds them to a
// process when it first holds a pipe or socket: ct_arm_byte_traps); open/openat only when they
// may create or name an object (O_CREAT or O_NOFOLLOW: shm_open, sem_open), so a program
// opening its own files is never stopped. Everything else runs as if untraced.
static int install_filter(int with_bytes) {
  static const int always[] = {
#ifdef __NR_pipe
      __NR_pipe,
#endif
      __NR_pipe2,  __NR_socketpair, __NR_socket,   __NR_unlinkat, __NR_linkat,
      __NR_mq_open, __NR_mq_unlink, __NR_connect,  __NR_accept4,
#ifdef __NR_accept
      __NR_accept,
#endif
#ifdef __NR_unlink
      __NR_unlink,
#endif
#ifdef __NR_link
      __NR_link,
#endif
  };
  enum { always_count = sizeof always / sizeof always[0] };
  struct sock_filter f[3 + 1 + 2 * always_count + 2 * byte_call_count + 10 + 1];
  int n = check_arch(f, 0);
  n = trap_calls(f, n, always, always_count);
  if (with_bytes) {
    for (int i = 0; i < byte_call_count; i++) {
      f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)byte_calls[i], 0, 1);
      f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
    }
  }
  const unsigned mask = O_CREAT | O_NOFOLLOW;
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_openat, 0, 4);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, CT_ARG_LOW(2));
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, mask, 0, 1);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
#ifdef __NR_open
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_open, 0, 4);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, CT_ARG_LOW(1));
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, mask, 0, 1);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
#endif
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog program = {(unsigned short)n, f};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program);
}
#else
static int install_filter(int with_bytes) {
  (void)with_bytes;
  errno = ENOSYS;
  return -1;
}
#endif

pid_t ct_spawn_stopped(const char *file, char *const *argv, int in_fd, int out_fd, int err_fd,
                       int report_fd, int use_ptrace, int use_seccomp) {
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
    // Refused (Yama, seccomp, a container): the parent reads why, then polls /proc.
    report(report_fd, CT_REPORT_TRACEME_REFUSED, errno);
  } else if (use_ptrace && use_seccomp && install_filter(use_seccomp == 2) != 0) {
    // Traced without the filter: the parent scans /proc/<pid>/fd at events instead.
    report(report_fd, CT_REPORT_SECCOMP_REFUSED, errno);
  }
  // Nothing the filter traps runs between here and exec, so the parent's TRACESECCOMP option
  // (set during this stop) is in place before the first trapped call.
  raise(SIGSTOP);
  execvp(file, argv);
  report(report_fd, CT_REPORT_EXEC_FAILED, errno);
  _exit(127);
}

int ct_set_options(pid_t pid, int seccomp) {
  long options = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                 PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL;
  if (seccomp) options |= PTRACE_O_TRACESECCOMP | PTRACE_O_TRACESYSGOOD;
  return (int)ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)options);
}

int ct_continue_to_syscall_exit(pid_t pid, int sig) {
  return (int)ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)sig);
}

#if defined(__x86_64__) && defined(CT_AUDIT_ARCH)
// Resumes `tid` with PTRACE_SYSCALL until its next syscall stop; a signal that comes meanwhile
// is held back and noted in `held` (re-sent after). Returns 0 at the stop, 1 with `status` for
// any other report (the task is going away: an exit event, an exit), -1 with errno.
static int to_syscall_stop(pid_t tid, int *status, int *held, int *held_count) {
  for (;;) {
    if (ptrace(PTRACE_SYSCALL, tid, NULL, NULL) == -1) return -1;
    pid_t r;
    do { r = waitpid(tid, status, __WALL); } while (r == -1 && errno == EINTR);
    if (r != tid) return -1;
    if (!WIFSTOPPED(*status)) return 1;
    int sig = WSTOPSIG(*status);
    if (sig == (SIGTRAP | 0x80)) return 0;
    if ((*status >> 16) != 0 || sig == SIGTRAP) return 1;
    if (ct_is_group_stop(tid)) continue;  // job control: resumed, as the tracer always does
    if (*held_count < 8) held[(*held_count)++] = sig;
  }
}
#endif

int ct_arm_byte_traps(pid_t tid, pid_t tgid, int *status) {
  *status = 0;
#if defined(__x86_64__) && defined(CT_AUDIT_ARCH)
  struct user_regs_struct saved, regs;
  if (ptrace(PTRACE_GETREGS, tid, NULL, &saved) == -1) return -1;
  errno = 0;
  long word = ptrace(PTRACE_PEEKTEXT, tid, (void *)(saved.rip - 2), NULL);
  if (errno != 0) return -1;
  if ((word & 0xffff) != 0x050f) {  // not just after a `syscall` instruction
    errno = EINVAL;
    return -1;
  }
  struct sock_filter f[byte_filter_max];
  int n = byte_filter(f);
  // Below the stack's red zone (the 128 bytes under the stack pointer that code may use),
  // 16-byte aligned: the program, and under it the sock_fprog that points to it.
  unsigned long long length = (unsigned long long)n * sizeof f[0];
  unsigned long long code = (saved.rsp - 128 - length) & ~15ULL;
  unsigned long long header = (code - sizeof(struct sock_fprog)) & ~15ULL;
  struct sock_fprog program = {(unsigned short)n, (struct sock_filter *)(unsigned long)code};
  struct iovec local[2] = {{f, length}, {&program, sizeof program}};
  struct iovec remote[2] = {{(void *)(unsigned long)code, length},
                            {(void *)(unsigned long)header, sizeof program}};
  if (process_vm_writev(tid, local, 2, remote, 2, 0) != (ssize_t)(length + sizeof program)) {
    return -1;
  }
  // seccomp(SECCOMP_SET_MODE_FILTER, TSYNC, &program) by the `syscall` instruction it just ran:
  // TSYNC gives the filter to every thread of the process; its children inherit it.
  regs = saved;
  regs.rax = __NR_seccomp;
  regs.rdi = SECCOMP_SET_MODE_FILTER;
  regs.rsi = SECCOMP_FILTER_FLAG_TSYNC;
  regs.rdx = header;
  regs.rip = saved.rip - 2;
  if (ptrace(PTRACE_SETREGS, tid, NULL, &regs) == -1) return -1;
  int held[8], held_count = 0;
  for (int stop = 0; stop < 2; stop++) {  // the call's entry, then its exit
    int r = to_syscall_stop(tid, status, held, &held_count);
    if (r != 0) return r == 1 ? -2 : -1;
  }
  if (ptrace(PTRACE_GETREGS, tid, NULL, &regs) == -1) return -1;
  long long result = (long long)regs.rax;
  if (ptrace(PTRACE_SETREGS, tid, NULL, &saved) == -1) return -1;
  for (int i = 0; i < held_count; i++) syscall(SYS_tgkill, tgid, tid, held[i]);
  if (result != 0) {
    // TSYNC answers with the tid of a thread it could not give the filter to.
    errno = result < 0 ? (int)-result : EBUSY;
    return -1;
  }
  return 0;
#else
  (void)tid;
  (void)tgid;
  errno = ENOSYS;
  return -1;
#endif
}

int ct_get_syscall(pid_t pid, ct_syscall *out) {
  struct __ptrace_syscall_info info;
  memset(&info, 0, sizeof info);
  memset(out, 0, sizeof *out);
  if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof info, &info) <= 0) return -1;
  if (info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
    out->at = CT_SYSCALL_AT_SECCOMP;
    out->kind = ct_syscall_kind((long)info.seccomp.nr);
    for (int i = 0; i < 6; i++) out->args[i] = info.seccomp.args[i];
  } else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
    out->at = CT_SYSCALL_AT_EXIT;
    out->rval = info.exit.rval;
    out->is_error = info.exit.is_error;
  }
  return 0;
}

int ct_syscall_kind(long nr) {
  switch (nr) {
#ifdef __NR_pipe
    case __NR_pipe: return CT_SYS_PIPE;
#endif
    case __NR_pipe2: return CT_SYS_PIPE2;
    case __NR_socketpair: return CT_SYS_SOCKETPAIR;
    case __NR_socket: return CT_SYS_SOCKET;
#ifdef __NR_open
    case __NR_open: return CT_SYS_OPEN;
#endif
    case __NR_openat: return CT_SYS_OPENAT;
#ifdef __NR_unlink
    case __NR_unlink: return CT_SYS_UNLINK;
#endif
    case __NR_unlinkat: return CT_SYS_UNLINKAT;
#ifdef __NR_link
    case __NR_link: return CT_SYS_LINK;
#endif
    case __NR_linkat: return CT_SYS_LINKAT;
    case __NR_mq_open: return CT_SYS_MQ_OPEN;
    case __NR_mq_unlink: return CT_SYS_MQ_UNLINK;
    case __NR_read: return CT_SYS_READ;
    case __NR_readv: return CT_SYS_READV;
    case __NR_write: return CT_SYS_WRITE;
    case __NR_writev: return CT_SYS_WRITEV;
    case __NR_recvfrom: return CT_SYS_RECV;
    case __NR_recvmsg: return CT_SYS_RECV;
    case __NR_sendto: return CT_SYS_SEND;
    case __NR_sendmsg: return CT_SYS_SEND;
    case __NR_connect: return CT_SYS_CONNECT;
    case __NR_accept4: return CT_SYS_ACCEPT;
#ifdef __NR_accept
    case __NR_accept: return CT_SYS_ACCEPT;
#endif
    case __NR_wait4: return CT_SYS_WAIT;
    case __NR_waitid: return CT_SYS_WAIT;
    default: return CT_SYS_OTHER;
  }
}

long ct_read_memory(pid_t pid, unsigned long long address, void *buffer, unsigned long length) {
  // Page by page: a read that crosses into an unmapped page then still returns the first part.
  long page = sysconf(_SC_PAGESIZE);
  unsigned long done = 0;
  while (done < length) {
    unsigned long long at = address + done;
    unsigned long chunk = (unsigned long)(page - (long)(at % (unsigned long long)page));
    if (chunk > length - done) chunk = length - done;
    struct iovec local = {(char *)buffer + done, chunk};
    struct iovec remote = {(void *)(unsigned long)at, chunk};
    ssize_t n = process_vm_readv(pid, &local, 1, &remote, 1, 0);
    if (n <= 0) return done > 0 ? (long)done : -1;
    done += (unsigned long)n;
  }
  return (long)done;
}

int ct_mq_exists(const char *name) {
  long fd = syscall(__NR_mq_open, name, O_RDONLY | O_CLOEXEC, 0, NULL);
  if (fd >= 0) {
    close((int)fd);
    return 1;
  }
  if (errno == ENOENT) return 0;
  if (errno == EACCES) return 1;
  return -1;
}

int ct_mq_unlink(const char *name) { return (int)syscall(__NR_mq_unlink, name); }

int ct_queue_changed(const char *path, double *changed) {
  struct statfs fs;
  struct stat st;
  if (statfs(path, &fs) != 0 || fs.f_type != 0x19800202 /* MQUEUE_MAGIC */) return 0;
  if (stat(path, &st) != 0) return 0;
  *changed = (double)st.st_ctim.tv_sec + (double)st.st_ctim.tv_nsec / 1e9;
  return 1;
}

unsigned long long ct_unix_peer(unsigned long long inode) {
  int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (fd < 0) return 0;
  struct {
    struct nlmsghdr header;
    struct unix_diag_req request;
  } message;
  memset(&message, 0, sizeof message);
  message.header.nlmsg_len = sizeof message;
  message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  message.header.nlmsg_flags = NLM_F_REQUEST;
  message.request.sdiag_family = AF_UNIX;
  message.request.udiag_states = ~0U;
  message.request.udiag_ino = (unsigned)inode;
  message.request.udiag_show = UDIAG_SHOW_PEER;
  message.request.udiag_cookie[0] = ~0U;  // INET_DIAG_NOCOOKIE: look it up by inode alone
  message.request.udiag_cookie[1] = ~0U;
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  unsigned long long peer = 0;
  if (sendto(fd, &message, sizeof message, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) {
    close(fd);
    return 0;
  }
  long buffer[2048];
  ssize_t n = recv(fd, buffer, sizeof buffer, 0);
  close(fd);
  if (n <= 0) return 0;
  int left = (int)n;
  for (struct nlmsghdr *h = (struct nlmsghdr *)buffer; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
    if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) break;  // NLMSG_ERROR: not a Unix socket
    struct unix_diag_msg *m = NLMSG_DATA(h);
    if (m->udiag_ino != (unsigned)inode) continue;
    int length = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *m));
    for (struct rtattr *a = (struct rtattr *)(m + 1); RTA_OK(a, length); a = RTA_NEXT(a, length)) {
      if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= sizeof(unsigned)) {
        peer = *(unsigned *)RTA_DATA(a);
      }
    }
  }
  return peer;
}

// One socket of an inet_diag dump: its addresses and ports as the kernel keeps them (network
// byte order), and its inode (0 for a connection still in a listener's accept queue).
typedef struct {
  struct inet_diag_sockid id;
  unsigned inode;
} inet_socket;

// What an inet_scan looks for: the socket of inode `inode` (found: `self`), or the socket
// whose addresses are `self`'s swapped (found: `peer`).
typedef struct {
  unsigned inode;
  int found;
  inet_socket self;
  unsigned long long peer;
} inet_search;

static int same_address(const unsigned a[4], const unsigned b[4]) {
  return memcmp(a, b, 4 * sizeof(unsigned)) == 0;
}

static void inet_visit(const struct inet_diag_msg *m, inet_search *search) {
  if (!search->found) {
    if (m->idiag_inode == search->inode) {
      search->found = 1;
      search->self.id = m->id;
      search->self.inode = m->idiag_inode;
    }
    return;
  }
  const struct inet_diag_sockid *me = &search->self.id, *it = &m->id;
  if (m->idiag_inode != 0 && m->idiag_inode != search->inode && it->idiag_sport == me->idiag_dport &&
      it->idiag_dport == me->idiag_sport && same_address(it->idiag_src, me->idiag_dst) &&
      same_address(it->idiag_dst, me->idiag_src)) {
    search->peer = m->idiag_inode;
  }
}

// Dumps every `protocol` socket of `family` (sock_diag, what `ss -t`/`ss -u` read) into
// `search`. Returns 0, or -1 when the dump is refused (no inet_diag or udp_diag).
static int inet_scan(int family, int protocol, inet_search *search) {
  int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (fd < 0) return -1;
  struct {
    struct nlmsghdr header;
    struct inet_diag_req_v2 request;
  } message;
  memset(&message, 0, sizeof message);
  message.header.nlmsg_len = sizeof message;
  message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  message.request.sdiag_family = (unsigned char)family;
  message.request.sdiag_protocol = (unsigned char)protocol;
  message.request.idiag_states = ~0U;
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  if (sendto(fd, &message, sizeof message, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) {
    close(fd);
    return -1;
  }
  long buffer[2048];
  int status = 0;
  for (;;) {
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      status = -1;
      break;
    }
    int left = (int)n, done = 0;
    for (struct nlmsghdr *h = (struct nlmsghdr *)buffer; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
      if (h->nlmsg_type == NLMSG_DONE) {
        done = 1;
        break;
      }
      if (h->nlmsg_type == NLMSG_ERROR) {
        done = 1;
        status = -1;
        break;
      }
      inet_visit(NLMSG_DATA(h), search);
    }
    if (done) break;
  }
  close(fd);
  return status;
}

unsigned long long ct_inet_peer(unsigned long long inode) {
  static const int protocols[] = {IPPROTO_TCP, IPPROTO_UDP};
  static const int families[] = {AF_INET, AF_INET6};
  if (inode == 0 || inode > 0xffffffffULL) return 0;
  for (int p = 0; p < 2; p++) {
    for (int f = 0; f < 2; f++) {
      inet_search search = {.inode = (unsigned)inode};
      if (inet_scan(families[f], protocols[p], &search) != 0 || !search.found) continue;
      if (search.self.id.idiag_dport == 0) return 0;  // not connected: a listener, or unbound
      // The other end, in the same family and protocol (a second dump: it may come first).
      inet_scan(families[f], protocols[p], &search);
      return search.peer;
    }
  }
  return 0;
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

int ct_can_arm_byte_traps(void) {
#if defined(__x86_64__) && defined(CT_AUDIT_ARCH)
  return 1;
#else
  return 0;
#endif
}
