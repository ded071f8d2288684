#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether there is a person at a terminal.
public enum TerminalCheck {
    /// True when both stdin and stdout are terminals. Without one, the app
    /// says so and points at the headless commands instead of letting curses
    /// fail or read keys from a pipe.
    public static func isInteractive() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }
}
