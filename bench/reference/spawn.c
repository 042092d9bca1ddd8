/* Reference for the `spawn` demo: the cost of fork + _exit + waitpid, fork + execve(true) +
 * waitpid, posix_spawn(true) + waitpid, and pthread_create + pthread_join.
 *
 * Timed like ProcLab's TimeIt (Sources/Measure/TimeIt.swift): one first call, loop counts
 * 1, 2, 5, 10, … until a run lasts at least `target` seconds (jumping ahead once a run is long
 * enough to predict), then `runs` timed runs; the median seconds per operation is printed.
 *
 * usage: spawn [runs=7] [target_ms=100] */
#include "bench_common.h"

#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static const char *true_path = "/bin/true";

static void op_fork(void) {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status;
  if (pid > 0) waitpid(pid, &status, 0);
}

static void op_fork_exec(void) {
  char *argv[] = {(char *)true_path, NULL};
  pid_t pid = fork();
  if (pid == 0) {
    execve(true_path, argv, environ);
    _exit(127);
  }
  int status;
  if (pid > 0) waitpid(pid, &status, 0);
}

static void op_posix_spawn(void) {
  char *argv[] = {(char *)true_path, NULL};
  pid_t pid;
  if (posix_spawn(&pid, true_path, NULL, NULL, argv, environ) == 0) {
    int status;
    waitpid(pid, &status, 0);
  }
}

static void *thread_body(void *arg) { return arg; }

static void op_thread(void) {
  pthread_t thread;
  if (pthread_create(&thread, NULL, thread_body, NULL) == 0) pthread_join(thread, NULL);
}

static double timed(void (*op)(void), long loops) {
  int64_t t0 = bench_now_ns();
  for (long i = 0; i < loops; i++) op();
  return (double)(bench_now_ns() - t0) * 1e-9;
}

static long next_loop_count(long loops) {
  long power = 1;
  while (power <= loops / 10) power *= 10;
  long leading = loops / power;
  long next = leading < 2 ? 2 * power : leading < 5 ? 5 * power : 10 * power;
  return next > loops ? next : loops * 2;
}

/* Median seconds per operation, as TimeIt.measure(targetRunSeconds:runs:) computes it. */
static double measure(void (*op)(void), int runs, double target) {
  const double max_total = 5;
  int64_t started = bench_now_ns();
  timed(op, 1); /* the first call, as TimeIt makes it */
  long loops = 1;
  double run_seconds = timed(op, loops);
  while (run_seconds < target) {
    double per_loop = run_seconds / (double)loops;
    long next = next_loop_count(loops);
    if (run_seconds >= 100e-6 && per_loop > 0) {
      double needed = target / per_loop;
      while ((double)next < needed) next = next_loop_count(next);
    }
    double elapsed = (double)(bench_now_ns() - started) * 1e-9;
    if (elapsed + per_loop * (double)next * (runs + 1) > max_total) {
      /* The target does not fit in the time limit: take the largest count that does, with a
       * tenth to spare for the noise in per_loop. */
      double fitting = 0.9 * (max_total - elapsed) / (double)(runs + 1) / per_loop;
      if (per_loop > 0 && fitting >= (double)(loops + 1)) {
        loops = (long)fitting;
        run_seconds = timed(op, loops);
      }
      break;
    }
    loops = next;
    run_seconds = timed(op, loops);
  }
  double left = max_total - (double)(bench_now_ns() - started) * 1e-9;
  int count = runs;
  if (run_seconds > 0 && runs * run_seconds > left) {
    count = (int)(left / run_seconds);
    if (count < 1) count = 1;
    if (count > runs) count = runs;
  }
  double per_loop[64];
  if (count > 64) count = 64;
  for (int i = 0; i < count; i++) per_loop[i] = timed(op, loops) / (double)loops;
  return bench_median(per_loop, (size_t)count);
}

int main(int argc, char **argv) {
  int runs = (int)bench_arg(argc, argv, 1, 7);
  double target = (double)bench_arg(argc, argv, 2, 100) / 1000.0;
  if (access(true_path, X_OK) != 0) true_path = "/usr/bin/true";
  printf("fork %.9g\n", measure(op_fork, runs, target));
  printf("fork-exec %.9g\n", measure(op_fork_exec, runs, target));
  printf("posix_spawn %.9g\n", measure(op_posix_spawn, runs, target));
  printf("thread %.9g\n", measure(op_thread, runs, target));
  return 0;
}
