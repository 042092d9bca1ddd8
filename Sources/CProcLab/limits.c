/* Resource limits, read for messages that name the real cause of a failure. */
#include "CProcLab.h"

#include <sys/resource.h>

long long pl_msgqueue_limit(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_MSGQUEUE, &rl) != 0) return -1;
  return rl.rlim_cur == RLIM_INFINITY ? -1 : (long long)rl.rlim_cur;
}

long long pl_open_file_limit(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return -1;
  return rl.rlim_cur == RLIM_INFINITY ? -1 : (long long)rl.rlim_cur;
}
