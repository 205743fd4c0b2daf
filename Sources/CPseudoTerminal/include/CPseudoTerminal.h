#ifndef C_PSEUDO_TERMINAL_H
#define C_PSEUDO_TERMINAL_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new session on a new pseudo-terminal of the given
/// size (its standard input, output and error). Returns the child's pid and stores the
/// master side in `*master`; returns -1 with errno set on failure.
pid_t pty_spawn(const char *path, char *const argv[], char *const envp[],
                int width, int height, int *master);

/// Sets the terminal size seen through `master`; the kernel signals SIGWINCH to the child.
int pty_resize(int master, int width, int height);

#endif
