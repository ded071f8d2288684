import SnapshotTesting
import Testing
@testable import TUI

/// The screen as a user sees it, stored as text under __Snapshots__/.
/// Re-record after an intended change: SNAPSHOT_TESTING_RECORD=failed swift test.
@Suite struct ScreenSnapshotTests {
    @Test func firstPanelAt80x24() {
        let h = Harness(80, 24)
        assertSnapshot(of: h.grid, as: .screen, named: "80x24")
    }

    @Test func firstPanelAt160x50() {
        let h = Harness(160, 50)
        assertSnapshot(of: h.grid, as: .screen, named: "160x50")
    }

    @Test func fanOutPanelSideBySideAt120x40() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        assertSnapshot(of: h.grid, as: .screen, named: "120x40")
    }

    /// At 120 columns the lesson has half the width; at 200 it reads at its full
    /// measure and the calculator keeps the other half, its charts drawn to it.
    @Test func fanOutPanelSideBySideAt200x60() {
        var h = Harness(200, 60)
        h.open("fanout-one-author")
        assertSnapshot(of: h.grid, as: .screen, named: "200x60")
        let layout = h.state.layout
        #expect(layout.lesson?.width == 100)
        #expect(Harness(120, 40).state.layout.lesson.map { $0.width * 2 >= 120 } == true)
    }

    /// The lesson's text keeps a column of padding from the border on both sides.
    @Test func lessonTextKeepsAColumnFromTheBorder() {
        for (cols, rows) in [(80, 24), (120, 40), (200, 60)] {
            let h = Harness(cols, rows)
            guard let rect = h.state.layout.lesson else { Issue.record("no lesson pane"); continue }
            for y in (rect.y + 1)..<(rect.maxY - 1) {
                let row = Array(h.lines[y])
                guard row.count > rect.maxX - 1 else { continue }
                #expect(row[rect.x + 1] == " " && row[rect.maxX - 2] == " ", "\(cols)x\(rows) row \(y): \(h.lines[y])")
            }
        }
    }

    @Test func helpOverlay() {
        var h = Harness(100, 40)
        h.press(.character("?"))
        assertSnapshot(of: h.grid, as: .screen, named: "100x40")
    }

    @Test func tooSmallNotice() {
        let h = Harness(30, 8)
        assertSnapshot(of: h.grid, as: .screen, named: "30x8")
    }

    @Test func editedParameterRecomputesResultsAndClaims() {
        var h = Harness(80, 24)
        h.open("storage-tiers")
        h.press(.tab, .down, .character("+"))
        assertSnapshot(of: h.grid, as: .screen, named: "80x24")
    }

    @Test func asciiFallbackWithoutColour() {
        var h = Harness(100, 30, display: DisplayOptions(unicode: false, color: false))
        h.open("cap-partition")
        assertSnapshot(of: h.grid, as: .screen, named: "100x30")
    }
}

extension ScreenSnapshotTests {
    @Test func helpScrollsOnSmallScreensAndSplitsOnWideOnes() {
        var h = Harness(80, 24)
        h.press(.character("?"))
        // Page down until the last page (the key table grows with the keys; 12 pages is ample at 80x24).
        for _ in 0..<12 where !h.lines[1].contains("· end") { h.press(.character(" ")) }
        #expect(h.lines[1].contains("Keys · Esc or ? closes · end"))
        h.press(.character("?"))
        #expect(h.state.overlay == nil)
        var wide = Harness(160, 50)
        wide.press(.character("?"))
        assertSnapshot(of: wide.grid, as: .screen, named: "160x50")
    }
}
