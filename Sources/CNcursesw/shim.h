#ifndef WHITEBOARD_CNCURSESW_SHIM_H
#define WHITEBOARD_CNCURSESW_SHIM_H
/* Wide-character curses: these must be defined before the include, or the
   cchar_t / wget_wch API is hidden. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncurses.h>
#include <locale.h>

/* Swift 6 rejects curses' mutable globals and cannot import its macros:
   each one is re-exported here as a static inline function. */
static inline WINDOW *wb_stdscr(void) { return stdscr; }
static inline int wb_lines(void) { return LINES; }
static inline int wb_cols(void) { return COLS; }
static inline int wb_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int wb_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline void wb_set_escdelay(int ms) { set_escdelay(ms); }
static inline attr_t wb_a_normal(void) { return A_NORMAL; }
static inline attr_t wb_a_bold(void) { return A_BOLD; }
static inline attr_t wb_a_reverse(void) { return A_REVERSE; }
static inline attr_t wb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t wb_a_dim(void) { return A_DIM; }
static inline int wb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int wb_key_resize(void) { return KEY_RESIZE; }
static inline int wb_err(void) { return ERR; }
static inline int wb_ok(void) { return OK; }
static inline int wb_lc_all(void) { return LC_ALL; }
#endif
