#ifndef WHITEBOARD_CNCURSESW_SHIM_H
#define WHITEBOARD_CNCURSESW_SHIM_H
/* Wide-character curses: these must be defined before the include, or the
   cchar_t / wget_wch API is hidden. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncurses.h>
#include <locale.h>
#include <langinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* SwiftPM does not see edits to this header (or signals.h) as a reason to
   recompile: after changing either, touch the Swift files that import it. */

/* Swift 6 rejects curses' mutable globals and cannot import its macros:
   each one is re-exported here as a static inline function. */
static inline WINDOW *wb_stdscr(void) { return stdscr; }
static inline WINDOW *wb_curscr(void) { return curscr; }
static inline int wb_lines(void) { return LINES; }
static inline int wb_cols(void) { return COLS; }
static inline int wb_colors(void) { return COLORS; }
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

/* Key codes KeyDecoder names as Swift constants; a test checks they agree. */
static inline int wb_key_up(void) { return KEY_UP; }
static inline int wb_key_down(void) { return KEY_DOWN; }
static inline int wb_key_left(void) { return KEY_LEFT; }
static inline int wb_key_right(void) { return KEY_RIGHT; }
static inline int wb_key_home(void) { return KEY_HOME; }
static inline int wb_key_end(void) { return KEY_END; }
static inline int wb_key_ppage(void) { return KEY_PPAGE; }
static inline int wb_key_npage(void) { return KEY_NPAGE; }
static inline int wb_key_backspace(void) { return KEY_BACKSPACE; }
static inline int wb_key_enter(void) { return KEY_ENTER; }
static inline int wb_key_btab(void) { return KEY_BTAB; }
static inline int wb_key_dc(void) { return KEY_DC; }
static inline int wb_key_f(int n) { return KEY_F(n); }
static inline int wb_key_a1(void) { return KEY_A1; }
static inline int wb_key_a3(void) { return KEY_A3; }
static inline int wb_key_c1(void) { return KEY_C1; }
static inline int wb_key_c3(void) { return KEY_C3; }

/* The mouse: the first button's press and the wheel (buttons 4 and 5 pressed),
   no motion, so the terminal keeps shift-drag for selecting text. */
static inline int wb_key_mouse(void) { return KEY_MOUSE; }
static inline unsigned long wb_button1_pressed(void) { return (unsigned long)BUTTON1_PRESSED; }
static inline unsigned long wb_button1_clicked(void) { return (unsigned long)BUTTON1_CLICKED; }
static inline unsigned long wb_button4_pressed(void) { return (unsigned long)BUTTON4_PRESSED; }
static inline unsigned long wb_button5_pressed(void) { return (unsigned long)BUTTON5_PRESSED; }
static inline unsigned long wb_button1_released(void) { return (unsigned long)BUTTON1_RELEASED; }

/* Asks curses for those events and reports them at once (no wait to tell a
   click from a press). Returns the events the terminal will report: 0 for none. */
static inline unsigned long wb_enable_mouse(void) {
    mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
    mmask_t got = mousemask(wanted, NULL);
    if (got != 0) mouseinterval(0);
    return (unsigned long)got;
}

/* The event a KEY_MOUSE announced: 0 (OK) with its cell and buttons, or ERR. */
static inline int wb_get_mouse(int *x, int *y, unsigned long *state) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *state = (unsigned long)event.bstate;
    return OK;
}

/* newterm instead of initscr: initscr prints "Error opening terminal" and
   exits the process when TERM is unknown; newterm returns NULL and lets us
   report it. The FILE pointers are C globals Swift 6 will not touch. */
static inline SCREEN *wb_newterm(void) { return newterm(NULL, stdout, stdin); }

/* Can the terminal place the cursor (terminfo cup)? `dumb` cannot. */
static inline int wb_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline int wb_color_pair(int n) { return (int)COLOR_PAIR(n); }

/* One cell: a spacing character plus any combining ones. setcchar keeps at
   most CCHARW_MAX characters and stops at a second spacing one, so an emoji
   ZWJ sequence shows its first emoji rather than corrupting the line. */
static inline int wb_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, text, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

/* The common case: a cell of one character. */
static inline int wb_put_char(WINDOW *w, int y, int x, wchar_t ch, attr_t attrs, short pair) {
    wchar_t text[2] = { ch, 0 };
    return wb_put_cell(w, y, x, text, attrs, pair);
}

static inline const char *wb_codeset(void) { return nl_langinfo(CODESET); }
static inline int wb_errno(void) { return errno; }
static inline void wb_clear_errno(void) { errno = 0; }
static inline int wb_eintr(void) { return EINTR; }

/* Is the terminal gone? After the other side of a pty closes (window closed,
   ssh dropped) reads return 0 or EIO forever, and poll reports HUP/ERR/NVAL:
   curses then answers every wget_wch with ERR at once, which a loop would
   take for a timeout and spin on. */
static inline int wb_input_hung_up(int fd) {
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    int n = poll(&p, 1, 0);
    if (n < 0) return errno == EINTR ? 0 : 1;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) ? 1 : 0;
}

/* A pipe another thread writes a byte to, to end a wait for input early (a
   run off the keystroke path finished): both ends non-blocking, closed on exec.
   Returns 0 on success. */
static inline int wb_wake_pipe(int *read_end, int *write_end) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        int flags = fcntl(fds[i], F_GETFL);
        fcntl(fds[i], F_SETFL, flags | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    *read_end = fds[0];
    *write_end = fds[1];
    return 0;
}

/* A full pipe already wakes the reader: a failed write is fine. */
static inline void wb_wake(int write_end) {
    char c = 1;
    ssize_t n = write(write_end, &c, 1);
    (void)n;
}

/* Waits up to timeout_ms for input on fd or a byte on wake (then drained).
   Returns when either is ready, the time is up, or a signal came. */
static inline void wb_wait_input(int fd, int wake, int timeout_ms) {
    struct pollfd p[2] = { { .fd = fd, .events = POLLIN, .revents = 0 },
                           { .fd = wake, .events = POLLIN, .revents = 0 } };
    if (poll(p, 2, timeout_ms) > 0 && (p[1].revents & POLLIN)) {
        char buf[64];
        while (read(wake, buf, sizeof buf) > 0) {}
    }
}

/* ioctl is variadic, which Swift cannot call. Returns 0 and the size on success. */
static inline int wb_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

static inline void wb_sleep_ms(int ms) {
    if (ms <= 0) return;
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

#include "signals.h"
#endif
