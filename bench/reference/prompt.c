/* Reference for REPL start-up and idle memory: the least a line-oriented program can do.
 * Prints a prompt when stdin is a terminal, reads lines until "quit" or end of input.
 * Its start-to-exit time and its RSS at the prompt are the floor ProcLab is compared with. */
#include "bench_common.h"

#include <unistd.h>

int main(void) {
  char line[256];
  int terminal = isatty(0);
  for (;;) {
    if (terminal) {
      fputs("ref › ", stdout);
      fflush(stdout);
    }
    if (!fgets(line, sizeof line, stdin)) break;
    if (strncmp(line, "quit", 4) == 0) break;
  }
  return 0;
}
