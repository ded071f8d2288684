import Testing
@testable import TUI

/// The footer shows whole hints only, most needed first: at 80 columns the row
/// ends before the first hint that does not fit instead of cutting it ("x e…").
@Suite struct HintBarTests {
    @Test func atEightyColumnsTheLessonRowEndsOnAWholeHint() {
        let h = Harness(80, 24)
        #expect(h.lines[23] == " ? help  q quit  j/k scroll  / search  n/p panel  g list  t clock  N notes")
    }

    @Test func atEightyColumnsTheCalculatorRowEndsOnAWholeHint() {
        var h = Harness(80, 24)
        h.open("monthly-bill")
        h.press(.tab)
        #expect(h.lines[23] == " ? help  q quit  j/k select  +/- step  Enter type  r reset  u undo  c claims")
    }

    @Test func atOneHundredTwentyColumnsMoreWholeHintsShow() {
        var h = Harness(120, 40)
        h.open("monthly-bill")
        h.press(.tab)
        #expect(h.lines[39] == " ? help  q quit  j/k select  +/- step  Enter type  r reset  u undo  c claims  H/L ×10  s sensitivity  = solve")
    }

    /// On every panel, either pane, while searching too: each hint on the row is
    /// one of the keymap's, whole, and they are its first ones in order.
    @Test(arguments: [(80, 24), (120, 40)])
    func everyRowIsAPrefixOfTheHintsInOrder(_ cols: Int, _ rows: Int) {
        var h = Harness(cols, rows)
        for i in h.state.panels.indices {
            _ = h.state.update(.goToPanel(i))
            for searching in [false, true] {
                if searching { h.press(.character("/")); h.type("the"); h.press(.enter) }
                for focus in [Focus.lesson, .calculator] where focus == .lesson || h.state.panel?.inputs != nil {
                    h.state.focus = focus
                    let row = h.lines[rows - 1]
                    #expect(!row.contains("…"), "panel \(i) \(focus) searching \(searching): \(row)")
                    let shown = row.dropFirst().components(separatedBy: "  ")
                    let all = Keymap.hints(for: h.state.keyContexts, offer: h.state.offer)
                    #expect(Array(all.prefix(shown.count)) == shown, "panel \(i) \(focus): \(row)")
                    // The next hint would not have fitted.
                    if shown.count < all.count {
                        #expect(TextWidth.columns(of: row + "  " + all[shown.count]) > cols, "panel \(i): \(row)")
                    }
                }
                if searching { h.press(.escape) }
            }
        }
    }
}
