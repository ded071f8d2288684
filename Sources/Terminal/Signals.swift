import CNcursesw

/// What a signal asks of the run loop.
public enum SignalEvent: Equatable, Sendable {
    /// SIGINT (Ctrl-C), SIGTERM or SIGHUP (terminal closed): save, then return from
    /// `CursesScreen.run` so the terminal is restored. The value is the signal number.
    case terminate(Int32)
    /// SIGTSTP (Ctrl-Z): save, then call `CursesScreen.suspend()`.
    case suspend
    /// Continued after a stop (ours or someone's SIGSTOP): redraw, and treat
    /// the wall-clock gap as time away (a practice clock should not count it).
    case resumed
}

/// The process's signal handlers and the flags they set.
///
/// Why not ncurses' own: its SIGINT/SIGTERM handler calls `endwin()` then
/// `_exit`, so the app never saves, and its SIGTSTP handler calls non
/// signal-safe functions. Ours only set flags (see `signals.h`); the loop
/// acts on them through `CursesScreen.readKey`.
///
/// Last-resort handlers for SIGILL and SIGTRAP (a Swift trap: index out of
/// range, `fatalError`), SIGSEGV, SIGBUS, SIGABRT and SIGFPE restore the
/// termios saved before curses started and write the terminal's reset
/// strings, then die of the same signal, so the exit status still tells
/// what happened. A second SIGINT/TERM/HUP arriving before the loop took
/// the first does the same: the loop is stuck, and the user gets the
/// terminal back anyway.
///
/// Every function is `@inline(never)`: the C flags are per object file (see
/// the one-file rule in `signals.h`), so no call may be copied out of this file.
enum Signals {
    /// Saves the terminal modes of `fd` and installs the handlers. Call before `newterm`.
    @inline(never) static func install(terminalFD fd: Int32) {
        wb_sig_install(fd, storage)
    }

    /// The handlers' saved termios, previous actions, reset string and
    /// alternate stack (see `signals.h` for why Swift allocates it). Never freed:
    /// a handler may run at any moment until the process ends.
    nonisolated(unsafe) private static let storage: UnsafeMutableRawPointer = {
        let size = wb_sig_storage_size()
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        return memory
    }()

    /// Puts back the handlers found by `install`.
    @inline(never) static func uninstall() {
        wb_sig_uninstall()
    }

    /// Replaces the xterm fallback with this terminal's own reset strings.
    /// Call after terminfo is loaded (after `newterm`).
    @inline(never) static func captureResetSequence() {
        wb_sig_capture_reset()
    }

    /// True when a handler has set a flag nobody has taken yet.
    @inline(never) static var hasPending: Bool { wb_sig_pending() != 0 }

    /// Takes one pending event, most urgent first: terminate, suspend, resumed.
    @inline(never) static func takePending() -> SignalEvent? {
        let signo = wb_sig_take_terminate()
        if signo != 0 { return .terminate(signo) }
        if wb_sig_take_tstp() != 0 { return .suspend }
        if wb_sig_take_cont() != 0 { return .resumed }
        return nil
    }

    /// Stops the process as Ctrl-Z would, and returns when it is continued.
    /// The caller must have handed the terminal back first (`endwin`).
    @inline(never) static func stopProcess() {
        wb_sig_stop_self()
        _ = wb_sig_take_cont()
    }

    /// The crash path's restore, without dying: for tests.
    @inline(never) static func restoreTerminalNow() {
        wb_sig_restore_terminal_now()
    }
}
