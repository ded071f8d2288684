import SnapshotTesting
import Testing
@testable import TUI

/// The calculator pane scrolls when its results, claims and charts are taller than
/// the window (the parameters stay put), paged by the keys that page the lesson;
/// `z` gives the focused pane the whole window and back, as lazygit does.
@Suite struct CalculatorScrollTests {
    @Test func pageKeysPageTheFocusedCalculatorAndItsParametersStay() {
        var h = Harness(120, 40)
        h.open("monthly-bill")
        h.press(.tab)
        let limit = h.state.calculatorScrollLimit
        #expect(limit > 0)
        // Charts are no longer cut to "… N more rows": the pane scrolls to them.
        #expect(!h.text.contains("more rows"))
        h.press(.pageDown)
        let page = h.state.calculatorPage
        #expect(h.state.panel?.calculatorScroll == min(page, limit))
        #expect(h.state.panel?.lessonScroll == 0)
        #expect(h.text.contains("▸ daily active users"))
        h.press(.character("G"))
        #expect(h.state.panel?.calculatorScroll == limit)
        #expect(h.lines[37].contains(" end "))
        // Further down stays at the end; a key back up always moves.
        h.press(.character(" "), .character("f"), .control("d"))
        #expect(h.state.panel?.calculatorScroll == limit)
        h.press(.control("u"))
        #expect(h.state.panel?.calculatorScroll == limit - max(1, page / 2))
        h.press(.character("b"))
        #expect(h.state.panel?.calculatorScroll == max(0, limit - max(1, page / 2) - page))
        h.press(.home)
        #expect(h.state.panel?.calculatorScroll == 0)
        h.press(.end)
        #expect(h.state.panel?.calculatorScroll == limit)
        // j/k still choose parameters.
        h.press(.character("j"))
        #expect(h.state.panel?.selected == 1)
    }

    @Test func atEightyColumnsPagingShowsTheClaimsBelow() {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.tab)
        let claims = h.state.panel!.claimChecks.count
        let shownBefore = h.lines.filter { $0.contains("✓ ") || $0.contains("✗ ") }.count
        #expect(shownBefore < claims)
        h.press(.pageDown)
        let shownAfter = h.lines.filter { $0.contains("✓ ") || $0.contains("✗ ") }.count
        #expect(shownAfter > shownBefore)
    }

    @Test func withTheLessonFocusedPageKeysStillPageTheLesson() {
        var h = Harness(120, 40)
        h.open("monthly-bill")
        h.press(.pageDown)
        #expect(h.state.panel!.lessonScroll > 0)
        #expect(h.state.panel?.calculatorScroll == 0)
    }

    @Test func zZoomsTheFocusedPaneAndBack() {
        var h = Harness(120, 40)
        h.open("monthly-bill")
        h.press(.tab, .character("z"))
        #expect(h.state.zoomed)
        #expect(h.state.layout.lesson == nil)
        #expect(h.state.layout.calculator?.width == 120)
        #expect(h.lines[1].contains("Monthly bill · z: both panes"))
        // Tab swaps the zoomed pane; the calculator off screen takes no calculator keys.
        h.press(.tab)
        #expect(h.state.layout.calculator == nil)
        #expect(h.lines[1].contains("Lesson · z: both panes"))
        h.press(.character("+"))
        #expect(h.state.panel?.isChanged == false)
        #expect(h.state.notice == Notice(.info, "Tab to the calculator to change values"))
        h.press(.character("z"))
        #expect(!h.state.zoomed)
        #expect(h.state.layout.lesson != nil && h.state.layout.calculator != nil)
    }

    @Test func zSaysSoWhereEachPaneHasTheWindowAlready() {
        var h = Harness(80, 24)
        h.open("monthly-bill")
        h.press(.character("z"))
        #expect(!h.state.zoomed)
        #expect(h.state.notice == Notice(.info, "At this width each pane has the whole window already: Tab switches"))
    }

    @Test func aZoomKeptThroughANarrowWindowEndsOnZThere() {
        var h = Harness(120, 40)
        h.open("monthly-bill")
        h.press(.tab, .character("z"))
        h.resize(80, 24)
        // At 80 columns one pane is shown anyway: the title says Tab, not z.
        #expect(h.lines[1].contains("Monthly bill · Tab: lesson"))
        h.press(.character("z"))
        #expect(!h.state.zoomed)
        #expect(h.state.notice == Notice(.info, "Zoom off: at this width each pane has the whole window, Tab switches"))
        h.resize(120, 40)
        #expect(h.state.layout.lesson != nil && h.state.layout.calculator != nil)
        // Kept zoomed through the narrow window, it is still zoomed when wide again.
        h.press(.character("z"))
        h.resize(80, 24)
        h.resize(120, 40)
        #expect(h.state.layout.lesson == nil)
        #expect(h.lines[1].contains("Monthly bill · z: both panes"))
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func snapshots(_ cols: Int, _ rows: Int) {
        var h = Harness(cols, rows)
        h.open("monthly-bill")
        h.press(.tab, .pageDown)
        assertSnapshot(of: h.grid, as: .screen, named: "\(cols)x\(rows)")
    }

    @Test func zoomedSnapshot() {
        var h = Harness(200, 60)
        h.open("monthly-bill")
        h.press(.tab, .character("z"))
        assertSnapshot(of: h.grid, as: .screen, named: "200x60")
    }
}
