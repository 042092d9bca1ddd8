#include "CLineEdit.h"

#include <CProcLab.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#pragma mark - libedit

EditLine *pl_el_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
int pl_el_set_prompt(EditLine *el, char *(*fn)(EditLine *)) { return el_set(el, EL_PROMPT, fn); }
int pl_el_set_editor(EditLine *el, const char *name) { return el_set(el, EL_EDITOR, name); }
int pl_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int pl_el_set_editmode(EditLine *el, int on) { return el_set(el, EL_EDITMODE, on); }
int pl_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
int pl_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
void *pl_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
int pl_el_add_function(EditLine *el, const char *name, const char *help,
                       unsigned char (*fn)(EditLine *, int)) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
int pl_el_bind(EditLine *el, const char *key, const char *name) {
  return el_set(el, EL_BIND, key, name, NULL);
}

static int pl_signal_fd = -1;
static volatile sig_atomic_t pl_interrupt = 0;
static volatile sig_atomic_t pl_interrupt_text = 0;
static mbstate_t pl_mbstate;

static int pl_read_char(EditLine *el, wchar_t *wc) {
  for (;;) {
    if (pl_take_signal_count(SIGWINCH) > 0) {
      /* EL_REFRESH draws the prompt and line again from where the cursor is: go back to the
         start of the line and clear below first, so it is drawn once, in place. */
      el_resize(el);
      static const char home[] = "\r\033[J";
      ssize_t unused = write(STDOUT_FILENO, home, sizeof home - 1);
      (void)unused;
      el_set(el, EL_REFRESH);
    }
    if (pl_peek_signal_count(SIGHUP) > 0 || pl_peek_signal_count(SIGTERM) > 0 ||
        pl_peek_signal_count(SIGQUIT) > 0) {
      pl_interrupt = 2;
      errno = EINTR;
      return -1;
    }
    if (pl_take_signal_count(SIGTSTP) > 0) {
      pl_el_suspend(el); /* Ctrl-Z: stop, and redraw the line after fg (signals.c) */
      continue;
    }
    if (pl_take_signal_count(SIGINT) > 0) {
      const LineInfo *li = el_line(el);
      pl_interrupt = 1;
      pl_interrupt_text = (li != NULL && li->lastchar > li->buffer);
      errno = EINTR;
      return -1;
    }
    struct pollfd fds[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                            {.fd = pl_signal_fd, .events = POLLIN}};
    int n = poll(fds, pl_signal_fd >= 0 ? 2 : 1, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (pl_signal_fd >= 0 && (fds[1].revents & POLLIN)) {
      char drain[64];
      while (read(pl_signal_fd, drain, sizeof drain) > 0) {
      }
      continue;
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char byte;
      ssize_t got = read(STDIN_FILENO, &byte, 1);
      if (got < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        return -1;
      }
      if (got == 0) return 0;
      wchar_t out;
      size_t r = mbrtowc(&out, &byte, 1, &pl_mbstate);
      if (r == (size_t)-2) continue; /* more bytes of this character to come */
      if (r == (size_t)-1) {
        memset(&pl_mbstate, 0, sizeof pl_mbstate);
        out = (wchar_t)(unsigned char)byte;
      }
      *wc = out;
      return 1;
    }
  }
}

int pl_el_use_interruptible_reader(EditLine *el, int signal_fd) {
  pl_signal_fd = signal_fd;
  memset(&pl_mbstate, 0, sizeof pl_mbstate);
  return el_set(el, EL_GETCFN, pl_read_char);
}

int pl_el_last_interrupt(void) { return pl_interrupt; }
bool pl_el_interrupted_with_text(void) { return pl_interrupt_text != 0; }
void pl_el_clear_interrupt(void) {
  pl_interrupt = 0;
  pl_interrupt_text = 0;
}

int pl_history_set_size(History *h, int n) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, n);
}
int pl_history_set_unique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}
int pl_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
int pl_history_count(History *h) {
  HistEvent ev;
  if (history(h, &ev, H_GETSIZE) < 0) return -1;
  return ev.num;
}

int pl_el_prep_term(EditLine *el, int on) { return el_set(el, EL_PREP_TERM, on); }

#pragma mark - job control at the prompt

static void (*pl_suspend_handler)(EditLine *) = NULL;

void pl_el_set_suspend_handler(void (*fn)(EditLine *)) { pl_suspend_handler = fn; }

void pl_el_suspend(EditLine *el) {
  if (pl_suspend_handler != NULL) {
    pl_suspend_handler(el);
  } else {
    (void)pl_stop_self();
  }
  el_set(el, EL_REFRESH);
}
