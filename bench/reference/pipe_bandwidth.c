/* Reference for the `pipe` demo's bandwidth at one chunk size: the parent writes `total`
 * bytes to a child through one pipe in writes of `chunk` bytes; the child reads them in reads
 * of `chunk` bytes and answers 8 bytes on a second pipe. As in the demo, each transfer starts
 * with a 16-byte header (total, chunk), is timed from the first write to the answer, and the
 * median of `reps` transfers is printed (after one untimed warm-up transfer).
 *
 * usage: pipe_bandwidth [chunk=65536] [volume_mib=16] [reps=3]
 * prints: bytes_per_second <median> */
#include "bench_common.h"

#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_all(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) bench_die("write");
    p += w;
    n -= (size_t)w;
  }
}

static int read_exactly(int fd, void *buf, size_t n) {
  char *p = buf;
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, p + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return (int)got;
    got += (size_t)r;
  }
  return (int)got;
}

static void sink(int in, int out) {
  static char buffer[1 << 20];
  for (;;) {
    uint64_t header[2];
    if (read_exactly(in, header, sizeof header) != (int)sizeof header) _exit(0);
    size_t total = header[0], chunk = header[1] > sizeof buffer ? sizeof buffer : header[1];
    size_t got = 0;
    while (got < total) {
      size_t want = total - got < chunk ? total - got : chunk;
      ssize_t r = read(in, buffer, want);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) _exit(1);
      got += (size_t)r;
    }
    write_all(out, header, 8);
  }
}

int main(int argc, char **argv) {
  size_t chunk = (size_t)bench_arg(argc, argv, 1, 65536);
  size_t volume = (size_t)bench_arg(argc, argv, 2, 16) << 20;
  int reps = (int)bench_arg(argc, argv, 3, 3);
  if (chunk < 1 || chunk > (1 << 20) || reps < 1 || reps > 64) return 2;
  /* The demo's rule: at most 16384 chunks, a whole number of chunks, at least one. */
  size_t total = volume < chunk * 16384 ? volume : chunk * 16384;
  total = total / chunk * chunk;
  if (total < chunk) total = chunk;

  int down[2], up[2];
  if (pipe(down) != 0 || pipe(up) != 0) bench_die("pipe");
  pid_t pid = fork();
  if (pid < 0) bench_die("fork");
  if (pid == 0) {
    close(down[1]);
    close(up[0]);
    sink(down[0], up[1]);
    _exit(0);
  }
  close(down[0]);
  close(up[1]);
  char *source = malloc(chunk);
  if (!source) bench_die("malloc");
  memset(source, 0x33, chunk);
  double rates[64];
  for (int rep = -1; rep < reps; rep++) {
    size_t this_total = rep < 0 ? (total < (1 << 20) ? total : (size_t)1 << 20) : total;
    this_total = this_total / chunk * chunk;
    if (this_total < chunk) this_total = chunk;
    uint64_t header[2] = {this_total, chunk};
    write_all(down[1], header, sizeof header);
    int64_t t0 = bench_now_ns();
    for (size_t sent = 0; sent < this_total; sent += chunk) write_all(down[1], source, chunk);
    uint64_t ack;
    if (read_exactly(up[0], &ack, sizeof ack) != (int)sizeof ack) bench_die("ack");
    int64_t t1 = bench_now_ns();
    if (rep >= 0) rates[rep] = (double)this_total / ((double)(t1 - t0) * 1e-9);
  }
  close(down[1]);
  int status;
  waitpid(pid, &status, 0);
  printf("bytes_per_second %.9g\n", bench_median(rates, (size_t)reps));
  return 0;
}
