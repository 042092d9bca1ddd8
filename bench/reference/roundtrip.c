/* Reference for round trips between two processes, as the `pipe` demo (latency) and the
 * `ipc-compare` demo measure them: the parent sends a message of `size` bytes, the child reads
 * it and sends it back, the parent reads the answer; each round trip is timed on its own and
 * the median and mean are printed, after `warmup` untimed round trips.
 *
 *   pipe        two pipes, one each way
 *   socketpair  one AF_UNIX SOCK_STREAM socketpair
 *   mqueue      two POSIX message queues (10 messages of 8192 bytes at most, as the demo)
 *
 * usage: roundtrip <pipe|socketpair|mqueue> [size=64] [rounds=2000] [warmup=100]
 * prints: median_seconds <s>, mean_seconds <s> */
#include "bench_common.h"

#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MQ_SIZE = 8192 };

struct channel {
  int read_fd, write_fd;
  mqd_t in_q, out_q;
  int is_mq;
};

static void send_msg(struct channel *c, const char *buf, size_t n) {
  if (c->is_mq) {
    while (mq_send(c->out_q, buf, n, 0) != 0)
      if (errno != EINTR) bench_die("mq_send");
    return;
  }
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(c->write_fd, buf + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) bench_die("write");
    done += (size_t)w;
  }
}

static int recv_msg(struct channel *c, char *buf, size_t n) {
  if (c->is_mq) {
    static char mq_buffer[MQ_SIZE];
    for (;;) {
      ssize_t r = mq_receive(c->in_q, mq_buffer, MQ_SIZE, NULL);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) return -1;
      memcpy(buf, mq_buffer, (size_t)r < n ? (size_t)r : n);
      return 0;
    }
  }
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(c->read_fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    got += (size_t)r;
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *mechanism = argc > 1 ? argv[1] : "pipe";
  size_t size = (size_t)bench_arg(argc, argv, 2, 64);
  long rounds = bench_arg(argc, argv, 3, 2000);
  long warmup = bench_arg(argc, argv, 4, 100);
  if (size < 1 || size > MQ_SIZE || rounds < 1) return 2;

  struct channel parent = {-1, -1, (mqd_t)-1, (mqd_t)-1, 0};
  struct channel child = parent;
  char down_name[64], up_name[64];
  if (strcmp(mechanism, "pipe") == 0) {
    int down[2], up[2];
    if (pipe(down) != 0 || pipe(up) != 0) bench_die("pipe");
    parent.write_fd = down[1];
    parent.read_fd = up[0];
    child.read_fd = down[0];
    child.write_fd = up[1];
  } else if (strcmp(mechanism, "socketpair") == 0) {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) bench_die("socketpair");
    parent.read_fd = parent.write_fd = fds[0];
    child.read_fd = child.write_fd = fds[1];
  } else if (strcmp(mechanism, "mqueue") == 0) {
    struct mq_attr attr = {0};
    attr.mq_maxmsg = 10;
    attr.mq_msgsize = MQ_SIZE;
    snprintf(down_name, sizeof down_name, "/proclab-bench-%d-down", (int)getpid());
    snprintf(up_name, sizeof up_name, "/proclab-bench-%d-up", (int)getpid());
    mqd_t down = mq_open(down_name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    mqd_t up = mq_open(up_name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    mq_unlink(down_name);
    mq_unlink(up_name);
    if (down == (mqd_t)-1 || up == (mqd_t)-1) bench_die("mq_open");
    parent.is_mq = child.is_mq = 1;
    parent.out_q = down;
    parent.in_q = up;
    child.in_q = down;
    child.out_q = up;
  } else {
    fprintf(stderr, "unknown mechanism %s\n", mechanism);
    return 2;
  }

  long total = warmup + rounds;
  pid_t pid = fork();
  if (pid < 0) bench_die("fork");
  if (pid == 0) {
    char buffer[MQ_SIZE];
    for (long i = 0; i < total; i++) {
      if (recv_msg(&child, buffer, size) != 0) _exit(1);
      send_msg(&child, buffer, size);
    }
    _exit(0);
  }
  char buffer[MQ_SIZE];
  memset(buffer, 0x42, sizeof buffer);
  double *samples = malloc(sizeof(double) * (size_t)rounds);
  if (!samples) bench_die("malloc");
  double sum = 0;
  for (long i = 0; i < total; i++) {
    int64_t t0 = bench_now_ns();
    send_msg(&parent, buffer, size);
    if (recv_msg(&parent, buffer, size) != 0) bench_die("receive");
    int64_t t1 = bench_now_ns();
    if (i >= warmup) {
      samples[i - warmup] = (double)(t1 - t0) * 1e-9;
      sum += samples[i - warmup];
    }
  }
  int status;
  waitpid(pid, &status, 0);
  printf("mean_seconds %.9g\n", sum / (double)rounds);
  printf("median_seconds %.9g\n", bench_median(samples, (size_t)rounds));
  return 0;
}
