// The deadlock demo's thread and lock bodies (lesson conditions-and-deadlock): two threads
// taking two mutexes in opposite orders (run in a `proclab worker deadlock-threads` process,
// which ProcLab kills: a thread blocked in pthread_mutex_lock cannot be cancelled), a byte
// range lock with fcntl(F_SETLKW) (which the kernel refuses with EDEADLK when it would close
// a cycle between processes), and the three fixes, each run to its end in the demo process.
#include "CProcLab.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static uint64_t clock_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

#pragma mark - Opposite orders, in a worker process

typedef struct opposite {
  pthread_mutex_t locks[2];
  int report_fd;
  unsigned gap_us;
  pthread_mutex_t report_lock;
} opposite;

typedef struct opposite_arg {
  opposite *shared;
  int32_t index;
} opposite_arg;

static void report(opposite *o, int32_t thread, int32_t holds, int32_t wants) {
  pl_lock_claim claim = {.thread = thread, .tid = (int32_t)syscall(SYS_gettid), .holds = holds,
                         .wants = wants};
  pthread_mutex_lock(&o->report_lock);
  ssize_t left = sizeof claim;
  const char *p = (const char *)&claim;
  while (left > 0) {
    ssize_t n = write(o->report_fd, p, (size_t)left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    p += n;
    left -= n;
  }
  pthread_mutex_unlock(&o->report_lock);
}

static void *opposite_thread(void *raw) {
  opposite_arg *arg = raw;
  opposite *o = arg->shared;
  int32_t first = arg->index, second = 1 - arg->index;
  pthread_mutex_lock(&o->locks[first]);
  report(o, arg->index, first, -1);
  usleep(o->gap_us);
  report(o, arg->index, first, second);
  pthread_mutex_lock(&o->locks[second]);
  // Only when the other thread was late: this one got both, so there was no deadlock.
  report(o, arg->index, 2, -1);
  pthread_mutex_unlock(&o->locks[second]);
  pthread_mutex_unlock(&o->locks[first]);
  return NULL;
}

int pl_deadlock_threads(int report_fd, unsigned gap_us) {
  static opposite o;
  o.report_fd = report_fd;
  o.gap_us = gap_us;
  pthread_mutex_init(&o.locks[0], NULL);
  pthread_mutex_init(&o.locks[1], NULL);
  pthread_mutex_init(&o.report_lock, NULL);
  static opposite_arg args[2];
  pthread_t threads[2];
  for (int32_t i = 0; i < 2; i++) {
    args[i] = (opposite_arg){.shared = &o, .index = i};
    int rc = pthread_create(&threads[i], NULL, opposite_thread, &args[i]);
    if (rc != 0) return rc;
  }
  pthread_join(threads[0], NULL);
  pthread_join(threads[1], NULL);
  report(&o, -1, -1, -1);
  return 0;
}

#pragma mark - fcntl byte locks

int pl_fcntl_lock_byte(int fd, int64_t byte, int wait) {
  struct flock lock;
  memset(&lock, 0, sizeof lock);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = (off_t)byte;
  lock.l_len = 1;
  for (;;) {
    if (fcntl(fd, wait ? F_SETLKW : F_SETLK, &lock) == 0) return 0;
    if (errno != EINTR) return errno;
  }
}

int pl_memfd(const char *_Nonnull name) { return memfd_create(name, MFD_CLOEXEC); }

#pragma mark - The fixes

typedef struct strategy {
  pthread_mutex_t locks[2];
  int kind;
  int64_t rounds;
  unsigned hold_us;
  unsigned timeout_us;
  uint64_t deadline_ns;
  pl_lock_strategy_result *out;
  pthread_mutex_t tally;
} strategy;

typedef struct strategy_arg {
  strategy *shared;
  int index;
  int64_t rounds_done;
  int64_t retries;
  int64_t giveups;
} strategy_arg;

/// A random pause of up to `limit_us` microseconds: two threads that backed off together do
/// not come back together.
static void back_off(unsigned *seed, unsigned limit_us) {
  unsigned span = limit_us > 0 ? limit_us : 1;
  usleep(1 + (unsigned)rand_r(seed) % span);
}

static int lock_for(pthread_mutex_t *m, unsigned timeout_us) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  uint64_t at = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec +
                (uint64_t)timeout_us * 1000ull;
  ts.tv_sec = (time_t)(at / 1000000000ull);
  ts.tv_nsec = (long)(at % 1000000000ull);
  return pthread_mutex_clocklock(m, CLOCK_MONOTONIC, &ts);
}

