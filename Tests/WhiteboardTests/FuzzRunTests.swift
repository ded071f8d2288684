import Testing
import TUI
@testable import WhiteboardFuzz

/// A short run of the fuzzer (`.ci/run` runs a million messages in release).
@Suite struct FuzzRunTests {
    @Test func fiveThousandMessagesHoldEveryInvariant() throws {
        var fuzzer = Fuzzer(seed: 7)
        let report = try fuzzer.run(messages: 5_000, renderEvery: 4, compareEvery: 16)
        #expect(report.messages == 5_000)
        // Every kind of message was sent, and many frames were checked.
        #expect(report.resizes > 150 && report.pastes > 150 && report.ticks > 500 && report.suspends > 40)
        #expect(report.mouse > 150)
        #expect(report.quits > 5 && report.renders > 1_250)
    }

    @Test func theSameSeedMakesTheSameRun() throws {
        var a = Fuzzer(seed: 42), b = Fuzzer(seed: 42)
        #expect(try a.run(messages: 2_000, renderEvery: 50) == b.run(messages: 2_000, renderEvery: 50))
        #expect(a.state == b.state)
    }

    @Test func aBrokenInvariantIsReportedWithTheMessageNumber() throws {
        var fuzzer = Fuzzer(seed: 1)
        _ = try fuzzer.run(messages: 10, renderEvery: 1)
        // A scroll out of bounds is caught (the check can fail).
        fuzzer.state.panels[fuzzer.state.current].lessonScroll = -3
        #expect(throws: Fuzzer.Failure.self) { try fuzzer.check(render: false, twice: false) }
    }
}
