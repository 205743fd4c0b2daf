// Pseudo-terminals for the benchmark: posix_openpt and POSIX_SPAWN_SETSID need feature macros
// that Swift's Glibc module does not set.
#define _GNU_SOURCE
#include "CPseudoTerminal.h"
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int pty_resize(int master, int width, int height) {
    struct winsize size = { .ws_row = (unsigned short)height, .ws_col = (unsigned short)width };
    return ioctl(master, TIOCSWINSZ, &size);
}

pid_t pty_spawn(const char *path, char *const argv[], char *const envp[],
                int width, int height, int *master) {
    int fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (grantpt(fd) != 0 || unlockpt(fd) != 0 || pty_resize(fd, width, height) != 0) { close(fd); return -1; }
    const char *slave = ptsname(fd);
    if (slave == NULL) { close(fd); return -1; }
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    // A new session first, so opening the slave makes it the child's controlling terminal.
    sigset_t empty;
    sigemptyset(&empty);
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK);
    posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0);
    posix_spawn_file_actions_adddup2(&actions, 0, 1);
    posix_spawn_file_actions_adddup2(&actions, 0, 2);
    pid_t pid = -1;
    int status = posix_spawn(&pid, path, &actions, &attributes, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (status != 0) { close(fd); return -1; }
    *master = fd;
    return pid;
}
