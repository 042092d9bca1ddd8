#include "CProcLab.h"

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#pragma mark - signals

#define PL_NSIG 65
static volatile sig_atomic_t pl_counts[PL_NSIG];
static int pl_fds[PL_NSIG] = {[0 ... PL_NSIG - 1] = -1};

static void pl_flag_handler(int signo) {
  int saved = errno;
  if (signo > 0 && signo < PL_NSIG) {
    __atomic_add_fetch(&pl_counts[signo], 1, __ATOMIC_SEQ_CST);
    int fd = pl_fds[signo];
    if (fd >= 0) {
      char c = (char)signo;
      ssize_t ignored = write(fd, &c, 1);
      (void)ignored;
    }
  }
  errno = saved;
}

int pl_install_flag_handler(int signo, int fd, bool restart) {
  if (signo <= 0 || signo >= PL_NSIG) { errno = EINVAL; return -1; }
  pl_fds[signo] = fd;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = pl_flag_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = restart ? SA_RESTART : 0;
  return sigaction(signo, &sa, NULL);
}

int pl_take_signal_count(int signo) {
  if (signo <= 0 || signo >= PL_NSIG) return 0;
  return __atomic_exchange_n(&pl_counts[signo], 0, __ATOMIC_SEQ_CST);
}

int pl_peek_signal_count(int signo) {
  if (signo <= 0 || signo >= PL_NSIG) return 0;
  return __atomic_load_n(&pl_counts[signo], __ATOMIC_SEQ_CST);
}

#pragma mark - processes

int pl_die_with_parent(int sig, pid_t expected_parent) {
  if (prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0) return -1;
  if (getppid() != expected_parent) {
    errno = ESRCH;
    return -1;
  }
  return 0;
}

int pl_set_child_subreaper(int on) { return prctl(PR_SET_CHILD_SUBREAPER, on, 0, 0, 0); }
int pl_get_child_subreaper(void) {
  int value = 0;
  if (prctl(PR_GET_CHILD_SUBREAPER, &value, 0, 0, 0) != 0) return -1;
  return value;
}

int pl_set_affinity(pid_t pid, const int *cpus, int count) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int i = 0; i < count; i++)
    if (cpus[i] >= 0 && cpus[i] < CPU_SETSIZE) CPU_SET(cpus[i], &set);
  return sched_setaffinity(pid, sizeof set, &set);
}

int pl_get_affinity(pid_t pid, int *out, int capacity) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(pid, sizeof set, &set) != 0) return -1;
  int n = 0;
  for (int cpu = 0; cpu < CPU_SETSIZE && n < capacity; cpu++)
    if (CPU_ISSET(cpu, &set)) out[n++] = cpu;
  return n;
}

int pl_current_cpu(void) { return sched_getcpu(); }
pid_t pl_gettid(void) { return (pid_t)syscall(SYS_gettid); }

pid_t pl_fork_exit(int code) {
  pid_t pid = fork();
  if (pid == 0) _exit(code);
  return pid;
}

pid_t pl_fork_write_and_report(int64_t *target, int64_t value, int fd) {
  pid_t pid = fork();
  if (pid == 0) {
    *(volatile int64_t *)target = value;
    int64_t report[2] = {*(volatile int64_t *)target, (int64_t)(intptr_t)target};
    ssize_t ignored = write(fd, report, sizeof report);
    (void)ignored;
    _exit(0);
  }
  return pid;
}

pid_t pl_fork_exec(const char *path, char *const *argv, char *const *envp) {
  pid_t pid = fork();
  if (pid == 0) {
    execve(path, argv, envp);
    _exit(127);
  }
  return pid;
}

