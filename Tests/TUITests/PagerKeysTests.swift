import Testing
@testable import TUI

/// Keys as less and vim have them: q closes the view it is pressed in, the
/// lesson pages with PgDn/PgUp, Space/f/b and Ctrl-D/Ctrl-U, Home and End (G)
/// go to its top and end, and only n and p move panels.
@Suite struct PagerKeysTests {
    @Test(arguments: [Key.character("?"), .character("c"), .character("C")])
    func qClosesTheViewItIsPressedIn(_ open: Key) {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(open)
        #expect(h.state.overlay != nil)
        #expect(h.press(.character("q")) == [])
        #expect(h.state.overlay == nil)
        #expect(h.state.finishing == nil)
    }

    @Test func qClosesTheSensitivityView() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("s"))
        guard case .sensitivity = h.state.overlay else { Issue.record("s did not open the sensitivity view"); return }
        h.press(.character("q"))
        #expect(h.state.overlay == nil)
        #expect(h.state.finishing == nil)
    }

    @Test func qQuitsFromThePanelsAndTypesInTheList() {
        var h = Harness(120, 40)
        h.press(.character("g"), .character("q"))
        guard case let .panelList(query, _) = h.state.overlay else { Issue.record("the panel list closed on q"); return }
        #expect(query.text == "q")
        h.press(.escape)
        #expect(h.press(.character("q")) == [.quit(status: nil)])
    }

    @Test func pageKeysPageTheLessonAndOnlyNAndPMovePanels() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let panel = h.state.current
        h.press(.pageDown)
        #expect(h.state.current == panel)
        #expect(h.state.panel?.lessonScroll == 34)
        h.press(.pageUp)
        #expect(h.state.panel?.lessonScroll == 0)
        h.press(.control("d"))
        #expect(h.state.panel?.lessonScroll == 17)
        h.press(.control("u"))
        #expect(h.state.panel?.lessonScroll == 0)
        h.press(.character("n"))
        #expect(h.state.current == panel + 1)
        h.press(.character("p"))
        #expect(h.state.current == panel)
    }

    @Test func endAndHomeGoToTheEndAndTheTopAndAKeyBackAlwaysMoves() {
        var h = Harness(100, 30)
        h.open("fanout-one-author")
        let limit = h.state.lessonScrollLimit
        #expect(limit > 10)
        h.press(.character("G"))
        #expect(h.state.panel?.lessonScroll == limit)
        #expect(h.lines.contains { $0.contains(" end ") })
        // Further down stays at the end; one line up is one line up.
        h.press(.character("j"), .pageDown, .control("d"))
        #expect(h.state.panel?.lessonScroll == limit)
        h.press(.character("k"))
        #expect(h.state.panel?.lessonScroll == limit - 1)
        h.press(.home)
        #expect(h.state.panel?.lessonScroll == 0)
        h.press(.end)
        #expect(h.state.panel?.lessonScroll == limit)
        // g is still the panel list.
        h.press(.character("g"))
        guard case .panelList = h.state.overlay else { Issue.record("g no longer opens the panel list"); return }
    }

    @Test func helpSaysWhichKeysMovePanelsAndWhatQDoes() {
        var h = Harness(200, 60)
        h.press(.character("?"))
        let text = h.text
        #expect(text.contains("next panel (PgDn/PgUp page the focused pane)"))
        #expect(text.contains("top of the lesson (g is the panel list)"))
        #expect(text.contains("close this view, as in less"))
    }
}
