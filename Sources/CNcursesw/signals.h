#ifndef WHITEBOARD_CNCURSESW_SIGNALS_H
#define WHITEBOARD_CNCURSESW_SIGNALS_H
/* Signal handling state and handlers, in C because a handler may only touch
   volatile sig_atomic_t flags and call async-signal-safe functions
   (tcsetattr, write, sigaction, raise), which Swift cannot promise.

   ONE-FILE RULE. Everything below is `static`: every object file that calls
   these functions gets its own private copy of the flags. So only
   Sources/Terminal/Signals.swift may call wb_sig_* (its functions are
   @inline(never) so the optimizer cannot copy a call into another file),
   and everyone else goes through that Swift type. A separate C target would
   avoid the rule at the cost of another package target; one file is enough. */

static volatile sig_atomic_t wb_sig_terminate_signo = 0;
static volatile sig_atomic_t wb_sig_tstp_flag = 0;
static volatile sig_atomic_t wb_sig_cont_flag = 0;
static volatile sig_atomic_t wb_sig_have_termios = 0;
static int wb_sig_tty_fd = 0;
static volatile sig_atomic_t wb_sig_reset_len = 0;
static int wb_sig_is_installed = 0;

/* Arrays and structs live in memory the Swift side allocates once and never
   frees (wb_sig_install's `storage`, wb_sig_storage_size() bytes, zeroed):
   Swift emits a header's static scalars, but neither file-scope aggregates
   nor function-local statics (both end in undefined references at link). */
#define WB_SIG_RESET_CAPACITY 512
/* One saved action per signal number, real-time signals included (Linux: up to 64). */
#define WB_SIG_SLOTS 65
#define WB_SIG_ALTSTACK_SIZE (1 << 16)
typedef struct wb_sig_storage {
    struct termios saved;
    struct sigaction previous[WB_SIG_SLOTS];
    char reset[WB_SIG_RESET_CAPACITY];
    char altstack[WB_SIG_ALTSTACK_SIZE];
    sigset_t previous_mask;
} wb_sig_storage;
static wb_sig_storage *volatile wb_sig_store = 0;
static inline size_t wb_sig_storage_size(void) { return sizeof(wb_sig_storage); }

/* Used until terminfo is loaded, and when it lacks the capabilities:
   attributes off, keypad local, cursor visible, leave the alternate screen,
   bracketed paste off. */
static const char wb_sig_fallback_reset[] = "\033[0m\033[?1l\033>\033[?25h\033[?1049l\033[?2004l\033[?1006l\033[?1000l";

static inline int wb_sig_take(volatile sig_atomic_t *flag) {
    return __atomic_exchange_n(flag, 0, __ATOMIC_SEQ_CST);
}

/* Puts the terminal back as it was before curses started: the termios saved
   before initscr, then the terminfo strings that undo curses' output modes. */
static inline void wb_sig_restore_terminal(void) {
    if (wb_sig_store == NULL) return;
    if (wb_sig_have_termios) tcsetattr(wb_sig_tty_fd, TCSANOW, &wb_sig_store->saved);
    if (wb_sig_reset_len > 0) {
        ssize_t ignored = write(STDOUT_FILENO, wb_sig_store->reset, (size_t)wb_sig_reset_len);
        (void)ignored;
    }
}

/* Restore, then die of the same signal, so the exit status still says what
   happened (a shell prints "Illegal instruction", a parent sees WTERMSIG). */
