// C shims for ProcLab's calls to the OS. Each function exists because Swift cannot make the
// call itself: some calls are variadic or need _GNU_SOURCE, and the body of a raw fork() child
// must stay async-signal-safe (no allocation, no Swift runtime, _exit only). libedit's shims
// are in CLineEdit, so nothing that uses only the OS links libedit.
#pragma once

#include <semaphore.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>
#include <wchar.h>

#include "reliability.h"

#pragma mark - signals

/// Installs async-signal-safe handlers for the given signals that set a flag and write the
/// signal number to `fd` (a non-blocking self-pipe). Why: the handler must not touch Swift.
int pl_install_flag_handler(int signo, int fd, bool restart);
/// How many times signo arrived since the last call (and resets it).
int pl_take_signal_count(int signo);
/// Peeks at the count without resetting it.
int pl_peek_signal_count(int signo);

#pragma mark - job control and termination (signals.c)

/// forkpty(), then, in the child, a session leader that acts as a job-control shell: it runs
/// execve(path, argv, envp) as a job in a process group of its own, in the terminal's
/// foreground, waits for it (a stopped job stays stopped) and _exits with its status (128 + the
/// signal when killed). Returns the leader's pid. Why: tests must Ctrl-Z ProcLab as a shell's
/// job; a process group whose parent is outside its session ("orphaned") ignores Ctrl-Z.
pid_t pl_spawn_in_pty_job(int *_Nonnull master, const char *_Nonnull path,
                          char *_Nullable const *_Nonnull argv,
                          char *_Nullable const *_Nonnull envp, unsigned short rows,
                          unsigned short cols);
/// Opens /dev/null onto each of descriptors 0, 1 and 2 that is closed. Why: started as
/// `proclab <&- >&-`, the first pipe ProcLab makes would take 0 and 1, and it would read its own
/// output back as commands; call it before anything opens a file.
void pl_reserve_standard_fds(void);
/// Stops the calling process as Ctrl-Z would (SIGTSTP with its default action, unblocked) and
/// returns once it is continued: 1 if it stopped and a SIGCONT came (counted by the flag
/// handler, which must be installed for SIGCONT), 0 if the kernel discarded the stop because
/// the process group is orphaned (no job-control shell could continue it). The SIGTSTP handler
/// is put back. Why: the REPL catches SIGTSTP to stop its demo first, then must really stop.
int pl_stop_self(void);

#pragma mark - processes

/// prctl(PR_SET_PDEATHSIG, sig), then checks the parent is still `expected_parent`; returns
/// -1 with errno ESRCH if the parent already died. Why: prctl is variadic.
int pl_die_with_parent(int sig, pid_t expected_parent);
/// prctl(PR_SET_CHILD_SUBREAPER, on). Why: variadic.
int pl_set_child_subreaper(int on);
/// prctl(PR_GET_CHILD_SUBREAPER). Why: variadic.
int pl_get_child_subreaper(void);
/// sched_setaffinity to a single CPU (cpu >= 0) or to all given cpus in the mask list.
int pl_set_affinity(pid_t pid, const int *_Nonnull cpus, int count);
/// The CPUs this process may run on; returns how many were written to `out`.
int pl_get_affinity(pid_t pid, int *_Nonnull out, int capacity);
/// sched_getcpu(). Why: _GNU_SOURCE.
int pl_current_cpu(void);
/// gettid(). Why: _GNU_SOURCE.
pid_t pl_gettid(void);

/// 1 if any page of [start, start+length) (page-aligned) is anonymous, that is written since
/// it was mapped, or swapped out; 0 if none is; -1 if /proc/self/pagemap cannot be read.
int pl_range_has_private_pages(const void *_Nonnull start, size_t length);
/// Maps [start, start+length) again, read-only, from `fd` at `offset`, unless a page of it was
/// written (errno EBUSY) or pagemap is unreadable (EIO). Only for a private mapping of that
/// same file range. Returns 0 or -1.
int pl_remap_clean_readonly(void *_Nonnull start, size_t length, int fd, off_t offset);
/// Finds the PROGBITS section `name` in the 64-bit ELF file `fd`: its link-time address, size
/// and file offset. Returns 0, or -1 (errno ENOENT when there is no such section).
int pl_elf_section(int fd, const char *_Nonnull name, uint64_t *_Nonnull address,
                   uint64_t *_Nonnull size, uint64_t *_Nonnull offset);
