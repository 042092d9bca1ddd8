// The condvar and deadlock demos' thread bodies (lesson conditions-and-deadlock): a bounded
// buffer with one mutex and two condition variables, re-checked with `while` or (the bug)
// with `if`; two threads taking two locks in opposite orders; the three fixes (one order,
// trylock with back-off, timed locks). C, so each wait and each lock is exactly the one
// pthread call the lesson names, with nothing between them.
#include "CProcLab.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static struct timespec monotonic_in(uint64_t ns) {
  uint64_t at = now_ns() + ns;
  struct timespec ts = {.tv_sec = (time_t)(at / 1000000000ull), .tv_nsec = (long)(at % 1000000000ull)};
  return ts;
}

#pragma mark - Bounded buffer

/// The longest one wait may last before it counts as a time-out (a safety net: none is expected).
static const uint64_t buffer_wait_limit_ns = 2000000000ull;

typedef struct buffer {
  pthread_mutex_t mutex;
  pthread_cond_t not_full;
  pthread_cond_t not_empty;
  int64_t *slots;
  int capacity;
  int count, head, tail;
  int recheck_with_while;
  int broadcast;
  int64_t total, put_total, taken_total;
  int64_t items_per_producer;
  int64_t next_id;
  unsigned char *seen;
  uint64_t deadline_ns;
  int aborted;
  pl_buffer_result result;
} buffer;

static void buffer_wait(buffer *b, pthread_cond_t *cond) {
  struct timespec ts = monotonic_in(buffer_wait_limit_ns);
  if (pthread_cond_timedwait(cond, &b->mutex, &ts) == ETIMEDOUT) b->result.timeouts += 1;
  if (now_ns() > b->deadline_ns && !b->aborted) {
    b->aborted = 1;
    pthread_cond_broadcast(&b->not_full);
    pthread_cond_broadcast(&b->not_empty);
  }
}

static void wake(buffer *b, pthread_cond_t *cond) {
  if (b->broadcast) pthread_cond_broadcast(cond);
  else pthread_cond_signal(cond);
}

static void *producer(void *raw) {
  buffer *b = raw;
  pthread_mutex_lock(&b->mutex);
  int64_t made = 0;
  while (made < b->items_per_producer && !b->aborted) {
    if (b->recheck_with_while) {
      while (b->count == b->capacity && !b->aborted) {
        b->result.waits_not_full += 1;
        buffer_wait(b, &b->not_full);
        if (b->count == b->capacity) b->result.full_wakeups += 1;
      }
    } else if (b->count == b->capacity && !b->aborted) {
      b->result.waits_not_full += 1;
      buffer_wait(b, &b->not_full);
      if (b->count == b->capacity) b->result.full_wakeups += 1;
    }
    if (b->aborted) break;
    if (b->count == b->capacity) {
      // The `if` bug: this producer would now write over an item nobody has taken. Counted,
      // and not done, so the buffer stays whole and the run can finish.
      b->result.full_puts += 1;
      continue;
    }
    int64_t id = b->next_id++;
    b->slots[b->tail] = id;
    b->tail = (b->tail + 1) % b->capacity;
    b->count += 1;
    b->put_total += 1;
    b->result.produced += 1;
    made += 1;
    wake(b, &b->not_empty);
    // Let a consumer in between two items, as real work between them would.
    pthread_mutex_unlock(&b->mutex);
    pthread_mutex_lock(&b->mutex);
  }
  pthread_mutex_unlock(&b->mutex);
  return NULL;
}

static void *consumer(void *raw) {
  buffer *b = raw;
  pthread_mutex_lock(&b->mutex);
  for (;;) {
    if (b->taken_total == b->total || b->aborted) break;
    if (b->recheck_with_while) {
      while (b->count == 0 && b->taken_total < b->total && !b->aborted) {
        b->result.waits_not_empty += 1;
        buffer_wait(b, &b->not_empty);
        if (b->count == 0) b->result.empty_wakeups += 1;
      }
    } else if (b->count == 0) {
      b->result.waits_not_empty += 1;
      buffer_wait(b, &b->not_empty);
      if (b->count == 0) b->result.empty_wakeups += 1;
    }
    if (b->taken_total == b->total || b->aborted) break;
    if (b->count == 0) {
      // The `if` bug: this consumer would now take a slot that holds no item. Counted, and
      // not done (it would read a stale item and drive the count below zero).
      b->result.empty_takes += 1;
      continue;
    }
    int64_t id = b->slots[b->head];
    b->head = (b->head + 1) % b->capacity;
    b->count -= 1;
    b->taken_total += 1;
    b->result.consumed += 1;
    if (id >= 0 && id < b->total) {
      if (b->seen[id] < 255) b->seen[id] += 1;
    }
    wake(b, &b->not_full);
    if (b->taken_total == b->total) {
      // The last item: every consumer still waiting must see that the run is over.
      pthread_cond_broadcast(&b->not_empty);
      break;
    }
    pthread_mutex_unlock(&b->mutex);
    pthread_mutex_lock(&b->mutex);
  }
  pthread_cond_broadcast(&b->not_empty);
  pthread_mutex_unlock(&b->mutex);
  return NULL;
}

int pl_bounded_buffer_run(int capacity, int producers, int consumers, int64_t items_per_producer,
                          int recheck_with_while, int broadcast, double time_limit,
                          pl_buffer_result *_Nonnull out) {
  memset(out, 0, sizeof *out);
  if (capacity < 1 || producers < 1 || consumers < 1 || items_per_producer < 1 ||
      producers > 64 || consumers > 64)
    return EINVAL;
  buffer b;
  memset(&b, 0, sizeof b);
  b.capacity = capacity;
  b.recheck_with_while = recheck_with_while;
  b.broadcast = broadcast;
  b.items_per_producer = items_per_producer;
  b.total = items_per_producer * producers;
  b.slots = calloc((size_t)capacity, sizeof(int64_t));
  b.seen = calloc((size_t)b.total, 1);
  if (!b.slots || !b.seen) {
    free(b.slots);
    free(b.seen);
    return ENOMEM;
  }
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_mutex_init(&b.mutex, NULL);
  pthread_cond_init(&b.not_full, &attr);
  pthread_cond_init(&b.not_empty, &attr);
  pthread_condattr_destroy(&attr);
  uint64_t start = now_ns();
  b.deadline_ns = start + (uint64_t)(time_limit * 1e9);
  pthread_t threads[128];
  int started = 0, rc = 0;
  for (int i = 0; i < consumers && rc == 0; i++) {
    rc = pthread_create(&threads[started], NULL, consumer, &b);
    if (rc == 0) started++;
  }
  for (int i = 0; i < producers && rc == 0; i++) {
    rc = pthread_create(&threads[started], NULL, producer, &b);
    if (rc == 0) started++;
  }
  if (rc != 0) {
    pthread_mutex_lock(&b.mutex);
    b.aborted = 1;
    pthread_cond_broadcast(&b.not_full);
    pthread_cond_broadcast(&b.not_empty);
    pthread_mutex_unlock(&b.mutex);
  }
  for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
  b.result.elapsed_ns = now_ns() - start;
  for (int64_t i = 0; i < b.total; i++) {
    if (b.seen[i] == 0) b.result.missing += 1;
    else if (b.seen[i] > 1) b.result.duplicates += b.seen[i] - 1;
  }
  b.result.finished = !b.aborted && rc == 0;
  *out = b.result;
  pthread_cond_destroy(&b.not_full);
  pthread_cond_destroy(&b.not_empty);
  pthread_mutex_destroy(&b.mutex);
  free(b.slots);
  free(b.seen);
  return rc;
}