int pl_spawn(pid_t *pid, const char *path, char *const *argv, char *const *envp, int in_fd,
             int out_fd, int err_fd, int keep_fd, bool new_group) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  int rc = posix_spawn_file_actions_init(&actions);
  if (rc != 0) return rc;
  rc = posix_spawnattr_init(&attr);
  if (rc != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return rc;
  }
  if (in_fd >= 0 && rc == 0) rc = posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
  if (out_fd >= 0 && rc == 0) rc = posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  if (err_fd >= 0 && rc == 0) rc = posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  if (keep_fd > 2 && rc == 0) rc = posix_spawn_file_actions_adddup2(&actions, keep_fd, keep_fd);
  short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
  if (new_group) flags |= POSIX_SPAWN_SETPGROUP;
  sigset_t empty, all;
  sigemptyset(&empty);
  sigfillset(&all);
  if (rc == 0) rc = posix_spawnattr_setflags(&attr, flags);
  if (rc == 0) rc = posix_spawnattr_setsigmask(&attr, &empty);
  if (rc == 0) rc = posix_spawnattr_setsigdefault(&attr, &all);
  if (rc == 0 && new_group) rc = posix_spawnattr_setpgroup(&attr, 0);
  if (rc == 0) rc = posix_spawn(pid, path, &actions, &attr, argv, envp);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

#pragma mark - shared memory primitives

void pl_racy_add(volatile int64_t *counter, int64_t times) {
  for (int64_t i = 0; i < times; i++) {
    int64_t value = *counter;
    *counter = value + 1;
  }
}

int64_t pl_atomic_add(int64_t *counter, int64_t delta) {
  return __atomic_fetch_add(counter, delta, __ATOMIC_SEQ_CST);
}
int64_t pl_atomic_load(int64_t *counter) { return __atomic_load_n(counter, __ATOMIC_SEQ_CST); }
void pl_atomic_store(int64_t *counter, int64_t value) {
  __atomic_store_n(counter, value, __ATOMIC_SEQ_CST);
}

int pl_semaphore_add(sem_t *sem, volatile int64_t *counter, int64_t times) {
  for (int64_t i = 0; i < times; i++) {
    while (sem_wait(sem) != 0) {
      if (errno != EINTR) return -1;
    }
    *counter = *counter + 1;
    sem_post(sem);
  }
  return 0;
}

int pl_mutex_add(pthread_mutex_t *m, volatile int64_t *counter, int64_t times) {
  for (int64_t i = 0; i < times; i++) {
    int rc = pthread_mutex_lock(m);
    if (rc != 0) return rc;
    *counter = *counter + 1;
    pthread_mutex_unlock(m);
  }
  return 0;
}

int pl_mutex_init_shared(pthread_mutex_t *m, bool errorcheck, bool robust) {
  pthread_mutexattr_t attr;
  int rc = pthread_mutexattr_init(&attr);
  if (rc != 0) return rc;
  rc = pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
  if (rc == 0 && errorcheck) rc = pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  if (rc == 0 && robust) rc = pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
  if (rc == 0) rc = pthread_mutex_init(m, &attr);
  pthread_mutexattr_destroy(&attr);
  return rc;
}

int pl_mutex_init_errorcheck(pthread_mutex_t *m) {
  pthread_mutexattr_t attr;
  int rc = pthread_mutexattr_init(&attr);
  if (rc != 0) return rc;
  rc = pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  if (rc == 0) rc = pthread_mutex_init(m, &attr);
  pthread_mutexattr_destroy(&attr);
  return rc;
}

int pl_sem_timedwait_relative(sem_t *sem, double seconds) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  long long ns = (long long)ts.tv_nsec + (long long)(seconds * 1e9);
  ts.tv_sec += (time_t)(ns / 1000000000LL);
  ts.tv_nsec = (long)(ns % 1000000000LL);
  int rc;
  while ((rc = sem_timedwait(sem, &ts)) != 0 && errno == EINTR) {
  }
  return rc;
}

int64_t pl_countdown(int64_t n) {
  volatile int64_t counter = n;
  while (counter > 0) counter = counter - 1;
  return counter;
}