/// Maps the whole pages of this executable's `.rodata` and `.data.rel.ro` again, read-only and
/// unwritten, so fork() need not copy their page-table entries (see readonly_data.c). Returns
/// the bytes remapped (0 when every range had written pages), or -1.
long pl_remap_readonly_sections(void);

/// fork(); the child calls _exit(code) at once. Returns the child's pid or -1.
pid_t pl_fork_exit(int code);
/// fork(); the child closes write fd... used by the memory demo: the child writes `value` into
/// `*target`, then writes the new value and its address as two int64 to `fd`, then _exit(0).
pid_t pl_fork_write_and_report(int64_t *_Nonnull target, int64_t value, int fd);
/// fork(); the child execve's `path` with `argv`/`envp`, or _exit(127). For fork+exec.
pid_t pl_fork_exec(const char *_Nonnull path, char *_Nullable const *_Nonnull argv,
                   char *_Nullable const *_Nonnull envp);
/// posix_spawn with its own process group (pgroup 0 = a new group), stdin/stdout/stderr
/// mapped from in/out/err (-1 keeps the parent's), extra fd kept open at `keep_fd` (-1 none).
/// Signal mask cleared and default dispositions restored in the child. Returns 0 or errno.
int pl_spawn(pid_t *_Nonnull pid, const char *_Nonnull path, char *_Nullable const *_Nonnull argv,
             char *_Nullable const *_Nonnull envp, int in_fd, int out_fd, int err_fd,
             int keep_fd, bool new_group);

#pragma mark - shared memory primitives

/// A plain load then store through a volatile pointer: the racy increment of the shm-race
/// demo. The compiler may not merge or hoist these accesses.
void pl_racy_add(volatile int64_t *_Nonnull counter, int64_t times);
/// Atomic fetch-add, sequentially consistent.
int64_t pl_atomic_add(int64_t *_Nonnull counter, int64_t delta);
int64_t pl_atomic_load(int64_t *_Nonnull counter);
void pl_atomic_store(int64_t *_Nonnull counter, int64_t value);
/// Increments `times` times, each under the semaphore (sem_wait/sem_post).
int pl_semaphore_add(sem_t *_Nonnull sem, volatile int64_t *_Nonnull counter, int64_t times);
/// Increments `times` times, each under the mutex.
int pl_mutex_add(pthread_mutex_t *_Nonnull m, volatile int64_t *_Nonnull counter, int64_t times);
/// Initialises a process-shared mutex in shared memory; errorcheck selects
/// PTHREAD_MUTEX_ERRORCHECK. Returns 0 or an errno.
int pl_mutex_init_shared(pthread_mutex_t *_Nonnull m, bool errorcheck, bool robust);
/// Initialises a process-private error-checking mutex.
int pl_mutex_init_errorcheck(pthread_mutex_t *_Nonnull m);
/// sem_timedwait with a relative timeout in seconds (CLOCK_REALTIME as POSIX requires).
int pl_sem_timedwait_relative(sem_t *_Nonnull sem, double seconds);
/// A tight countdown loop the optimizer cannot delete (the GIL tutorial's while n > 0: n -= 1).
int64_t pl_countdown(int64_t n);
/// Burns CPU for about `iterations` steps, returning a value that depends on every step.
uint64_t pl_spin(uint64_t iterations);

#pragma mark - _GNU_SOURCE and variadic calls

#include <mqueue.h>
/// pipe2(fds, O_CLOEXEC). Why: _GNU_SOURCE.
int pl_pipe_cloexec(int fds[_Nonnull 2]);
/// getrandom(buf, len, 0). Why: <sys/random.h> is not in Glibc's Swift module.
long pl_random_bytes(void *_Nonnull buf, unsigned long len);
/// mq_open(name, O_CREAT|O_EXCL|O_RDWR|O_CLOEXEC, 0600, &attr). Why: mq_open is variadic.
mqd_t pl_mq_create(const char *_Nonnull name, long max_messages, long message_size);
/// mq_open(name, O_RDWR|O_CLOEXEC). Why: variadic.
mqd_t pl_mq_open(const char *_Nonnull name);
/// shm_open(name, O_CREAT|O_EXCL|O_RDWR|O_CLOEXEC, 0600) then ftruncate. Returns fd or -1.
int pl_shm_create(const char *_Nonnull name, long size);

