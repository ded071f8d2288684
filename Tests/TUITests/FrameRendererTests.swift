import Testing
import PropertyBased
import Trainer
@testable import TUI

@Suite struct DrawsSameScreenTests {
    @Test func anIdleTickDrawsTheSameScreen() {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        let before = h.state
        _ = h.state.update(.ticked(at: 103.5))
        #expect(h.state != before)
        #expect(h.state.session[lesson: h.state.panel!.lesson.id].seconds > before.session[lesson: h.state.panel!.lesson.id].seconds)
        #expect(h.state.drawsSameScreen(as: before))
        #expect(Screen.render(h.state) == Screen.render(before))
    }

    @Test func aKeyOrARunningClockDrawsAnotherScreen() {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        let before = h.state
        h.press(.character("n"))
        #expect(!h.state.drawsSameScreen(as: before))

        _ = h.state.update(.toggleClock)
        let running = h.state
        _ = h.state.update(.ticked(at: 101.2))
        #expect(!h.state.drawsSameScreen(as: running))
    }
}

/// The renderer a run loop keeps draws exactly what `Screen.render` draws from
/// scratch, frame after frame, whatever it reused.
@Suite struct FrameRendererTests {
    /// Renders every state of a key sequence both ways and compares them cell for cell.
    static func check(_ keys: [Key], cols: Int, rows: Int, display: DisplayOptions = DisplayOptions(),
                      sourceLocation: SourceLocation = #_sourceLocation) {
        var h = Harness(cols, rows, display: display)
        var renderer = FrameRenderer()
        #expect(renderer.render(h.state) == Screen.render(h.state), sourceLocation: sourceLocation)
        for (n, key) in keys.enumerated() {
            _ = h.state.update(.ticked(at: 10 + Double(n) * 0.7))
            if key == .resize { h.resize(cols - n % 7, rows + n % 3) } else { h.press(key) }
            let drawn = renderer.render(h.state)
            let fresh = Screen.render(h.state)
            #expect(drawn == fresh, "after key \(n) (\(key))", sourceLocation: sourceLocation)
            #expect(drawn.styleLines == fresh.styleLines && drawn.colorLines == fresh.colorLines, sourceLocation: sourceLocation)
        }
    }

    @Test func stepsScrollsAndPanelChangesDrawWhatAFreshRenderDraws() {
        let keys: [Key] = [.tab, .character("+"), .character("+"), .character("j"), .character("-"), .tab,
                           .character("j"), .character("j"), .character("k"), .pageDown, .character("n"),
                           .character("+"), .character("p"), .character("t"), .character("1"), .character("2"),
                           .character("c"), .escape, .character("?"), .escape, .character("g"), .character("3"),
                           .enter, .resize, .character("j"), .tab, .character("L"), .character("u")]
        Self.check(keys, cols: 200, rows: 60)
        Self.check(keys, cols: 120, rows: 40)
        Self.check(keys, cols: 80, rows: 24, display: DisplayOptions(unicode: false, color: false))
    }

    @Test func notesTicksAndEstimatesRedrawTheLesson() {
        let keys: [Key] = [.character("n"), .character("n"), .character("1"), .character("N"), .character("a"),
                           .character("漢"), .character("🚀"), .escape, .character("t"), .character("e"),
                           .character("5"), .enter, .character("2"), .character("1"), .tab, .character("+")]
        Self.check(keys, cols: 160, rows: 50)
    }

    @Test func randomKeysDrawWhatAFreshRenderDraws() async {
        let keys = Gen.int(in: 0...(FuzzTests.pool.count - 1)).array(of: 1...30)
        await propertyCheck(count: 40, input: keys, Gen.int(in: 60...200), Gen.int(in: 20...60)) { indices, cols, rows in
            Self.check(indices.map { FuzzTests.pool[$0] }, cols: cols, rows: rows)
        }
    }
}

@Suite struct PackedGridTests {
    @Test func clustersCompareByTextWhateverTheirIndex() {
        var a = Grid(size: Size(cols: 6, rows: 1)), b = Grid(size: Size(cols: 6, rows: 1))
        a.put("\u{1100}\u{1161}", x: 0, y: 0); a.put("e\u{301}", x: 3, y: 0)
        b.put("e\u{301}", x: 3, y: 0); b.put("\u{1100}\u{1161}", x: 0, y: 0)
        #expect(a == b)
        #expect(a.changes(since: b).isEmpty)
        #expect(a[0, 0] == Cell(text: "\u{1100}\u{1161}", width: 2, style: .plain))
        #expect(a[3, 0].text == "e\u{301}")
        b.put("\u{1100}\u{1162}", x: 3, y: 0)
        #expect(a != b)
        #expect(b.changes(since: a).map(\.x) == [3, 4])
        #expect(b.lines == ["\u{1100}\u{1161} \u{1100}\u{1162}"])
    }

