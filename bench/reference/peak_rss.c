// peak_rss: runs a command and prints its peak resident memory and wall time, for the grading
// row of make bench. It forks (not posix_spawn, whose vfork shares the caller's memory until
// exec, so the caller's peak would be counted as the child's) and reads ru_maxrss from wait4.
// This wrapper is about a megabyte, so the figure is the command's own to within that.
// Usage: peak_rss COMMAND [ARGUMENT…]; the command's stdout and stderr pass through, then
// "peak_rss_bytes N" and "wall_seconds S" on stderr; the exit status is the command's.
#include "bench_common.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: peak_rss COMMAND [ARGUMENT...]\n");
    return 64;
  }
  int64_t start = bench_now_ns();
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 71;
  }
  if (pid == 0) {
    execvp(argv[1], argv + 1);
    perror(argv[1]);
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      perror("wait4");
      return 71;
    }
  }
  int64_t end = bench_now_ns();
  fprintf(stderr, "peak_rss_bytes %ld\nwall_seconds %.9f\n", usage.ru_maxrss * 1024L,
          (double)(end - start) * 1e-9);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}