/// fork(); the child writes its pid and ppid (two int32) to `fd` and _exit(code).
pid_t pl_fork_report_exit(int fd, int code);

#pragma mark - parallelism demos

/// Counts `n` down to 0 one step at a time with the counter in a register; an empty asm
/// statement per step keeps the optimizer from deleting or folding the loop. Why: the
/// compiled equivalent of the GIL tutorial's `while n > 0: n -= 1`, without pl_countdown's forced
/// memory round trip per step (the cpu-scaling demo compares it with CPython).
int64_t pl_countdown_register(int64_t n);

#pragma mark - IPC demos (pipe, queue, shm-race, semaphore, mutex, ipc-compare)

/// Adds 1 atomically `times` times. Why: the shm-race `atomic` loop in C, like its C reference.
void pl_atomic_add_times(int64_t *_Nonnull counter, int64_t times);
/// Counts to `times` in a register the optimizer may not fold into one addition. Why: the
/// IPC tutorial's "count locally" loop must cost what a loop costs, not be computed at compile time.
int64_t pl_local_count(int64_t times);
/// pthread_cond_init, process-shared, timed against CLOCK_MONOTONIC. Returns 0 or an errno.
/// Why: condattr set-up and teardown in one place, paired like pl_mutex_init_shared.
int pl_cond_init_shared(pthread_cond_t *_Nonnull cond);
/// pthread_cond_timedwait until `deadline_ns` on CLOCK_MONOTONIC (a cond made by
/// pl_cond_init_shared). Returns 0, ETIMEDOUT or another errno. Why: timespec arithmetic.
int pl_cond_wait_until(pthread_cond_t *_Nonnull cond, pthread_mutex_t *_Nonnull mutex,
                       uint64_t deadline_ns);
/// sem_open(name, O_CREAT|O_EXCL, 0600, value); NULL on failure. Why: sem_open is variadic.
sem_t *_Nullable pl_sem_create_named(const char *_Nonnull name, unsigned value);
/// Spins until *flag is non-zero or `timeout_ns` pass, yielding the CPU between looks.
/// Returns 1 when the flag was seen, 0 on time-out. Why: the start line of racing workers.
int pl_spin_until_set(int64_t *_Nonnull flag, uint64_t timeout_ns);
/// sem_wait, *counter += amount, sem_post. Returns 0 or -1 (errno set). Why: the IPC tutorial's one
/// locked addition of a locally counted total, written like pl_semaphore_add.
int pl_semaphore_add_amount(sem_t *_Nonnull sem, volatile int64_t *_Nonnull counter,
                            int64_t amount);

/// forkpty() then execve(path, argv, envp) in the child, with the window size given.
/// Returns the child's pid and the master side in *master, or -1. Why: forkpty is not
/// visible to Swift through Glibc, and the child must exec at once (async-signal-safe).
pid_t pl_spawn_in_pty(int *_Nonnull master, const char *_Nonnull path,
                      char *_Nullable const *_Nonnull argv, char *_Nullable const *_Nonnull envp,
                      unsigned short rows, unsigned short cols);
/// openpty(): a fresh pseudo-terminal pair. Why: <pty.h> is not in Glibc's Swift module.
int pl_open_pty(int *_Nonnull master, int *_Nonnull slave);
/// Unblocks every signal in the calling thread (a parent may hand us a blocked SIGINT).
void pl_unblock_all_signals(void);

/// Installs handlers for crashing signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE)
/// that put the terminal back as it is now, write `message` to `message_fd`, and let the signal
/// end the process. Why: a crash must never leave the student's terminal in raw mode, and the
/// handler may only make async-signal-safe calls.
int pl_install_crash_guard(int message_fd, const char *_Nonnull message);

// The scheduling demo (sched.c): 0 or the errno of setpriority/sched_setscheduler.
int pl_set_nice(int nice);
int pl_set_fifo(int priority);
/// Spins until a signal ends the process; calls sched_yield() on every turn when `yield`.
void pl_spin_forever(int yield) __attribute__((noreturn));
/// The soft RLIMIT_RTPRIO (`ulimit -r`), or -1 when unlimited or unreadable.
long pl_rtprio_limit(void);
#pragma mark - signals demo (sigdemo.c)

