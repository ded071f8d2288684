import Calculators
import Foundation
import Testing
import Trainer
@testable import TUI

/// A panel asking more than one estimate: asked in order, each hidden until
/// its own reveal, each scored and recorded on its own.
@Suite struct SeveralEstimatesTests {
    static let text = """
        ---
        id: two-asks
        minutes: "42-44"
        title: "Two numbers on one panel"
        calculator: fanout
        estimate:
          - result: push.write_time
            question: "1M followers at 10K writes/s: how long does push take?"
          - result: hybrid.writes
            question: "Pushing only to the 1 % who are active: how many writes?"
        ---
        # Two numbers
        """

    static func practising() throws -> Harness {
        let library = LessonLibrary.load([[.init(name: "Lessons/two.md", text: text)]])
        #expect(library.problems.isEmpty)
        var h = Harness(120, 40, library: library)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: true, notices: []))
        h.press(.character("t"))
        h.open("two-asks")
        _ = try #require(h.state.panel)
        return h
    }

    @Test func theEstimatesAreAskedInOrderEachHiddenUntilItsReveal() throws {
        var h = try Self.practising()
        #expect(h.state.currentEstimateIndex == 0)
        #expect(h.state.hiddenResults.asked == ["push.write_time", "hybrid.writes"])
        #expect(h.text.contains("Estimate 1 of 2:"))
        #expect(h.text.contains("Estimate 2 of 2:"))
        #expect(h.text.contains("asked once the one above is revealed"))

        h.press(.character("e"))
        h.type("90")
        h.press(.enter)
        #expect(h.state.session[lesson: "two-asks"][guess: 0].value == 90)
        #expect(h.state.session[lesson: "two-asks"][guess: 1] == PanelRecord.Guess())
        let first = h.press(.character("v"))
        guard case let .recordAttempt(a)? = first.first else { Issue.record("no attempt: \(first)"); return }
        #expect(a.resultKey == "push.write_time")
        #expect(a.question == "1M followers at 10K writes/s: how long does push take?")
        #expect(h.state.notice?.text.contains("e: the next estimate (1 more)") == true)
        // The first is shown; the second is still kept back.
        #expect(h.state.currentEstimateIndex == 1)
        #expect(h.state.hiddenResults.asked == ["hybrid.writes"])
        #expect(h.state.estimateTruth?.key == "hybrid.writes")
        #expect(h.state.estimateOutcomes.map { $0?.score } == [.good, nil])

        // The box opens empty for the second, in its own unit.
        h.press(.character("e"))
        #expect(h.state.overlay == .estimate(LineEditor("", prefilled: false)))
        h.type("100")
        h.press(.enter)
        let second = h.press(.character("v"))
        guard case let .recordAttempt(b)? = second.first else { Issue.record("no attempt: \(second)"); return }
        #expect(b.resultKey == "hybrid.writes")
        #expect(b.guess == 100)
        #expect(h.state.currentEstimateIndex == nil)
        #expect(h.state.hiddenResults.isEmpty)
        #expect(h.state.estimateOutcomes.map { $0?.score } == [.good, .off])
        h.press(.character("e"))
        #expect(h.state.overlay == nil)
        #expect(h.state.notice?.text == "All 2 estimates answered: good, off")
    }

    @Test func theSummaryAndExportCountEveryEstimate() throws {
        var h = try Self.practising()
        h.press(.character("v"), .character("y"))
        h.press(.character("e"))
        h.type("10K")
        h.press(.enter)
        h.press(.character("v"))
        let summary = SessionSummary(h.state.session, lessons: h.state.panels.map(\.lesson))
        let panel = try #require(summary.panels.first { $0.lesson.id == "two-asks" })
        #expect(panel.estimates.map(\.resultKey) == ["push.write_time", "hybrid.writes"])
        #expect(panel.estimates.map(\.score) == [.off, .good])
        #expect(summary.estimates.total == 2)
        let md = SessionExport.markdown(h.state.session, lessons: h.state.panels.map(\.lesson), finishedAt: 200,
                                        timeZone: TimeZone(identifier: "UTC")!)
        #expect(md.contains("### Estimates"))
        #expect(md.contains("Estimate on Two numbers on one panel, push write time: revealed without a guess"))
    }
}
