import Testing
import Trainer
@testable import TUI

/// Section ends and 10:00: a cue on the status line, the bell unless quiet,
/// and at time-up the question whether to export.
@Suite struct ClockCueTests {
    @Test func aSectionsEndRingsOnceAndSaysWhereToGo() {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        h.press(.character("t"))
        #expect(h.state.update(.ticked(at: 159)).contains(.bell) == false)
        #expect(h.state.update(.ticked(at: 160.5)).contains(.bell))
        #expect(h.state.notice == Notice(.info, "Minutes 41-42: the section's 1:00 are up · move on to 42-44 (n)"))
        #expect(h.text.contains("the section's 1:00 are up"))
        #expect(h.state.update(.ticked(at: 170)).contains(.bell) == false)
    }

    @Test func tenMinutesAskToExportAndTheStartedNoticeIsGone() {
        var h = Harness(120, 40)
        h.open("wrap-up")
        _ = h.state.update(.ticked(at: 100))
        h.press(.character("t"))
        #expect(h.text.contains("Practice clock started"))
        for t in stride(from: 101.0, through: 699, by: 1) { _ = h.state.update(.ticked(at: t)) }
        #expect(h.state.overlay == nil)
        let effects = h.state.update(.ticked(at: 700))
        #expect(effects.contains(.bell))
        #expect(h.state.overlay == .confirm(.exportAtTimeUp))
        #expect(!h.text.contains("started"))
        #expect(h.text.contains("Ten minutes are up. Export the session now?"))
        #expect(h.press(.character("y")) == [.export(h.state.savableSession, lessons: h.state.panels.map(\.lesson))])
    }

    @Test func quietShowsTheCuesWithoutTheBell() {
        var h = Harness(120, 40)
        h.state = AppState(library: Harness.bundled, size: Size(cols: 120, rows: 40), quiet: true)
        _ = h.state.update(.ticked(at: 100))
        h.press(.character("t"))
        #expect(h.state.update(.ticked(at: 161)).contains(.bell) == false)
        #expect(h.state.notice?.text.hasPrefix("Minutes 41-42") == true)
        #expect(h.state.update(.ticked(at: 701)).contains(.bell) == false)
        #expect(h.state.notice?.text.hasPrefix("10:00: time is up") == true)
    }

    @Test func aPausedClockThatOutlivesTheStartedNoticeTakesItDown() {
        var h = Harness(120, 40)
        h.open("wrap-up")
        _ = h.state.update(.ticked(at: 100))
        h.press(.character("t"))
        // Paused by the world (a stop), not by a key: the notice is still up.
        _ = h.state.update(.suspended(at: 130))
        _ = h.state.update(.ticked(at: 400))
        #expect(h.state.notice?.text.hasPrefix("Practice clock started") == true)
        _ = h.state.update(.ticked(at: 700))
        #expect(h.state.notice == nil)
    }
}
