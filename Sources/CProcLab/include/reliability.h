/* Declarations for orphan.c and limits.c (included from CProcLab.h). */
#ifndef PROCLAB_RELIABILITY_H
#define PROCLAB_RELIABILITY_H

#include <sys/types.h>

/* The pipes of the orphan demo (Sources/Demos/Processes/Lifecycle.swift): the children report
   on `report`; the demo releases the parent, then the child, with one byte each. */
struct pl_orphan_pipes {
  int report_read, report_write;
  int release_parent_read, release_parent_write;
  int release_child_read, release_child_write;
};

/* Forks the orphan demo's parent process, which forks the child that will be orphaned. Each
   closes the pipe ends it does not use (so the demo's death ends their waits with EOF) and
   lives at most `seconds` (alarm). Returns the parent's pid, or -1, in the caller. */
pid_t pl_fork_orphan_pair(const struct pl_orphan_pipes *_Nonnull pipes, unsigned seconds);

/* The soft RLIMIT_MSGQUEUE (bytes of message queues per user), -1 if unlimited or unknown. */
long long pl_msgqueue_limit(void);
/* The soft RLIMIT_NOFILE, -1 if unlimited or unknown. */
long long pl_open_file_limit(void);

#endif
