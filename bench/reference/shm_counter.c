/* Reference for the `shm-race` demo's `atomic` and `semaphore` variants: `processes` processes
 * each add `increments` to one counter in POSIX shared memory (shm_open + mmap, mode 0600,
 * unlinked at once), either with an atomic fetch-add or under a process-shared semaphore
 * (sem_wait, a volatile load and store, sem_post). The layout of the region is the demo's:
 * counter, attach count, start line and semaphore on cache lines of their own, per-worker
 * start and end times from byte 512. All workers attach, then wait at the start line; the time
 * is from the first worker leaving it to the last one finishing, as in the demo.
 *
 * usage: shm_counter <atomic|semaphore> [processes=2] [increments=1000000]
 * prints: ns_per_increment <ns>, final <n> */
#include "bench_common.h"

#include <fcntl.h>
#include <errno.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

enum { COUNTER = 0, ATTACHED = 64, START = 128, SEMAPHORE = 192, TIMES = 512, SIZE = 4096 };

static int64_t *cell(char *base, int offset) { return (int64_t *)(base + offset); }

static void worker(char *base, int atomic, int64_t increments, int index) {
  int64_t *counter = cell(base, COUNTER);
  sem_t *sem = (sem_t *)(base + SEMAPHORE);
  __atomic_fetch_add(cell(base, ATTACHED), 1, __ATOMIC_SEQ_CST);
  while (__atomic_load_n(cell(base, START), __ATOMIC_ACQUIRE) == 0) {
  }
  int64_t started = bench_now_ns();
  if (atomic) {
    for (int64_t i = 0; i < increments; i++) __atomic_fetch_add(counter, 1, __ATOMIC_SEQ_CST);
  } else {
    volatile int64_t *shared = counter;
    for (int64_t i = 0; i < increments; i++) {
      while (sem_wait(sem) != 0)
        if (errno != EINTR) _exit(1);
      *shared = *shared + 1;
      sem_post(sem);
    }
  }
  int64_t ended = bench_now_ns();
  __atomic_store_n(cell(base, TIMES + 16 * index), started, __ATOMIC_SEQ_CST);
  __atomic_store_n(cell(base, TIMES + 16 * index + 8), ended, __ATOMIC_SEQ_CST);
}

int main(int argc, char **argv) {
  const char *sync = argc > 1 ? argv[1] : "atomic";
  int processes = (int)bench_arg(argc, argv, 2, 2);
  int64_t increments = bench_arg(argc, argv, 3, 1000000);
  int atomic = strcmp(sync, "atomic") == 0;
  if (!atomic && strcmp(sync, "semaphore") != 0) return 2;
  if (processes < 1 || processes > (SIZE - TIMES) / 16 || increments < 1) return 2;

  char name[64];
  snprintf(name, sizeof name, "/proclab-bench-%d-race", (int)getpid());
  int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
  if (fd < 0) bench_die("shm_open");
  shm_unlink(name);
  if (ftruncate(fd, SIZE) != 0) bench_die("ftruncate");
  char *base = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (base == MAP_FAILED) bench_die("mmap");
  close(fd);
  if (sem_init((sem_t *)(base + SEMAPHORE), 1, 1) != 0) bench_die("sem_init");

  pid_t pids[256];
  for (int i = 0; i < processes; i++) {
    pids[i] = fork();
    if (pids[i] < 0) bench_die("fork");
    if (pids[i] == 0) {
      worker(base, atomic, increments, i);
      _exit(0);
    }
  }
  while (__atomic_load_n(cell(base, ATTACHED), __ATOMIC_SEQ_CST) < processes) usleep(100);
  __atomic_store_n(cell(base, START), 1, __ATOMIC_RELEASE);
  int failed = 0;
  for (int i = 0; i < processes; i++) {
    int status;
    waitpid(pids[i], &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) failed = 1;
  }
  int64_t first = INT64_MAX, last = INT64_MIN;
  for (int i = 0; i < processes; i++) {
    int64_t s = *cell(base, TIMES + 16 * i), e = *cell(base, TIMES + 16 * i + 8);
    if (s < first) first = s;
    if (e > last) last = e;
  }
  int64_t expected = (int64_t)processes * increments;
  printf("ns_per_increment %.9g\n", (double)(last - first) / (double)expected);
  printf("final %lld\n", (long long)*cell(base, COUNTER));
  sem_destroy((sem_t *)(base + SEMAPHORE));
  return failed || *cell(base, COUNTER) != expected;
}
