// The scheduling demo's system calls with fixed signatures: a nice value, SCHED_FIFO, and a
// CPU-bound loop that a signal ends.
#include <errno.h>
#include <sched.h>
#include <sys/resource.h>

#include "CProcLab.h"

int pl_set_nice(int nice) {
  return setpriority(PRIO_PROCESS, 0, nice) == 0 ? 0 : errno;
}

int pl_set_fifo(int priority) {
  struct sched_param param = {.sched_priority = priority};
  return sched_setscheduler(0, SCHED_FIFO, &param) == 0 ? 0 : errno;
}

void pl_spin_forever(int yield) {
  volatile unsigned long counter = 0;
  for (;;) {
    counter++;
    if (yield) sched_yield();
  }
}

long pl_rtprio_limit(void) {
  struct rlimit limit;
  if (getrlimit(RLIMIT_RTPRIO, &limit) != 0) return -1;
  return limit.rlim_cur == RLIM_INFINITY ? -1 : (long)limit.rlim_cur;
}
