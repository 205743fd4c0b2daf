#ifndef C_TERMINAL_SIGNALS_H
#define C_TERMINAL_SIGNALS_H

#include <stddef.h>

/// Saves the terminal's current mode (call before curses changes it), so a signal handler can
/// put it back without calling anything that is not async-signal-safe.
void terminal_signals_save_mode(int descriptor);

/// Saves the bytes that give the screen back (leave the alternate screen, show the cursor,
/// plain attributes), written by the handlers before the mode is restored.
void terminal_signals_save_restore_bytes(const char *restore, size_t length);

/// Installs the handlers while the browser owns the terminal:
/// - SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE are recorded (the
///   session then ends normally and restores the terminal); the same signal again before the
///   first was taken restores the terminal at once and exits 128 + its number;
/// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT and SIGTRAP (a Swift trap among them) restore the
///   terminal and then end the process by the signal's default action;
/// - SIGCONT is recorded so the screen is repainted after Ctrl-Z and fg.
/// Signals the browser relies on are unblocked (a parent's blocked mask is inherited). The
/// alternate stack that lets a stack overflow be handled is the calling thread's only; the
/// other threads (loading, filtering) do no deep recursion (JSON and queries are depth-limited).
void terminal_signals_install(void);

/// Puts back the handlers that were there before `terminal_signals_install`.
void terminal_signals_uninstall(void);

/// The terminating signal recorded since the last call, or 0.
int terminal_signals_take(void);

/// 1 when the process was continued (SIGCONT) since the last call, else 0.
int terminal_signals_take_continued(void);

#endif