uint64_t pl_spin(uint64_t iterations) {
  uint64_t x = 88172645463325252ULL;
  for (uint64_t i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
  return x;
}

#include <sys/mman.h>
#include <sys/random.h>

int pl_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
long pl_random_bytes(void *buf, unsigned long len) { return getrandom(buf, len, 0); }

mqd_t pl_mq_create(const char *name, long max_messages, long message_size) {
  struct mq_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.mq_maxmsg = max_messages;
  attr.mq_msgsize = message_size;
  return mq_open(name, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600, &attr);
}

mqd_t pl_mq_open(const char *name) { return mq_open(name, O_RDWR | O_CLOEXEC); }

int pl_shm_create(const char *name, long size) {
  int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  if (ftruncate(fd, size) != 0) {
    int e = errno;
    close(fd);
    shm_unlink(name);
    errno = e;
    return -1;
  }
  return fd;
}

pid_t pl_fork_report_exit(int fd, int code) {
  pid_t pid = fork();
  if (pid == 0) {
    int32_t ids[2] = {(int32_t)getpid(), (int32_t)getppid()};
    ssize_t ignored = write(fd, ids, sizeof ids);
    (void)ignored;
    _exit(code);
  }
  return pid;
}

int64_t pl_countdown_register(int64_t n) {
  if (n <= 0) return n;
  // The loop is written in assembly so that it runs the same in debug (-O0) and release builds.
#if defined(__x86_64__)
  __asm__ __volatile__("1:\n\tsubq $1, %0\n\tjnz 1b" : "+r"(n) : : "cc");
#elif defined(__aarch64__)
  __asm__ __volatile__("1:\n\tsubs %0, %0, #1\n\tb.ne 1b" : "+r"(n) : : "cc");
#else
  while (n > 0) {
    n -= 1;
    __asm__ __volatile__("" : "+r"(n));
  }
#endif
  return n;
}

#pragma mark - IPC demos

void pl_atomic_add_times(int64_t *counter, int64_t times) {
  for (int64_t i = 0; i < times; i++) __atomic_fetch_add(counter, 1, __ATOMIC_SEQ_CST);
}

int64_t pl_local_count(int64_t times) {
  int64_t n = 0;
  for (int64_t i = 0; i < times; i++) {
    n += 1;
    __asm__ volatile("" : "+r"(n));
  }
  return n;
}

int pl_cond_init_shared(pthread_cond_t *cond) {
  pthread_condattr_t attr;
  int rc = pthread_condattr_init(&attr);
  if (rc != 0) return rc;
  rc = pthread_condattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
  if (rc == 0) rc = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  if (rc == 0) rc = pthread_cond_init(cond, &attr);
  pthread_condattr_destroy(&attr);
  return rc;
}

int pl_cond_wait_until(pthread_cond_t *cond, pthread_mutex_t *mutex, uint64_t deadline_ns) {
  struct timespec ts;
  ts.tv_sec = (time_t)(deadline_ns / 1000000000ULL);
  ts.tv_nsec = (long)(deadline_ns % 1000000000ULL);
  return pthread_cond_timedwait(cond, mutex, &ts);
}

sem_t *pl_sem_create_named(const char *name, unsigned value) {
  sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0600, value);
  return s == SEM_FAILED ? NULL : s;
}

int pl_spin_until_set(int64_t *flag, uint64_t timeout_ns) {
  struct timespec start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (unsigned i = 0;; i++) {
    if (__atomic_load_n(flag, __ATOMIC_ACQUIRE) != 0) return 1;
    if ((i & 1023) == 1023) {
      clock_gettime(CLOCK_MONOTONIC, &now);
      uint64_t elapsed = (uint64_t)(now.tv_sec - start.tv_sec) * 1000000000ULL +
                         (uint64_t)(now.tv_nsec - start.tv_nsec);
      if (elapsed > timeout_ns) return 0;
    }
    sched_yield();
  }
}

int pl_semaphore_add_amount(sem_t *sem, volatile int64_t *counter, int64_t amount) {
  while (sem_wait(sem) != 0) {
    if (errno != EINTR) return -1;
  }
  *counter = *counter + amount;
  return sem_post(sem);
}

#include <pty.h>
#include <sys/ioctl.h>

pid_t pl_spawn_in_pty(int *master, const char *path, char *const *argv, char *const *envp,
                      unsigned short rows, unsigned short cols) {
  struct winsize ws;
  memset(&ws, 0, sizeof ws);
  ws.ws_row = rows;
  ws.ws_col = cols;
  pid_t pid = forkpty(master, NULL, NULL, &ws);
  if (pid == 0) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, envp);
    _exit(127);
  }
  if (pid > 0) fcntl(*master, F_SETFD, FD_CLOEXEC);
  return pid;
}

