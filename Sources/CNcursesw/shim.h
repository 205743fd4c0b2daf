// The few pieces of ncurses that Swift cannot import directly: function-like macros and
// global state (stdscr, LINES, COLS, stdout), plus an async-signal-safe signal recorder.
#ifndef STUDY_BROWSER_NCURSES_SHIM_H
#define STUDY_BROWSER_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }

static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int shim_key_f(int n) { return KEY_F(n); }

/// A terminal on the process's own standard input and output; NULL when TERM is unusable.
static inline SCREEN *shim_newterm_stdio(const char *term) { return newterm(term, stdout, stdin); }

/// A terminal whose output goes nowhere and whose input is empty: lets tests start ncurses without a tty.
static inline SCREEN *shim_newterm_devnull(const char *term) {
    FILE *out = fopen("/dev/null", "w");
    FILE *in = fopen("/dev/null", "r");
    if (!out || !in) { if (out) fclose(out); if (in) fclose(in); return NULL; }
    return newterm(term, out, in);
}

/// Installs `handler` for `number` without SA_RESTART, so a blocked read or poll returns at once.
static inline void shim_set_handler(int number, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(number, &action, NULL);
}

static volatile sig_atomic_t shim_pending_signal_number = 0;

static void shim_record_signal(int number) { shim_pending_signal_number = number; }

/// Records SIGINT, SIGTERM, SIGHUP and SIGQUIT instead of dying, without SA_RESTART so a
/// blocked read or poll returns at once; the program then restores the terminal and exits.
static inline void shim_install_signal_handlers(void) {
    shim_set_handler(SIGINT, shim_record_signal);
    shim_set_handler(SIGTERM, shim_record_signal);
    shim_set_handler(SIGHUP, shim_record_signal);
    shim_set_handler(SIGQUIT, shim_record_signal);
    // A parent may have started us with these blocked (a thread pool's mask is inherited
    // through fork and exec); blocked, a hang-up or Ctrl-Z would never arrive.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

static volatile sig_atomic_t shim_continued_flag = 0;

static void shim_record_continue(int number) { (void)number; shim_continued_flag = 1; }

/// Records SIGCONT (after Ctrl-Z and `fg`), so the program can repaint the whole screen.
static inline void shim_install_continue_handler(void) {
    shim_set_handler(SIGCONT, shim_record_continue);
}

/// 1 when the process was continued since the last call, else 0.
static inline int shim_take_continued(void) {
    int continued = shim_continued_flag;
    shim_continued_flag = 0;
    return continued;
}

/// The signal recorded since the last call, or 0.
static inline int shim_take_signal(void) {
    int number = shim_pending_signal_number;
    shim_pending_signal_number = 0;
    return number;
}

#endif
