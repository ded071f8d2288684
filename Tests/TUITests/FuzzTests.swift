import PropertyBased
import Testing
@testable import TUI

/// Random key sequences at random sizes: the app never traps, the view is a
/// function of the state (the same state draws the same grid), and the
/// selection stays inside the panel.
@Suite struct FuzzTests {
    static let pool: [Key] = [
        .character("n"), .character("p"), .character("g"), .tab, .backTab, .character("j"), .character("k"),
        .up, .down, .left, .right, .character("+"), .character("-"), .character("H"), .character("L"),
        .enter, .escape, .character("r"), .character("R"), .character("c"), .character("?"), .character("x"),
        .character("t"), .character("e"), .character("N"), .character("1"), .character("5"), .character("9"),
        .character("q"), .character("y"), .character("0"), .character("."), .character("e"), .character("M"),
        .backspace, .delete, .home, .end, .pageUp, .pageDown, .character(" "), .character("漢"),
        .character("\u{1B}"), .character("🚀"), .control("a"), .control("e"), .function(1), .resize,
    ]

    @Test func randomKeysAtRandomSizesNeverTrap() async {
        let keys = Gen.int(in: 0...(Self.pool.count - 1)).array(of: 1...40)
        await propertyCheck(count: 100, input: keys, Gen.int(in: 0...200), Gen.int(in: 0...70)) { indices, cols, rows in
            var h = Harness(cols, rows, library: Harness.bundled)
            var last = h.grid
            for (n, i) in indices.enumerated() {
                _ = h.state.update(.ticked(at: Double(n)))
                h.press(Self.pool[i])
                last = h.grid
                if let panel = h.state.panel, !panel.visibleParameters.isEmpty {
                    #expect(panel.selected < panel.visibleParameters.count)
                }
                #expect(h.state.current < max(1, h.state.pageCount))
            }
            // Where the keys left it, the same state (and a copy of it) draws the same cells and styles.
            let copy = h.state
            #expect(Screen.render(copy) == last)
            #expect(Screen.render(h.state) == last)
        }
    }
}
