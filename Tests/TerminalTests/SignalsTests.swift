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

    /// Every signal whose default would end the process (but the crash ones)
    /// becomes a terminate event: the loop saves and restores the terminal.
    @Test(arguments: [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGSYS, SIGVTALRM, SIGPROF, SIGXCPU, SIGPOLL,
                      SIGPWR, SIGSTKFLT, 34, 40, 64])  // glibc: real-time signals run from 34 to 64
    func everyTerminatingSignalIsCaught(_ signo: Int32) {
        Signals.install(terminalFD: STDIN_FILENO)
        defer { Signals.uninstall() }
        raise(signo)
        #expect(Signals.takePending() == .terminate(signo))
    }

    @Test func aFileSizeLimitOrAClosedPipeIsAnErrorNotADeath() throws {
        Signals.install(terminalFD: STDIN_FILENO)
        defer { Signals.uninstall() }
        for signo in [SIGXFSZ, SIGPIPE] {
            raise(signo)   // ignored: the process goes on, the write that caused it fails with EFBIG or EPIPE
            #expect(!Signals.hasPending)
            var old = sigaction()
            sigaction(signo, nil, &old)
            #expect(unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
        }
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
