#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Terminal

/// Signal handlers are process-wide, so these run one at a time.
@Suite(.serialized) struct SignalsTests {
    @Test func terminateSignalsBecomeOneEventEach() {
        Signals.install(terminalFD: STDIN_FILENO)
        defer { Signals.uninstall() }
        #expect(Signals.takePending() == nil)
        raise(SIGTERM)
        #expect(Signals.hasPending)
        #expect(Signals.takePending() == .terminate(SIGTERM))
        #expect(Signals.takePending() == nil)
        raise(SIGHUP)
        #expect(Signals.takePending() == .terminate(SIGHUP))
        raise(SIGINT)
        #expect(Signals.takePending() == .terminate(SIGINT))
    }

    @Test func stopAndContinueAreReportedInOrderOfUrgency() {
        Signals.install(terminalFD: STDIN_FILENO)
        defer { Signals.uninstall() }
        raise(SIGCONT)
        raise(SIGTSTP)
        raise(SIGTERM)
        #expect(Signals.takePending() == .terminate(SIGTERM))
        #expect(Signals.takePending() == .suspend)
        #expect(Signals.takePending() == .resumed)
        #expect(!Signals.hasPending)
    }

    @Test func uninstallPutsBackThePreviousHandler() {
        signal(SIGHUP, SIG_IGN)
        Signals.install(terminalFD: STDIN_FILENO)
        Signals.uninstall()
        raise(SIGHUP)   // ignored again: the test process survives
        #expect(!Signals.hasPending)
        signal(SIGHUP, SIG_DFL)
    }

    #if os(Linux) || os(macOS)
    /// A Swift trap (SIGILL on x86-64, SIGTRAP on arm64) must still end the
    /// process by that signal after the handler restored the terminal.
    @Test func aTrapStillDiesOfItsSignalAfterRestoring() async {
        #if arch(x86_64)
        let trap = SIGILL
        #else
        let trap = SIGTRAP
        #endif
        await #expect(processExitsWith: .signal(trap)) {
            Signals.install(terminalFD: STDIN_FILENO)
            let empty: [Int] = []
            _ = empty[Int(getpid()) % 1 + 1]
        }
    }

    @Test func theCrashPathWritesTheResetSequence() async throws {
        let result = try await #require(processExitsWith: .signal(SIGSEGV), observing: [\.standardOutputContent]) {
            Signals.install(terminalFD: STDIN_FILENO)
            raise(SIGSEGV)
        }
        let output = String(decoding: result.standardOutputContent, as: UTF8.self)
        #expect(output.contains("\u{1B}[?25h"))
        #expect(output.contains("\u{1B}[?1049l"))
    }

    @Test func aSecondTerminateBeforeTheFirstWasTakenKills() async {
        await #expect(processExitsWith: .signal(SIGINT)) {
            Signals.install(terminalFD: STDIN_FILENO)
            raise(SIGINT)
            raise(SIGINT)
            sleep(5)
        }
    }
    #endif
}
