import SnapshotTesting
import Testing
import Trainer
@testable import TUI

/// The "changed" view (`C`): every value moved, here and across the session, beside the lesson's.
@Suite struct ChangedViewTests {
    @Test func listsThisPanelFirstThenEveryOtherPanelWithTheLessonsValues() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("L"))
        h.open("storage-tiers")
        h.press(.tab, .down, .character("+"))
        h.press(.character("C"))
        guard case .changed = h.state.overlay else { Issue.record("no changed view: \(String(describing: h.state.overlay))"); return }
        let text = h.lines.joined(separator: "\n")
        #expect(text.contains("Values you moved"))
        #expect(text.contains("Other panels this session"))
        // The fan-out panel: 10M followers, lesson 1,000,000.
        let fanout = h.lines.first { $0.contains("followers") && $0.contains("lesson") }
        #expect(fanout?.contains("10,000,000") == true)
        #expect(fanout?.contains("lesson 1,000,000") == true)
        // This panel's section comes before the others'.
        let here = h.lines.firstIndex { $0.contains(h.state.panel!.lesson.title) } ?? .max
        let others = h.lines.firstIndex { $0.contains("Other panels this session") } ?? -1
        #expect(here < others)
        // Esc and q close it, as in less; j scrolls it like the help.
        h.press(.escape)
        #expect(h.state.overlay == nil)
    }

    @Test func withNothingMovedItSaysHowValuesMove() {
        var h = Harness(80, 24)
        h.press(.character("C"))
        #expect(h.lines.joined(separator: " ").contains("No value moved yet"))
    }

    @Test func aResumedSessionListsWhatWasMovedBeforeTheRestart() {
        var first = Harness(120, 40)
        first.open("fanout-one-author")
        first.press(.tab, .character("L"))
        var h = Harness(120, 40)
        h.state.restore(first.state.session)
        h.open("storage-tiers")
        h.press(.character("C"))
        #expect(h.lines.contains { $0.contains("followers") && $0.contains("10,000,000") && $0.contains("lesson 1,000,000") })
    }

    @Test func undoingTheChangeTakesItOffTheList() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("L"), .character("u"), .character("C"))
        #expect(h.lines.joined(separator: " ").contains("No value moved yet"))
    }

    @Test func snapshots() {
        for (cols, rows) in [(80, 24), (120, 40), (200, 60)] {
            var h = Harness(cols, rows)
            h.open("fanout-one-author")
            h.press(.tab, .character("L"), .down, .character("+"))
            h.open("storage-tiers")
            h.press(.tab, .down, .character("+"), .character("C"))
            assertSnapshot(of: h.grid, as: .screen, named: "\(cols)x\(rows)")
        }
    }
}