static inline void wb_sig_die(int signo) {
    wb_sig_restore_terminal();
    struct sigaction dfl;
    dfl.sa_handler = SIG_DFL;
    dfl.sa_flags = 0;
    sigemptyset(&dfl.sa_mask);
    sigaction(signo, &dfl, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(signo);
}

static void wb_sig_on_crash(int signo) { wb_sig_die(signo); }

/* A first terminating signal (INT, TERM, HUP, QUIT, ...) only sets the flag: the loop saves, restores, exits.
   A second one before the loop took the first means the loop is stuck; then
   the user still gets their terminal back. */
static void wb_sig_on_terminate(int signo) {
    if (wb_sig_terminate_signo != 0) { wb_sig_die(signo); return; }
    wb_sig_terminate_signo = signo;
}

static void wb_sig_on_tstp(int signo) { (void)signo; wb_sig_tstp_flag = 1; }
static void wb_sig_on_cont(int signo) { (void)signo; wb_sig_cont_flag = 1; }

static inline void wb_sig_set(int signo, void (*handler)(int), int flags) {
    struct sigaction sa;
    sa.sa_handler = handler;
    sa.sa_flags = flags;   /* no SA_RESTART: a signal must interrupt the blocking read */
    sigfillset(&sa.sa_mask);
    if (signo <= 0 || signo >= WB_SIG_SLOTS) return;
    sigaction(signo, &sa, &wb_sig_store->previous[signo]);
}

/* Every signal whose default action ends the process and that a program may
   catch, but the crash signals (handled apart, they cannot wait for the loop)
   and XFSZ (ignored, so a write past `ulimit -f` fails with EFBIG and is
   reported): each one saves, restores the terminal and exits 128 + n.
   QUIT is Ctrl-\; PIPE and the rest arrive from `kill` or a parent. */
/* (A function, not an array: Swift does not emit a header's file-scope arrays.) */
static inline int wb_sig_terminator(unsigned i) {
    switch (i) {
    case 0: return SIGINT;
    case 1: return SIGTERM;
    case 2: return SIGHUP;
    case 3: return SIGQUIT;
    case 4: return SIGUSR1;
    case 5: return SIGUSR2;
    case 6: return SIGALRM;
    case 7: return SIGSYS;
    case 8: return SIGVTALRM;
    case 9: return SIGPROF;
    case 10: return SIGXCPU;
#ifdef SIGPOLL
    case 11: return SIGPOLL;
#endif
#ifdef SIGPWR
    case 12: return SIGPWR;
#endif
#ifdef SIGSTKFLT
    case 13: return SIGSTKFLT;
#endif
    default: return 0;
    }
}
#define WB_SIG_TERMINATOR_COUNT 14u

/* Real-time signals end the process by default too. */
static inline int wb_sig_rt_min(void) {
#ifdef SIGRTMIN
    return SIGRTMIN;
#else
    return 0;
#endif
}
static inline int wb_sig_rt_max(void) {
#ifdef SIGRTMAX
    return SIGRTMAX < WB_SIG_SLOTS ? SIGRTMAX : WB_SIG_SLOTS - 1;
#else
    return -1;
#endif
}

/* Installs the terminate handler on `signo` unless the parent ignored it. */
static inline void wb_sig_set_terminator(int signo) {
    if (signo <= 0 || signo >= WB_SIG_SLOTS) return;
    struct sigaction *previous = &wb_sig_store->previous[signo];
    sigaction(signo, NULL, previous);
    if (previous->sa_handler != SIG_IGN) wb_sig_set(signo, wb_sig_on_terminate, 0);
}

/* Saves the terminal's modes from `tty_fd` (call before initscr changes them)
   and installs every handler. Must run before initscr/newterm: ncurses only
   installs its own INT/TERM/TSTP handlers (endwin + _exit, which skip our
   save) where it finds the default disposition. */
static inline void wb_sig_install(int tty_fd, void *storage) {
    if (wb_sig_is_installed || storage == NULL) return;
    wb_sig_store = (wb_sig_storage *)storage;
    wb_sig_is_installed = 1;
    wb_sig_tty_fd = tty_fd;
    wb_sig_have_termios = tcgetattr(tty_fd, &wb_sig_store->saved) == 0;
    memcpy(wb_sig_store->reset, wb_sig_fallback_reset, sizeof wb_sig_fallback_reset - 1);
    wb_sig_reset_len = (sig_atomic_t)(sizeof wb_sig_fallback_reset - 1);
    /* A stack overflow is a SIGSEGV with no stack left to run a handler on. */
    stack_t ss;
    ss.ss_sp = wb_sig_store->altstack;
    ss.ss_size = WB_SIG_ALTSTACK_SIZE;
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
    wb_sig_terminate_signo = 0; wb_sig_tstp_flag = 0; wb_sig_cont_flag = 0;
    /* A signal the parent chose to ignore stays ignored: `nohup` ignores HUP,
       and shells start background jobs with INT ignored. */
    for (unsigned i = 0; i < WB_SIG_TERMINATOR_COUNT; ++i) wb_sig_set_terminator(wb_sig_terminator(i));
    for (int signo = wb_sig_rt_min(); signo > 0 && signo <= wb_sig_rt_max(); ++signo) wb_sig_set_terminator(signo);
    /* Past `ulimit -f` a write fails with EFBIG (reported, temporary file
       removed) instead of the process dying with the alternate screen up. */
    {
        struct sigaction ignore;
        ignore.sa_handler = SIG_IGN;
        ignore.sa_flags = 0;
        sigemptyset(&ignore.sa_mask);
        sigaction(SIGXFSZ, &ignore, &wb_sig_store->previous[SIGXFSZ]);
        sigaction(SIGPIPE, &ignore, &wb_sig_store->previous[SIGPIPE]);
    }
    wb_sig_set(SIGTSTP, wb_sig_on_tstp, 0);
    wb_sig_set(SIGCONT, wb_sig_on_cont, 0);
    int crashes[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; ++i)
        wb_sig_set(crashes[i], wb_sig_on_crash, SA_ONSTACK);
    /* A blocked mask is inherited across exec (some launchers and test
       runners block INT/TERM): unblock ours on this thread, or Ctrl-C would
       stay pending forever. */
    sigset_t ours;
    sigemptyset(&ours);
    int wanted[] = { SIGTSTP, SIGCONT, SIGWINCH };
    for (unsigned i = 0; i < sizeof wanted / sizeof wanted[0]; ++i) sigaddset(&ours, wanted[i]);
    for (unsigned i = 0; i < WB_SIG_TERMINATOR_COUNT; ++i) if (wb_sig_terminator(i) > 0) sigaddset(&ours, wb_sig_terminator(i));
    for (int signo = wb_sig_rt_min(); signo > 0 && signo <= wb_sig_rt_max(); ++signo) sigaddset(&ours, signo);
    pthread_sigmask(SIG_UNBLOCK, &ours, &wb_sig_store->previous_mask);
}

/* Puts back whatever handlers were there before wb_sig_install. */
static inline void wb_sig_uninstall(void) {
    if (!wb_sig_is_installed) return;
    int others[] = { SIGTSTP, SIGCONT, SIGXFSZ, SIGPIPE, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof others / sizeof others[0]; ++i)
        sigaction(others[i], &wb_sig_store->previous[others[i]], NULL);
    for (unsigned i = 0; i < WB_SIG_TERMINATOR_COUNT; ++i)
        if (wb_sig_terminator(i) > 0) sigaction(wb_sig_terminator(i), &wb_sig_store->previous[wb_sig_terminator(i)], NULL);
    for (int signo = wb_sig_rt_min(); signo > 0 && signo <= wb_sig_rt_max(); ++signo)
        sigaction(signo, &wb_sig_store->previous[signo], NULL);
    pthread_sigmask(SIG_SETMASK, &wb_sig_store->previous_mask, NULL);
    wb_sig_is_installed = 0;
    wb_sig_reset_len = 0;
    wb_sig_have_termios = 0;
}

/* After terminfo is loaded: the terminal's own strings to undo curses
   (sgr0, rmkx, cnorm, rmcup), so the crash path does not assume xterm. */
static inline void wb_sig_capture_reset(void) {
    if (wb_sig_store == NULL) return;
    static const char *caps[] = { "sgr0", "rmkx", "cnorm", "rmcup" };
    char buf[WB_SIG_RESET_CAPACITY];
    size_t len = 0;
    for (unsigned i = 0; i < sizeof caps / sizeof caps[0]; ++i) {
        char *s = tigetstr((char *)caps[i]);
        if (s == NULL || s == (char *)-1) continue;
        size_t n = strlen(s);
        if (len + n >= sizeof buf) break;
        memcpy(buf + len, s, n);
        len += n;
    }
    if (len == 0) return;
    /* Bracketed paste is ours (CursesScreen turns it on), not terminfo's; so is
       xterm's mouse reporting, which curses turns off only in endwin. */
    const char paste_off[] = "\033[?2004l\033[?1006l\033[?1000l";
    if (len + sizeof paste_off - 1 < sizeof buf) {
        memcpy(buf + len, paste_off, sizeof paste_off - 1);
        len += sizeof paste_off - 1;
    }
    wb_sig_reset_len = 0;              /* a handler never sees a half-copied string */
    memcpy(wb_sig_store->reset, buf, len);
    wb_sig_reset_len = (sig_atomic_t)len;
}

static inline int wb_sig_take_terminate(void) { return wb_sig_take(&wb_sig_terminate_signo); }
static inline int wb_sig_take_tstp(void) { return wb_sig_take(&wb_sig_tstp_flag); }
static inline int wb_sig_take_cont(void) { return wb_sig_take(&wb_sig_cont_flag); }
static inline int wb_sig_pending(void) {
    return wb_sig_terminate_signo != 0 || wb_sig_tstp_flag != 0 || wb_sig_cont_flag != 0;
}

/* Stops the process the way the default SIGTSTP would, after curses has let
   go of the terminal; returns once the shell continues it. In an orphaned
   process group the kernel discards the stop and this returns at once. */
static inline void wb_sig_stop_self(void) {
    struct sigaction dfl, mine;
    dfl.sa_handler = SIG_DFL;
    dfl.sa_flags = 0;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &mine);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &mine, NULL);
    wb_sig_tstp_flag = 0;
}

/* For tests: run the crash path's restore without dying. */
static inline void wb_sig_restore_terminal_now(void) { wb_sig_restore_terminal(); }
#endif
