import Foundation
import Testing
import Trainer
@testable import TUI

/// `A` opens the calibration view: it reads the history, then shows the bias
/// by kind, the trend session by session and what a drill asks first.
@Suite struct CalibrationViewTests {
    static func a(_ session: String, _ lesson: String, _ key: String, _ kind: QuantityKind,
                  guess: Double?, truth: Double, day: Double) -> AttemptRecord {
        AttemptRecord(sessionID: session, lessonID: lesson, resultKey: key, question: "q", kind: kind, unit: "",
                      truth: truth, guess: guess, parameters: [:], secondsTaken: nil, date: 1_700_000_000 + day * 86_400)
    }

    /// Money guessed 4× and 2× low, then 8× and 2× low; one time 10× high.
    static let attempts = [
        a("s1", "monthly-bill", "per_dau.yearly", .money, guess: 25, truth: 100, day: 0),
        a("s1", "cdn-vs-origin", "with_cdn.bandwidth", .money, guess: 50, truth: 100, day: 0),
        a("s2", "monthly-bill", "per_dau.yearly", .money, guess: 12.5, truth: 100, day: 1),
        a("s2", "cdn-vs-origin", "with_cdn.bandwidth", .money, guess: 50, truth: 100, day: 1),
        a("s2", "queue-lag", "drain_time", .latency, guess: 1000, truth: 100, day: 1),
    ]

    static func opened() -> Harness {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: true, notices: []))
        return h
    }

    @Test func theKeyReadsTheHistoryAndTheViewShowsBiasTrendAndWhatToDrill() {
        var h = Self.opened()
        #expect(h.press(.character("A")) == [.loadAttempts])
        #expect(h.state.overlay == .calibration(scroll: 0))
        #expect(h.text.contains("Reading the history"))
        _ = h.state.update(.attemptsLoaded(.success(Self.attempts)))
        let summary = h.state.history.calibration
        #expect(summary?.attempts == 5)
        #expect(summary?.calibration?.kinds.map(\.kind) == [.money, .latency])
        let text = h.text
        #expect(text.contains("Calibration · Esc closes"))
        #expect(text.contains("you underestimate money by 2.8×"))
        #expect(text.contains("you overestimate"))
        #expect(text.contains("pulling most: monthly-bill/per_dau.yearly"))
        #expect(text.contains("Drill next"))
        // The misses come first: the bill's 8× low and the queue's 10× high.
        let next = summary?.drillNext.map(\.title) ?? []
        #expect(next.count == 3)
        #expect(text.contains("1. " + (next.first ?? "?")))
        h.press(.character("q"))
        #expect(h.state.overlay == nil)
    }

    @Test func withoutTheDatabaseItSaysSoAndAFailedReadIsShown() {
        var h = Harness(120, 40)
        _ = h.state.update(.historyOpened(available: false, notices: []))
        #expect(h.press(.character("A")) == [])
        #expect(h.text.contains("History not read: the history database is not open."))
        h.press(.escape)
        var g = Self.opened()
        g.press(.character("A"))
        _ = g.state.update(.attemptsLoaded(.failure(StorageFailure("disk I/O error"))))
        #expect(g.text.contains("History not read: disk I/O error."))
        #expect(g.state.drill == nil)
    }

    @Test func anEmptyHistorySaysHowToStart() {
        var h = Self.opened()
        h.press(.character("A"))
        _ = h.state.update(.attemptsLoaded(.success([])))
        #expect(h.text.contains("No estimates with a guess yet"))
        #expect(h.text.contains("Drill next"))
        // Each item's reason and its wrapped lines sit under its text, not under its number.
        #expect(h.text.contains("│    new: never answered"))
        #expect(h.text.contains("for how long? N=3"))
    }
}