/// What a signals-demo child writes to its report pipe: one fixed-size record per event,
/// written with one write(2) (smaller than PIPE_BUF, so never split or interleaved).
struct pl_sig_record {
  int32_t kind;   ///< PL_SIG_READY, PL_SIG_HANDLED, PL_SIG_COUNTS, PL_SIG_UNBLOCKED…
  int32_t signo;  ///< the signal handled (PL_SIG_HANDLED)
  int32_t pid;    ///< getpid() of the writer
  int32_t pgid;   ///< getpgrp() of the writer
  int32_t sender; ///< si_pid of the signal (PL_SIG_HANDLED); waitpid's result (PL_SIG_CHILDREN)
  int32_t usr1;   ///< SIGUSR1 handled so far; children forked (PL_SIG_CHILDREN)
  int32_t usr2;   ///< SIGUSR2 handled so far; children reaped by the handler (PL_SIG_CHILDREN)
  int32_t intr;   ///< SIGINT handled so far; SIGCHLD handler runs (PL_SIG_CHILDREN)
  int32_t term;   ///< SIGTERM handled so far; waitpid's errno (PL_SIG_CHILDREN)
  int32_t reserved;
  int64_t ns;     ///< CLOCK_MONOTONIC when written; in PL_SIG_HANDLED, when the handler began
};

enum {
  PL_SIG_READY = 1,      ///< handlers and mask in place: signals may be sent now
  PL_SIG_HANDLED = 2,    ///< a handler ran
  PL_SIG_COUNTS = 3,     ///< the answer to 'q'
  PL_SIG_UNBLOCKED = 4,  ///< the answer to 'u', after the pending signals were handled
  PL_SIG_CLEANED_UP = 5, ///< SIGTERM was handled; the child tidied up and calls _exit(0)
  PL_SIG_CHILDREN = 6,   ///< the SIGCHLD parent's account of its children
};

enum {
  PL_SIG_CATCH = 1,      ///< handle SIGUSR1, SIGUSR2, SIGINT and SIGTERM (else their defaults)
  PL_SIG_BLOCK_USER = 2, ///< start with SIGUSR1 and SIGUSR2 blocked, until 'u'
};

enum {
  PL_SIGCHLD_HANDLER = 0, ///< a SIGCHLD handler reaps (waitpid(-1, WNOHANG) in a loop)
  PL_SIGCHLD_IGNORE = 1,  ///< SIGCHLD set to SIG_IGN: the kernel reaps; waitpid fails
  PL_SIGCHLD_DEFAULT = 2, ///< nobody reaps: the children stay zombies until the parent exits
};

/// The pipes between the demo process and one signals-demo child: the child keeps
/// report_write and control_read and closes the other two.
struct pl_sig_pipes {
  int report_read, report_write, control_read, control_write;
};

/// fork(); the child joins process group `group` (0: a new group of its own, -1: stays in
/// ours), installs the handlers `flags` asks for, writes PL_SIG_READY and serves 'q' and 'u'
/// on the control pipe until EOF, its lifetime (seconds) or a signal ends it. Returns the
/// child's pid or -1. Why: a fork child and its handlers must be async-signal-safe C.
pid_t pl_fork_signal_target(const struct pl_sig_pipes *_Nonnull pipes, int flags, pid_t group,
                            unsigned lifetime);
/// fork(); the child forks `children` children that _exit at once, handles SIGCHLD as `mode`
/// says (PL_SIGCHLD_*), writes one PL_SIG_CHILDREN record and waits for a byte or EOF on the
/// control pipe before it _exits without reaping anything more. Returns its pid or -1.
/// Why: the SIGCHLD handler must be installed in a process of its own, in C.
pid_t pl_fork_sigchld_parent(const struct pl_sig_pipes *_Nonnull pipes, int mode, int children,
                             unsigned lifetime);
#pragma mark - copy-on-write demo (cow.c)

/// What the cow demo's writing child is given: the parent's region (already written, so every
/// page is shared copy-on-write after the fork), how much of it to write, and its pipes.
struct pl_cow_child {
  unsigned char *_Nonnull region;
  size_t page_size;
  size_t write_pages;
  int go_read, go_write;
  int report_read, report_write;
  pid_t parent;
  unsigned seconds;
};