    @Test func everyStyleSurvivesPacking() {
        for bold in [false, true] { for reverse in [false, true] { for dim in [false, true] { for underline in [false, true] {
            for color in [nil] + Color.allCases {
                let style = Style(bold: bold, reverse: reverse, dim: dim, underline: underline, color: color)
                var g = Grid(size: Size(cols: 2, rows: 1))
                g.put("x", x: 0, y: 0, style: style)
                g.put("é", x: 1, y: 0, style: style)
                #expect(g[0, 0].style == style && g[1, 0].style == style)
            }
        } } } }
    }
}

@Suite struct LoneScalarFastPathTests {
    static let alphabet = ["a", " ", "é", "e\u{301}", "漢", "ｱ", "🚀", "━", "→", "…", "×", "µ", "\u{FE0F}", "\u{FE0E}",
                           "👩‍💻", "🇫🇷", "\u{1B}", "\u{AD}", "가", "\u{1161}", "✓", "❤", "☕", "⏸", "\u{200B}", "\u{7F}"]

    /// Widths and cells from the scalar fast paths agree with grapheme-by-grapheme measuring.
    @Test func fastPathsAgreeWithGraphemes() async {
        let picks = Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...12)
        await propertyCheck(count: 300, input: picks) { indices in
            let s = indices.map { Self.alphabet[$0] }.joined()
            #expect(TextWidth.columns(of: s) == s.reduce(0) { $0 + TextWidth.columns(of: $1) }, "\(s.unicodeScalars.map(\.value))")
            let safe = TextWidth.sanitized(s)
            var whole = Grid(size: Size(cols: 40, rows: 1)), pieces = Grid(size: Size(cols: 40, rows: 1))
            let advanced = whole.put(s, x: 1, y: 0, style: .bold)
            var x = 1
            for character in safe { x += pieces.put(String(character), x: x, y: 0, style: .bold) }
            #expect(advanced == x - 1)
            #expect(whole == pieces, "\(s.unicodeScalars.map(\.value))")
        }
    }
}

/// The calculator pane redrawn row by row (its frame and unchanged rows copied from the
/// frame before) draws what a fresh render draws, across edits, scrolls, focus, zoom,
/// estimates and resizes, on panels with tables, charts, notes and simulations.
@Suite struct CalculatorRowMemoTests {
    static let keys: [Key] = [.tab, .character("+"), .character("-"), .character("j"), .character("L"), .character("k"),
                              .pageDown, .character("+"), .character("e"), .character("5"), .enter, .character("+"),
                              .character("v"), .character("-"), .tab, .character("+"), .tab, .character("z"),
                              .character("+"), .resize, .character("-"), .character("u"), .character("G"), .character("+")]

    static func check(_ id: String, cols: Int, rows: Int, display: DisplayOptions = DisplayOptions(),
                      sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var h = Harness(cols, rows, display: display)
        h.open(id)
        var renderer = FrameRenderer()
        #expect(renderer.render(h.state) == Screen.render(h.state), sourceLocation: sourceLocation)
        var rowPaths = 0
        for (n, key) in keys.enumerated() {
            if key == .resize { h.resize(cols + 7, rows + 3) } else { h.press(key) }
            let drawn = renderer.render(h.state)
            let fresh = Screen.render(h.state)
            #expect(drawn == fresh, "\(id) \(cols)x\(rows) after key \(n) (\(key))", sourceLocation: sourceLocation)
            #expect(drawn.styleLines == fresh.styleLines && drawn.colorLines == fresh.colorLines,
                    "\(id) \(cols)x\(rows) styles after key \(n) (\(key))", sourceLocation: sourceLocation)
            if renderer.memo.calculatorRowsRedrawn != nil { rowPaths += 1 }
        }
        return rowPaths
    }

    @Test func rowByRowEqualsAFreshRenderAtEverySize() {
        var rowPaths = Self.check("fanout-one-author", cols: 200, rows: 60)
        rowPaths += Self.check("fanout-one-author", cols: 120, rows: 40)
        rowPaths += Self.check("fanout-one-author", cols: 100, rows: 30, display: DisplayOptions(unicode: false, color: false))
        _ = Self.check("fanout-one-author", cols: 80, rows: 24)
        #expect(rowPaths > 0, "the row-by-row path never ran")
    }

    @Test(arguments: ["fanout-population", "cache-memory", "technical-debt", "cdn-vs-origin", "database-failover"])
    func rowByRowEqualsAFreshRenderOnOtherPanels(_ id: String) {
        #expect(Self.check(id, cols: 160, rows: 50) > 0, "\(id): the row-by-row path never ran")
    }

    @Test func aStepRedrawsOnlyTheRowsThatChanged() throws {
        var h = Harness(200, 60)
        h.open("fanout-one-author")
        h.press(.tab)
        var renderer = FrameRenderer()
        _ = renderer.render(h.state)
        h.press(.character("+"))
        let drawn = renderer.render(h.state)
        #expect(drawn == Screen.render(h.state))
        let redrawn = try #require(renderer.memo.calculatorRowsRedrawn)
        let rect = try #require(h.state.layout.calculator)
        #expect(redrawn > 0)
        #expect(redrawn < rect.height - 2)
    }
}
