// The few pieces of ncurses that Swift cannot import directly: function-like macros and
// global state (stdscr, LINES, COLS, stdout), and terminfo look-ups for restoring the screen.
// Signal handlers live in their own C target, CTerminalSignals.
#ifndef STUDY_BROWSER_NCURSES_SHIM_H
#define STUDY_BROWSER_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

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

/// The bytes that give a screen back to the shell: keypad off, plain attributes, cursor shown,
/// alternate screen left (whichever of rmkx, sgr0, cnorm and rmcup the terminal has), written
/// into `buffer`; returns their length.
static inline size_t shim_restore_sequence(char *buffer, size_t capacity) {
    const char *names[] = { "rmkx", "sgr0", "cnorm", "rmcup" };
    size_t length = 0;
    for (size_t index = 0; index < 4; index++) {
        char *value = tigetstr(names[index]);
        if (value == NULL || value == (char *)-1) continue;
        size_t size = strlen(value);
        if (length + size > capacity) break;
        memcpy(buffer + length, value, size);
        length += size;
    }
    return length;
}

/// Turns off XON/XOFF flow control (Ctrl-S would freeze the screen) and tells curses this is
/// the program's mode; `endwin` still gives back the shell's mode, flow control included.
static inline void shim_disable_flow_control(int descriptor) {
    struct termios mode;
    if (tcgetattr(descriptor, &mode) != 0) return;
    mode.c_iflag &= ~(IXON | IXOFF);
    tcsetattr(descriptor, TCSANOW, &mode);
    def_prog_mode();
}

#endif