/// What the writing child measured around its writes, with getrusage(RUSAGE_SELF) and
/// CLOCK_MONOTONIC.
struct pl_cow_report {
  int64_t minor_faults;
  int64_t major_faults;
  int64_t pages_written;
  int64_t write_nanoseconds;
};

/// fork(); the child (parent-death signal SIGKILL, alarm(seconds), only async-signal-safe calls)
/// closes go_write and report_read, writes one byte to report_write, waits for a byte on
/// go_read, writes one byte into each of the first write_pages pages of the region, writes a
/// struct pl_cow_report to report_write, waits for one more byte (or EOF) and _exits. Returns
/// the child's pid or -1. Why: a fork child's body must not run Swift.
pid_t pl_fork_cow_writer(const struct pl_cow_child *_Nonnull child);
/// vfork(); the child calls _exit(code) at once. Returns the child's pid or -1. Why: Swift
/// cannot call vfork, and its child may do nothing but exec or _exit.
pid_t pl_vfork_exit(int code);
#pragma mark - file-descriptor demos (fddemo.c)

/// A fork child of the `fds` demo that keeps its inherited descriptor table (optionally with
/// one descriptor rewired by dup2 and a line written to it) and waits to be released.
struct pl_fd_hold {
  int release_read;     ///< the child leaves when a byte (or EOF) arrives here
  int ready_read;       ///< the child closes both ends of the ready pipe once it wrote
  int ready_write;      ///< the child writes one byte here once set up, or -1
  int dup_from, dup_to; ///< dup2(dup_from, dup_to) in the child; dup_from -1 for none
  const char *_Nullable line; ///< written to dup_to after the dup2, or NULL
  size_t line_length;
  unsigned seconds;     ///< the longest the child lives (alarm)
};
/// fork(); the child does what `h` says and waits. Returns the pid or -1. Why: a fork child
/// may only make async-signal-safe calls, so its body is C.
pid_t pl_fd_fork_hold(const struct pl_fd_hold *_Nonnull h);

/// A fork child that writes `count` lines of `line_length` bytes (`lines`, back to back) to
/// `fd`, or to a descriptor of its own from open(path, O_WRONLY) when fd is -1.
struct pl_fd_writer {
  int go_read;  ///< the child starts writing when a byte arrives here (EOF: it leaves)
  int fd;
  const char *_Nullable path;
  int open_flags;  ///< flags for open(path) besides O_WRONLY | O_CLOEXEC (O_APPEND)
  const char *_Nonnull lines;
  size_t line_length;
  int count;
  unsigned seconds;
};
/// fork(); the child writes as `w` says, then _exit(0). Returns the pid or -1. Why: the
/// shared-offset demo's second writer is a raw fork child sharing (or not) the parent's file.
pid_t pl_fd_fork_writer(const struct pl_fd_writer *_Nonnull w);

/// A fork child wired as a shell wires a command: dup2 onto 0 and 1, close the listed
/// descriptors, wait for the go-ahead, then execve.
struct pl_fd_exec {
  const char *_Nonnull path;
  char *_Nullable const *_Nonnull argv;
  char *_Nullable const *_Nonnull envp;
  int stdin_fd, stdout_fd;  ///< dup2'd onto 0 and 1, or -1 to keep ours
  const int *_Nullable close_fds;
  int close_count;
  int go_read;              ///< wait for a byte here before execve, or -1
  int failure_write;        ///< errno is written here if execve fails (an O_CLOEXEC pipe), or -1
  unsigned seconds;         ///< alarm, kept across execve; 0 for none
};
/// fork(); the child sets up as `e` says and calls execve (_exit(127) if it fails). Returns
/// the pid or -1. Why: `ls | wc -l` built the way a shell builds it, between fork and exec.
pid_t pl_fd_fork_exec(const struct pl_fd_exec *_Nonnull e);

/// kcmp(KCMP_FILE): 1 when descriptor fd_a of process a and fd_b of b are the same open file
/// description, 0 when not, -1 with errno set when the kernel cannot say. Why: no libc wrapper.
int pl_fd_same_description(pid_t a, pid_t b, int fd_a, int fd_b);
/// process_vm_readv of `length` bytes at `address` in `pid`. Returns the bytes read or -1
/// (errno). Why: the exec demo reads a marker in the child's memory before and after execve.
long pl_fd_read_memory(pid_t pid, uintptr_t address, void *_Nonnull buffer, size_t length);
/// Copies `text` (at most 63 bytes) into a static buffer and returns its address. Why: a marker
/// a fork child inherits at a known address, gone once it calls execve.
uintptr_t pl_fd_set_marker(const char *_Nonnull text);
#pragma mark - Conditions and deadlock demos (condvar, deadlock: conddemo.c, deadlock.c)

