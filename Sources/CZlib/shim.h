#ifndef STUDY_BROWSER_CZLIB_SHIM_H
#define STUDY_BROWSER_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call: this passes the header's version and
// struct size, as the macro does. 15 + 32: a 32 KiB window, and a gzip or zlib header
// detected from the first bytes.
static inline int study_browser_inflate_init(z_streamp stream) {
    return inflateInit2_(stream, 15 + 32, ZLIB_VERSION, (int)sizeof(z_stream));
}
#endif
