// C shims for libedit. Each exists because Swift cannot make the call itself: el_set, el_get
// and history are variadic, and the character reader must decode multibyte input and watch the
// signal self-pipe (CProcLab's flag handler) while it waits.
#pragma once

#include <histedit.h>
#include <stdbool.h>
#include <wchar.h>

#pragma mark - libedit

/// el_init with the standard streams. Why: el_init takes FILE *, Swift has only fds.
EditLine *_Nullable pl_el_init(const char *_Nonnull prog);
/// el_set(EL_PROMPT, fn). Why: el_set is variadic.
int pl_el_set_prompt(EditLine *_Nonnull el, char *_Nullable (*_Nonnull fn)(EditLine *_Nullable));
/// el_set(EL_EDITOR, name). Why: variadic.
int pl_el_set_editor(EditLine *_Nonnull el, const char *_Nonnull name);
/// el_set(EL_SIGNAL, on). Why: variadic.
int pl_el_set_signal(EditLine *_Nonnull el, int on);
/// el_set(EL_EDITMODE, on). Why: variadic.
int pl_el_set_editmode(EditLine *_Nonnull el, int on);
/// el_set(EL_HIST, history, h). Why: variadic.
int pl_el_set_history(EditLine *_Nonnull el, History *_Nonnull h);
/// el_set(EL_CLIENTDATA, data). Why: variadic; callbacks recover their Swift object from it.
int pl_el_set_clientdata(EditLine *_Nonnull el, void *_Nullable data);
/// el_get(EL_CLIENTDATA). Why: variadic.
void *_Nullable pl_el_get_clientdata(EditLine *_Nonnull el);
/// el_set(EL_ADDFN, name, help, fn). Why: variadic.
int pl_el_add_function(EditLine *_Nonnull el, const char *_Nonnull name, const char *_Nonnull help,
                       unsigned char (*_Nonnull fn)(EditLine *_Nullable, int));
/// el_set(EL_BIND, key, name, NULL). Why: variadic.
int pl_el_bind(EditLine *_Nonnull el, const char *_Nonnull key, const char *_Nonnull name);
/// Installs ProcLab's character reader (EL_GETCFN): it waits on the terminal and on the
/// signal self-pipe, so Ctrl-C and window resizes interrupt el_gets cleanly. Why: variadic,
/// and the reader must decode multibyte UTF-8 into wchar_t itself.
int pl_el_use_interruptible_reader(EditLine *_Nonnull el, int signal_fd);
/// What stopped the last el_gets: 0 nothing special, 1 Ctrl-C (SIGINT), 2 the session must end
/// (SIGHUP, SIGTERM or SIGQUIT).
int pl_el_last_interrupt(void);
/// Whether the line buffer held text when Ctrl-C arrived.
bool pl_el_interrupted_with_text(void);
void pl_el_clear_interrupt(void);

/// history(h, &ev, H_SETSIZE, n). Why: variadic.
int pl_history_set_size(History *_Nonnull h, int n);
/// history(h, &ev, H_SETUNIQUE, 1). Why: variadic.
int pl_history_set_unique(History *_Nonnull h, int unique);
/// history(h, &ev, H_ENTER, line). Why: variadic.
int pl_history_enter(History *_Nonnull h, const char *_Nonnull line);
/// history(h, &ev, H_GETSIZE). Why: variadic.
int pl_history_count(History *_Nonnull h);

/// el_set(EL_PREP_TERM, on): put the terminal in edit mode before the prompt is printed, so a
/// key typed at once (Ctrl-D) is not taken by the terminal's line mode. Why: variadic.
int pl_el_prep_term(EditLine *_Nonnull el, int on);

#pragma mark - job control at the prompt

/// Sets what Ctrl-Z at the prompt calls from inside the character reader (the editor restores
/// the terminal, stops, and re-enters edit mode); NULL: pl_stop_self alone.
void pl_el_set_suspend_handler(void (*_Nullable fn)(EditLine *_Nullable));
/// Called by the character reader on SIGTSTP: the suspend handler, then EL_REFRESH, so the
/// prompt and the half-typed line are drawn again after `fg`.
void pl_el_suspend(EditLine *_Nonnull el);
