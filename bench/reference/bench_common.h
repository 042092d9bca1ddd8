/* Shared helpers for ProcLab's C reference programs (make bench).
 *
 * Each program does the same operation as a ProcLab demo and prints one line per figure:
 * "<key> <value>", value in seconds (or bytes per second), so proclab-bench reads them like
 * a demo's JSON metrics. Built with cc -O2. */
#ifndef PROCLAB_BENCH_COMMON_H
#define PROCLAB_BENCH_COMMON_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline int64_t bench_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int bench_compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The median of n values (sorts them in place). */
static inline double bench_median(double *values, size_t n) {
  if (n == 0) return 0;
  qsort(values, n, sizeof *values, bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static inline long bench_arg(int argc, char **argv, int index, long fallback) {
  return argc > index ? strtol(argv[index], NULL, 10) : fallback;
}

static inline void bench_die(const char *what) {
  perror(what);
  exit(1);
}

#endif
