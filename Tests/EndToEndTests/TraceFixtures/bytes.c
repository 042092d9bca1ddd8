// Small programs that move a known number of bytes through pipes and sockets, for
// TraceBytesTests (compiled at test time). argv[1] is the mode.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

// Reads `fd` to its end (or `limit` bytes, when above 0) in reads of at most 64 bytes.
static long drain(int fd, long limit) {
  char buffer[64];
  long total = 0;
  for (;;) {
    size_t want = sizeof buffer;
    if (limit > 0 && limit - total < (long)want) want = (size_t)(limit - total);
    if (want == 0) break;
    ssize_t n = read(fd, buffer, want);
    if (n <= 0) break;
    total += n;
  }
  return total;
}

// Writes `count` bytes to `fd` in writes of `chunk`.
static int pour(int fd, long count, long chunk) {
  char buffer[512];
  memset(buffer, 'x', sizeof buffer);
  for (long done = 0; done < count; done += chunk) {
    if (write(fd, buffer, (size_t)chunk) != chunk) return -1;
  }
  return 0;
}

// The child writes 1000 bytes into a pipe (10 writes of 100), the parent reads them all; the
// parent sends 300 bytes over a socket pair (3 of 100), the child reads them all.
static int pipe_and_pair(void) {
  int p[2], sv[2];
  if (pipe(p) != 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 2;
  pid_t pid = fork();
  if (pid == 0) {
    close(p[0]);
    close(sv[0]);
    if (pour(p[1], 1000, 100) != 0) _exit(3);
    close(p[1]);
    long got = drain(sv[1], 0);
    printf("child read %ld bytes\n", got);
    fflush(stdout);
    _exit(got == 300 ? 0 : 4);
  }
  close(p[1]);
  close(sv[1]);
  long got = drain(p[0], 0);
  for (int i = 0; i < 3; i++) {
    if (send(sv[0], "0123456789012345678901234567890123456789012345678901234567890123456789"
                    "012345678901234567890123456789",
             100, 0) != 100)
      return 5;
  }
  close(sv[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  printf("parent read %ld bytes\n", got);
  return got == 1000 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 6;
}

// The child writes 500 bytes into a pipe and ends; the parent reads 200 of them and ends.
static int pipe_unread(void) {
  int p[2];
  if (pipe(p) != 0) return 2;
  pid_t pid = fork();
  if (pid == 0) {
    close(p[0]);
    _exit(pour(p[1], 500, 100) == 0 ? 0 : 3);
  }
  close(p[1]);
  waitpid(pid, NULL, 0);
  long got = drain(p[0], 200);
  printf("parent read %ld bytes\n", got);
  return got == 200 ? 0 : 4;
}

// Over 127.0.0.1: the parent listens (port 0: any free one), the child connects and sends
// "ping", the parent answers "pong"; each reads the other's 4 bytes.
static int tcp(void) {
  struct sockaddr_in address = {.sin_family = AF_INET};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0 || bind(listener, (struct sockaddr *)&address, size) != 0 ||
      listen(listener, 1) != 0 || getsockname(listener, (struct sockaddr *)&address, &size) != 0)
    return 2;
  pid_t pid = fork();
  if (pid == 0) {
    close(listener);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0 || connect(s, (struct sockaddr *)&address, size) != 0) _exit(3);
    if (write(s, "ping", 4) != 4) _exit(4);
    long got = drain(s, 4);
    close(s);
    _exit(got == 4 ? 0 : 5);
  }
  int peer = accept(listener, NULL, NULL);
  if (peer < 0) return 6;
  long got = drain(peer, 4);
  if (write(peer, "pong", 4) != 4) return 7;
  int status = 0;
  waitpid(pid, &status, 0);
  close(peer);
  close(listener);
  printf("parent read %ld bytes\n", got);
  return got == 4 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 8;
}

// Two UDP sockets on 127.0.0.1, each connected to the other; the child sends 5 bytes on one,
// the parent receives them on the other.
static int udp(void) {
  struct sockaddr_in a = {.sin_family = AF_INET}, b = {.sin_family = AF_INET};
  a.sin_addr.s_addr = b.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof a;
  int sa = socket(AF_INET, SOCK_DGRAM, 0), sb = socket(AF_INET, SOCK_DGRAM, 0);
  if (sa < 0 || sb < 0 || bind(sa, (struct sockaddr *)&a, size) != 0 ||
      bind(sb, (struct sockaddr *)&b, size) != 0 ||
      getsockname(sa, (struct sockaddr *)&a, &size) != 0 ||
      getsockname(sb, (struct sockaddr *)&b, &size) != 0 ||
      connect(sa, (struct sockaddr *)&b, size) != 0 ||
      connect(sb, (struct sockaddr *)&a, size) != 0)
    return 2;
  pid_t pid = fork();
  if (pid == 0) {
    close(sa);
    _exit(send(sb, "hello", 5, 0) == 5 ? 0 : 3);
  }
  close(sb);
  char buffer[16];
  ssize_t n = recv(sa, buffer, sizeof buffer, 0);
  waitpid(pid, NULL, 0);
  printf("parent received %zd bytes\n", n);
  return n == 5 ? 0 : 4;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static int shared_end = -1;

// A thread started before the pipe is made: it waits for the pipe (a condition variable, no
// read or write) and then writes 9 bytes into it.
static void *late_writer(void *unused) {
  (void)unused;
  pthread_mutex_lock(&lock);
  while (shared_end < 0) pthread_cond_wait(&ready, &lock);
  int fd = shared_end;
  pthread_mutex_unlock(&lock);
  return write(fd, "123456789", 9) == 9 ? NULL : (void *)1;
}

// 300 one-byte writes to /dev/null before the program holds a pipe, then a pipe, 300 more, a
// thread started before the pipe writes 9 bytes into it and a child forked after it 7; the
// parent reads all 16.
static int writes_then_pipe(void) {
  int null = open("/dev/null", O_WRONLY);
  if (null < 0) return 2;
  for (int i = 0; i < 300; i++) {
    if (write(null, "x", 1) != 1) return 3;
  }
  pthread_t thread;
  if (pthread_create(&thread, NULL, late_writer, NULL) != 0) return 4;
  int p[2];
  if (pipe(p) != 0) return 5;
  for (int i = 0; i < 300; i++) {
    if (write(null, "x", 1) != 1) return 6;
  }
  pthread_mutex_lock(&lock);
  shared_end = p[1];
  pthread_cond_signal(&ready);
  pthread_mutex_unlock(&lock);
  void *failed = NULL;
  pthread_join(thread, &failed);
  if (failed != NULL) return 7;
  pid_t pid = fork();
  if (pid == 0) _exit(write(p[1], "abcdefg", 7) == 7 ? 0 : 3);
  close(p[1]);
  waitpid(pid, NULL, 0);
  long got = drain(p[0], 0);
  printf("parent read %ld bytes\n", got);
  return got == 16 ? 0 : 8;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (strcmp(mode, "pipe-and-pair") == 0) return pipe_and_pair();
  if (strcmp(mode, "pipe-unread") == 0) return pipe_unread();
  if (strcmp(mode, "tcp") == 0) return tcp();
  if (strcmp(mode, "udp") == 0) return udp();
  if (strcmp(mode, "writes-then-pipe") == 0) return writes_then_pipe();
  fprintf(stderr, "unknown mode '%s'\n", mode);
  return 2;
}