static void *strategy_thread(void *raw) {
  strategy_arg *arg = raw;
  strategy *s = arg->shared;
  unsigned seed = (unsigned)(clock_ns() ^ (uint64_t)(arg->index + 1) * 2654435761u);
  // One order for everyone (kind 0); opposite orders otherwise, as in the deadlock.
  int first = s->kind == 0 ? 0 : arg->index;
  int second = 1 - first;
  while (arg->rounds_done < s->rounds) {
    if (clock_ns() > s->deadline_ns) break;
    pthread_mutex_lock(&s->locks[first]);
    if (s->hold_us) usleep(s->hold_us);
    int rc;
    switch (s->kind) {
    case 0: rc = pthread_mutex_lock(&s->locks[second]); break;
    case 1: rc = pthread_mutex_trylock(&s->locks[second]); break;
    default: rc = lock_for(&s->locks[second], s->timeout_us); break;
    }
    if (rc != 0) {
      // EBUSY (trylock) or ETIMEDOUT (timed): give back the first lock and try again later.
      pthread_mutex_unlock(&s->locks[first]);
      if (s->kind == 1) arg->retries += 1;
      else arg->giveups += 1;
      back_off(&seed, s->hold_us * 2 + 50);
      continue;
    }
    arg->rounds_done += 1;
    pthread_mutex_unlock(&s->locks[second]);
    pthread_mutex_unlock(&s->locks[first]);
  }
  return NULL;
}

int pl_lock_strategy_run(int kind, int64_t rounds, unsigned hold_us, unsigned timeout_us,
                         double time_limit, pl_lock_strategy_result *_Nonnull out) {
  memset(out, 0, sizeof *out);
  if (kind < 0 || kind > 2 || rounds < 1) return EINVAL;
  strategy s;
  memset(&s, 0, sizeof s);
  pthread_mutex_init(&s.locks[0], NULL);
  pthread_mutex_init(&s.locks[1], NULL);
  s.kind = kind;
  s.rounds = rounds;
  s.hold_us = hold_us;
  s.timeout_us = timeout_us > 0 ? timeout_us : 1;
  uint64_t start = clock_ns();
  s.deadline_ns = start + (uint64_t)(time_limit * 1e9);
  strategy_arg args[2] = {{.shared = &s, .index = 0}, {.shared = &s, .index = 1}};
  pthread_t threads[2];
  int rc = pthread_create(&threads[0], NULL, strategy_thread, &args[0]);
  if (rc != 0) return rc;
  rc = pthread_create(&threads[1], NULL, strategy_thread, &args[1]);
  if (rc != 0) {
    s.deadline_ns = 0;
    pthread_join(threads[0], NULL);
    return rc;
  }
  pthread_join(threads[0], NULL);
  pthread_join(threads[1], NULL);
  out->elapsed_ns = clock_ns() - start;
  for (int i = 0; i < 2; i++) {
    out->rounds[i] = args[i].rounds_done;
    out->retries += args[i].retries;
    out->giveups += args[i].giveups;
  }
  out->finished = args[0].rounds_done == rounds && args[1].rounds_done == rounds;
  pthread_mutex_destroy(&s.locks[0]);
  pthread_mutex_destroy(&s.locks[1]);
  return 0;
}

int pl_sys_futex(void) { return SYS_futex; }
int pl_sys_fcntl(void) { return SYS_fcntl; }
