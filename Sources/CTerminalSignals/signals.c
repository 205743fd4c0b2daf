// Signal handling for the browser. Everything a handler touches is here, as static state of
// this one file, and every call a handler makes is async-signal-safe (tcsetattr, write,
// sigaction, raise, _exit).
#include "CTerminalSignals.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_mode;
static int saved_descriptor = -1;
static char restore_bytes[512];
static size_t restore_length = 0;

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t continued = 0;
static volatile sig_atomic_t installed = 0;

static const int terminating[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE };
static const int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static struct sigaction previous_terminating[COUNT(terminating)];
static struct sigaction previous_fatal[COUNT(fatal)];
static struct sigaction previous_continue;

// A stack of its own for the handlers, so a stack overflow can still restore the terminal.
static char alternate_stack[1 << 16];

void terminal_signals_save_mode(int descriptor) {
    if (tcgetattr(descriptor, &saved_mode) == 0) saved_descriptor = descriptor;
}

void terminal_signals_save_restore_bytes(const char *restore, size_t length) {
    if (length > sizeof restore_bytes) length = sizeof restore_bytes;
    memcpy(restore_bytes, restore, length);
    restore_length = length;
}

/// Gives the terminal back: the saved mode, then the bytes that leave the alternate screen.
static void restore_terminal(void) {
    if (saved_descriptor >= 0) {
        size_t written = 0;
        while (written < restore_length) {
            ssize_t count = write(saved_descriptor, restore_bytes + written, restore_length - written);
            if (count < 0 && errno == EINTR) continue;
            if (count <= 0) break;
            written += (size_t)count;
        }
        // TCSANOW: waiting for output to drain could block for ever on a stalled link.
        tcsetattr(saved_descriptor, TCSANOW, &saved_mode);
    }
}

static void record(int number) {
    if (pending_signal == number) {
        // Asked twice while the program was busy: do not wait any longer.
        restore_terminal();
        _exit(128 + number);
    }
    pending_signal = number;
}

static void record_continue(int number) { (void)number; continued = 1; }

static void on_fatal(int number) {
    int saved_errno = errno;
    restore_terminal();
    // Then the default action ends the process (with a core dump where enabled): the signal
    // raised here is delivered when this handler returns, and a fault that returns happens
    // again. Not the Swift runtime's backtracer: on a terminal it waits for a key press.
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(number, &action, NULL);
    raise(number);
    errno = saved_errno;
}

static void set(int number, void (*handler)(int), int flags, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = flags;
    sigemptyset(&action.sa_mask);
    sigaction(number, &action, previous);
}

void terminal_signals_install(void) {
    if (installed) return;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    sigaltstack(&stack, NULL);
    // No SA_RESTART: a blocked poll or read returns at once, so the session sees the signal.
    for (size_t index = 0; index < COUNT(terminating); index++) {
        set(terminating[index], record, SA_ONSTACK, &previous_terminating[index]);
    }
    for (size_t index = 0; index < COUNT(fatal); index++) {
        set(fatal[index], on_fatal, SA_ONSTACK, &previous_fatal[index]);
    }
    set(SIGCONT, record_continue, SA_ONSTACK, &previous_continue);
    sigset_t wanted;
    sigemptyset(&wanted);
    for (size_t index = 0; index < COUNT(terminating); index++) sigaddset(&wanted, terminating[index]);
    for (size_t index = 0; index < COUNT(fatal); index++) sigaddset(&wanted, fatal[index]);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    installed = 1;
}

void terminal_signals_uninstall(void) {
    if (!installed) return;
    for (size_t index = 0; index < COUNT(terminating); index++) sigaction(terminating[index], &previous_terminating[index], NULL);
    for (size_t index = 0; index < COUNT(fatal); index++) sigaction(fatal[index], &previous_fatal[index], NULL);
    sigaction(SIGCONT, &previous_continue, NULL);
    installed = 0;
}

int terminal_signals_take(void) {
    int number = pending_signal;
    pending_signal = 0;
    return number;
}

int terminal_signals_take_continued(void) {
    int value = continued;
    continued = 0;
    return value;
}
