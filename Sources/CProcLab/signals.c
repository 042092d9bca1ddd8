// Job control and termination for the REPL, kept apart from shims.c: suspending ProcLab with
// its demo (Ctrl-Z), the standard descriptors a parent may have closed, and the test helper
// that runs ProcLab as a shell's job under a pseudo-terminal.
#include "CProcLab.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <pty.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t pl_spawn_in_pty_job(int *master, const char *path, char *const *argv, char *const *envp,
                          unsigned short rows, unsigned short cols) {
  struct winsize ws;
  memset(&ws, 0, sizeof ws);
  ws.ws_row = rows;
  ws.ws_col = cols;
  pid_t pid = forkpty(master, NULL, NULL, &ws);
  if (pid == 0) {
    /* The session leader, acting as a job-control shell: the job gets a process group of its
     * own and the terminal's foreground; a job that stops is simply waited for further. */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGTTOU, SIG_IGN);
    pid_t job = fork();
    if (job < 0) _exit(126);
    if (job == 0) {
      setpgid(0, 0);
      tcsetpgrp(STDIN_FILENO, getpid());
      signal(SIGTTOU, SIG_DFL);
      execve(path, argv, envp);
      _exit(127);
    }
    setpgid(job, job);
    tcsetpgrp(STDIN_FILENO, job);
    int status = 0;
    for (;;) {
      pid_t r = waitpid(job, &status, 0);
      if (r == job) break;
      if (r < 0 && errno != EINTR) _exit(126);
    }
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  }
  if (pid > 0) fcntl(*master, F_SETFD, FD_CLOEXEC);
  return pid;
}

#pragma mark - standard descriptors

void pl_reserve_standard_fds(void) {
  for (int fd = 0; fd <= 2; fd++) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    /* open() takes the lowest free number, which is fd: 0..fd-1 are open by now. */
    int null = open("/dev/null", O_RDWR);
    if (null >= 0 && null != fd) {
      dup2(null, fd);
      close(null);
    }
  }
}

#pragma mark - Ctrl-Z

int pl_stop_self(void) {
  struct sigaction dfl, old;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  if (sigaction(SIGTSTP, &dfl, &old) != 0) return 0;
  sigset_t tstp, mask;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &tstp, &mask);
  int continued = pl_peek_signal_count(SIGCONT);
  /* Delivered before raise returns: the process stops here, and goes on after SIGCONT (whose
   * flag handler counts it). In an orphaned process group the kernel discards it instead. */
  raise(SIGTSTP);
  int stopped = pl_peek_signal_count(SIGCONT) != continued;
  pthread_sigmask(SIG_SETMASK, &mask, NULL);
  sigaction(SIGTSTP, &old, NULL);
  return stopped;
}