int pl_open_pty(int *master, int *slave) { return openpty(master, slave, NULL, NULL, NULL); }

void pl_unblock_all_signals(void) {
  sigset_t none;
  sigemptyset(&none);
  pthread_sigmask(SIG_SETMASK, &none, NULL);
}

#include <termios.h>

static struct termios pl_crash_termios;
static int pl_crash_have_termios = 0;
static int pl_crash_fd = 2;
static char pl_crash_message[1024];
static size_t pl_crash_length = 0;

/* Writes `text` to fd 2 (the session log once the console guard is on). */
static void pl_crash_log(const char *text) {
  ssize_t ignored = write(STDERR_FILENO, text, strlen(text));
  (void)ignored;
}

/* Set by the warming thread, read by the handler: a lock-free atomic, safe in both. */
static int pl_unwinder_ready = 0;

static void *pl_warm_unwinder(void *unused) {
  void *frames[1];
  (void)backtrace(frames, 1);
  __atomic_store_n(&pl_unwinder_ready, 1, __ATOMIC_RELEASE);
  return unused;
}

static void pl_crash_handler(int signo) {
  if (pl_crash_have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &pl_crash_termios);
  ssize_t ignored = write(pl_crash_fd, pl_crash_message, pl_crash_length);
  (void)ignored;
  /* For the log: which signal, and where (an optimised Swift build traps without a message).
   * Only async-signal-safe calls; backtrace() was called once at install time, so it does
   * not need to load its unwinder now. */
  const char *name = signo == SIGSEGV   ? "SIGSEGV (a bad memory access)"
                     : signo == SIGBUS  ? "SIGBUS (a bad memory access)"
                     : signo == SIGILL  ? "SIGILL (a failed check in Swift code traps this way)"
                     : signo == SIGTRAP ? "SIGTRAP (a failed check)"
                     : signo == SIGABRT ? "SIGABRT (abort)"
                     : signo == SIGFPE  ? "SIGFPE (an arithmetic error)"
                                        : "a crashing signal";
  pl_crash_log("\nProcLab stopped by ");
  pl_crash_log(name);
  /* A crash right after start may come while the unwinder is still being warmed: give that
   * thread up to a second to finish (nanosleep is async-signal-safe). */
  for (int i = 0; i < 100 && !__atomic_load_n(&pl_unwinder_ready, __ATOMIC_ACQUIRE); i++) {
    struct timespec pause = {0, 10 * 1000 * 1000};
    nanosleep(&pause, NULL);
  }
  if (__atomic_load_n(&pl_unwinder_ready, __ATOMIC_ACQUIRE)) {
    pl_crash_log(". Return addresses, innermost first (addr2line -f -e <the proclab binary>):\n");
    void *frames[64];
    int depth = backtrace(frames, 64);
    backtrace_symbols_fd(frames, depth, STDERR_FILENO);
  } else {
    pl_crash_log(".\n");
  }
  /* SA_RESETHAND restored the default action: this raise ends the process. */
  raise(signo);
}

int pl_install_crash_guard(int message_fd, const char *message) {
  pl_crash_have_termios = tcgetattr(STDIN_FILENO, &pl_crash_termios) == 0;
  pl_crash_fd = message_fd;
  size_t n = strlen(message);
  if (n >= sizeof pl_crash_message) n = sizeof pl_crash_message - 1;
  memcpy(pl_crash_message, message, n);
  pl_crash_message[n] = 0;
  pl_crash_length = n;
  /* The unwinder's first use sorts the frame tables of the whole binary (milliseconds in a
   * static build): done on a thread of its own, off the path to the prompt, so the handler
   * never has to do it. Until it is done, the handler leaves the addresses out. */
  pthread_t warmer;
  if (pthread_create(&warmer, NULL, pl_warm_unwinder, NULL) == 0) pthread_detach(warmer);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = pl_crash_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND | SA_NODEFER;
  int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
    if (sigaction(signals[i], &sa, NULL) != 0) return -1;
  return 0;
}