/// What one run of the bounded buffer counted.
typedef struct pl_buffer_result {
  int64_t produced, consumed;
  /// Items taken more than once, and items never taken (both 0 when the buffer is right).
  int64_t duplicates, missing;
  /// Calls of pthread_cond_wait on not_full (producers) and on not_empty (consumers).
  int64_t waits_not_full, waits_not_empty;
  /// A consumer returned from its wait to an empty buffer; a producer to a full one.
  int64_t empty_wakeups, full_wakeups;
  /// A consumer went on to take from an empty buffer; a producer to put into a full one (the
  /// `if` bug; counted, never done).
  int64_t empty_takes, full_puts;
  /// Waits that hit the 2 s safety limit (none is expected).
  int64_t timeouts;
  uint64_t elapsed_ns;
  /// 1 when every item was produced and taken before `time_limit`.
  int finished;
} pl_buffer_result;

/// Runs `producers` and `consumers` threads over a bounded buffer of `capacity` items (one
/// mutex, conditions not_full and not_empty); each producer puts `items_per_producer` numbered
/// items. `recheck_with_while` 0 re-checks with `if` (the bug), `broadcast` 1 wakes every waiter
/// instead of one. Ends within about `time_limit` seconds. Returns 0 or an errno.
/// Why: the waits and wake-ups must be exactly the pthread calls the lesson names.
int pl_bounded_buffer_run(int capacity, int producers, int consumers, int64_t items_per_producer,
                          int recheck_with_while, int broadcast, double time_limit,
                          pl_buffer_result *_Nonnull out);

/// One line of the opposite-order threads' reports: thread 0 or 1 (-1: both finished), its
/// kernel tid, the lock it holds (0, 1; 2: both) and the lock it is about to wait for (-1: none).
typedef struct pl_lock_claim {
  int32_t thread, tid, holds, wants;
} pl_lock_claim;

/// Two threads: thread 0 locks mutex 0, then (after `gap_us`) mutex 1; thread 1 the other way
/// round. Each writes a pl_lock_claim to `report_fd` after its first lock and before its second.
/// Returns only if they did not deadlock. Why: the body of `proclab worker deadlock-threads`,
/// whose threads ProcLab cannot cancel once they block, only kill with their process.
int pl_deadlock_threads(int report_fd, unsigned gap_us);

/// fcntl(F_SETLKW or F_SETLK) write lock on byte `byte` of `fd`. Returns 0 or an errno
/// (EDEADLK: the kernel saw that waiting would close a cycle). Why: fcntl is variadic.
int pl_fcntl_lock_byte(int fd, int64_t byte, int wait);

/// memfd_create(name, MFD_CLOEXEC): a file with no name on disk. Why: nothing to remove after.
int pl_memfd(const char *_Nonnull name);

/// What one run of a lock strategy did.
typedef struct pl_lock_strategy_result {
  int64_t rounds[2];
  /// trylock found the second lock busy / the timed lock gave up; each time the thread let
  /// go of its first lock and tried again after a random pause.
  int64_t retries, giveups;
  uint64_t elapsed_ns;
  int finished;
} pl_lock_strategy_result;

/// Two threads each take both of two mutexes `rounds` times, holding the first `hold_us`
/// before taking the second: `kind` 0 in one order; 1 in opposite orders, the second with
/// trylock and a back-off; 2 in opposite orders, the second with pthread_mutex_clocklock for
/// `timeout_us`. Ends within about `time_limit` seconds. Returns 0 or an errno.
/// Why: the three fixes of the deadlock, each the pthread call it is named after.
int pl_lock_strategy_run(int kind, int64_t rounds, unsigned hold_us, unsigned timeout_us,
                         double time_limit, pl_lock_strategy_result *_Nonnull out);
/// The futex and fcntl system call numbers on this machine (/proc/<pid>/task/<tid>/syscall's
/// first field). Why: SYS_futex and SYS_fcntl are macros of macros, which Swift does not see.
int pl_sys_futex(void);
int pl_sys_fcntl(void);
