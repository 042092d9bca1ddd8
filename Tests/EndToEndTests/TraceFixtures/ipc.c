// Small programs whose pipes, sockets and POSIX IPC objects are known, for TraceTests
// (compiled at test time with -lrt). argv[1] is the mode; argv[2] a name the test chose.
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_ms(long ms) {
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&t, &t) == -1) {}
}

// The child reads the pipe to its end and prints what it got; the parent writes a message.
// `child_closes` / `parent_closes`: whether each closes the write end it does not use.
static int pipe_message(int child_closes, int parent_closes) {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  pid_t pid = fork();
  if (pid == 0) {
    if (child_closes) close(fds[1]);
    char buffer[64];
    ssize_t n, total = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) total += n;
    printf("child read %zd bytes\n", total);
    fflush(stdout);
    _exit(0);
  }
  close(fds[0]);
  sleep_ms(150);  // the child waits in read() meanwhile
  if (write(fds[1], "hello\n", 6) != 6) return 2;
  if (parent_closes) close(fds[1]);
  waitpid(pid, NULL, 0);
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  const char *name = argc > 2 ? argv[2] : "/proclab-ipc-fixture";
  char other[256];
  snprintf(other, sizeof other, "%s-sem", name);
  if (strcmp(mode, "pipe-closed") == 0) return pipe_message(1, 1);
  if (strcmp(mode, "pipe-child-open") == 0) return pipe_message(0, 1);
  if (strcmp(mode, "pipe-both-open") == 0) return pipe_message(0, 0);
  if (strcmp(mode, "socketpair") == 0) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 2;
    pid_t pid = fork();
    if (pid == 0) {
      close(sv[0]);
      if (write(sv[1], "ping", 4) != 4) _exit(2);
      _exit(0);
    }
    close(sv[1]);
    char buffer[8];
    ssize_t n = read(sv[0], buffer, sizeof buffer);
    waitpid(pid, NULL, 0);
    printf("parent read %zd bytes\n", n);
    return 0;
  }
  if (strcmp(mode, "shm-left") == 0 || strcmp(mode, "shm-clean") == 0 ||
      strcmp(mode, "shm-sleep") == 0) {
    // A shared memory object and a named semaphore, made by a child; unlinked only in
    // shm-clean; shm-sleep then sleeps a minute (the test stops it).
    pid_t pid = fork();
    if (pid == 0) {
      int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
      if (fd < 0 || ftruncate(fd, 4096) != 0) _exit(3);
      close(fd);
      sem_t *s = sem_open(other, O_CREAT | O_EXCL, 0600, 1);
      if (s == SEM_FAILED) _exit(4);
      sem_close(s);
      _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 5;
    if (strcmp(mode, "shm-clean") == 0) {
      shm_unlink(name);
      sem_unlink(other);
    }
    if (strcmp(mode, "shm-sleep") == 0) {
      // Held open and mapped while it sleeps (the /proc-scan fallback sees them so).
      int fd = shm_open(name, O_RDWR, 0);
      sem_t *s = sem_open(other, 0);
      if (fd < 0 || s == SEM_FAILED) return 6;
      printf("made\n");
      fflush(stdout);
      sleep_ms(60000);
    }
    return 0;
  }
  if (strcmp(mode, "unix-connect") == 0) {
    // A listening Unix socket (abstract name `name`); the child connects and writes "ping",
    // the parent accepts and reads it to the end.
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    size_t length = strlen(name);
    if (length + 1 >= sizeof address.sun_path) return 2;
    memcpy(address.sun_path + 1, name, length);  // sun_path[0] = 0: abstract
    socklen_t size = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + length);
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    if (listener < 0 || bind(listener, (struct sockaddr *)&address, size) != 0 ||
        listen(listener, 1) != 0)
      return 2;
    pid_t pid = fork();
    if (pid == 0) {
      close(listener);
      int s = socket(AF_UNIX, SOCK_STREAM, 0);
      if (s < 0 || connect(s, (struct sockaddr *)&address, size) != 0) _exit(3);
      if (write(s, "ping", 4) != 4) _exit(4);
      close(s);
      _exit(0);
    }
    int peer = accept(listener, NULL, NULL);
    if (peer < 0) return 5;
    char buffer[16];
    ssize_t n, total = 0;
    while ((n = read(peer, buffer, sizeof buffer)) > 0) total += n;
    close(peer);
    close(listener);
    waitpid(pid, NULL, 0);
    printf("parent read %zd bytes\n", total);
    return 0;
  }
  if (strcmp(mode, "mq-sleep") == 0) {
    // A queue made and held open while the program sleeps a minute (the test stops it).
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
    if (q == (mqd_t)-1) return errno == ENOSYS ? 77 : 3;
    printf("made\n");
    fflush(stdout);
    sleep_ms(60000);
    return 0;
  }
  if (strcmp(mode, "mq-left") == 0) {
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
    if (q == (mqd_t)-1) return errno == ENOSYS ? 77 : 3;
    mq_close(q);
    return 0;
  }
  if (strcmp(mode, "mq-exists") == 0) {
    mqd_t q = mq_open(name, O_RDONLY);
    if (q == (mqd_t)-1) return errno == ENOENT ? 1 : (errno == ENOSYS ? 77 : 3);
    mq_close(q);
    return 0;
  }
  if (strcmp(mode, "mq-unlink") == 0) return mq_unlink(name) == 0 ? 0 : 1;
  fprintf(stderr, "unknown mode '%s'\n", mode);
  return 2;
}
