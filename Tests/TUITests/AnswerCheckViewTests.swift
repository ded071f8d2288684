import SnapshotTesting
import Testing
import Trainer
@testable import TUI

/// Typing notes and seeing them checked against the checklist, offline, beside the
/// manual ticks (which the check never sets).
@Suite struct AnswerCheckViewTests {
    @Test func typingNotesChecksThemAsTheyAreWritten() throws {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.character("N"))
        #expect(h.state.answerCheck == nil)
        h.type("Push: 1,000,000 writes, 100 seconds at 10K writes/s")
        let check = try #require(h.state.answerCheck)
        #expect(check.coveredCount == 1)
        #expect(check.items[0].matched == ["Push", "1,000,000 writes", "100 seconds", "10K writes/s"])
        #expect(h.text.contains("Notes cover 1/5 of the checklist"))
        // In the editor each row starts with the item's words, so the box hides no part of the checklist.
        #expect(h.text.contains(#"✓ 1 Names the anchoring number: 1M …  "Push" · "1,000,000 writes""#))
        #expect(h.text.contains("✗ 2 Gives the hybrid's price: ~2x s…  missing: hybrid, slower"))
        // One more phrase, typed: the check follows the draft.
        h.press(.enter)
        h.type("Hybrid reads ~2x slower, a second code path and a threshold")
        #expect(h.state.answerCheck?.coveredCount == 2)
        #expect(h.text.contains("Notes cover 2/5"))
        h.press(.escape)
        // Closed, the notes and their check sit at the end of the lesson pane.
        _ = h.state.update(.scrollLessonToEdge(end: true))
        #expect(h.text.contains("Notes cover 2/5 of the checklist"))
        #expect(h.state.answerCheck?.items[1].matched == ["Hybrid", "slower", "code path", "threshold", "2x"])
        #expect(h.text.contains("✓ 2 \"Hybrid\""))
        // The user's own ticks are theirs: the check sets none.
        #expect(h.state.session[lesson: "fanout-one-author"].ticked.isEmpty)
    }

    @Test func deletingTheNotesClearsTheCheck() {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.character("N"))
        h.type("hybrid")
        #expect(h.state.answerCheck != nil)
        for _ in 0..<6 { h.press(.backspace) }
        #expect(h.state.answerCheck == nil)
        #expect(!h.text.contains("Notes cover"))
    }

    @Test func theCheckFollowsThePanel() {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.character("N"))
        h.type("write amplification")
        h.press(.escape)
        #expect(h.state.answerCheck?.items.count == 5)
        h.press(.character("n"))
        #expect(h.state.answerCheck == nil)
    }

    @Test func whereBothPanesFitTheEditorTakesTheCalculatorsSideAndTheLessonStays() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("z"))
        #expect(h.state.layout.lesson == nil)
        h.press(.character("N"))
        // Zoomed on the calculator or not, the lesson and its checklist are beside the editor.
        let lesson = try #require(h.state.layout.lesson)
        #expect(lesson.x == 0 && lesson.width == 60)
        h.type("Hybrid: a threshold")
        #expect(h.text.contains("☐ 2 Gives the hybrid's price"))
        #expect(h.text.contains("┐┌ Notes: Fan-out"))
        // The lesson turned to the checklist; the editor's rows need not repeat its items.
        #expect(!h.text.contains("✗ 2 Gives"))
        #expect(h.text.contains("✗ 2 missing: slower, code path, 2x · has \"Hybrid\""))
        assertSnapshot(of: h.grid, as: .screen)
        h.press(.escape)
        #expect(h.state.zoomedInEffect)
        #expect(h.state.layout.lesson == nil)
    }

    @Test func theNotesEditorWithItsCheckAt80x24() {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.character("N"))
        h.type("Push: 1M writes, 100 s at 10K writes/s. Hybrid: threshold, 2x slower reads.")
        assertSnapshot(of: h.grid, as: .screen)
    }
}
