import Testing
@testable import TUI

/// A grid of `cols` x `rows` after `draw`, for one-line test cases.
private func grid(_ cols: Int, _ rows: Int = 1, _ draw: (inout Grid) -> Void) -> Grid {
    var g = Grid(size: Size(cols: cols, rows: rows))
    draw(&g)
    return g
}

@Suite struct GridPutTests {
    @Test func plainTextAndReturnedAdvance() {
        var g = Grid(size: Size(cols: 6, rows: 2))
        let n = g.put("abc", x: 1, y: 1)
        #expect(n == 3)
        #expect(g.lines == ["", " abc"])
        #expect(g.styleLines == ["", ""])
    }

    @Test func styleIsStoredPerCell() {
        let g = grid(6) { $0.put("ab", x: 0, y: 0, style: .bold); $0.put("cd", x: 3, y: 0, style: .reverse) }
        #expect(g.lines == ["ab cd"])
        #expect(g.styleLines == ["BB.RR"])
    }

    @Test func clipsAtTheRightEdgeButReportsFullWidth() {
        var g = Grid(size: Size(cols: 4, rows: 1))
        #expect(g.put("abcdef", x: 2, y: 0) == 6)
        #expect(g.lines == ["  ab"])
    }

    @Test func clipRectIsAHardEdge() {
        let g = grid(6) { $0.put("hello", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1)) }
        #expect(g.lines == [" ell"])
    }

    @Test func clipRectOnAnotherRowHidesEverything() {
        let g = grid(6, 2) { $0.put("hello", x: 0, y: 0, clip: Rect(x: 0, y: 1, width: 6, height: 1)) }
        #expect(g.lines == ["", ""])
    }

    @Test func negativeStartShowsTheVisibleTail() {
        let g = grid(4) { $0.put("abcdef", x: -3, y: 0) }
        #expect(g.lines == ["def"])
    }

    @Test func extremeCoordinatesNeverTrap() {
        var g = Grid(size: Size(cols: 3, rows: 2))
        g.put("abc", x: Int.max, y: 0)
        g.put("abc", x: Int.min, y: 0)
        g.put("abc", x: 0, y: Int.max)
        g.put("abc", x: 0, y: Int.min)
        g.put("abc", x: Int.max - 1, y: Int.max - 1, clip: Rect(x: Int.max - 2, y: Int.max - 2, width: Int.max, height: Int.max))
        g.fill(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max), with: "x")
        g.applyStyle(.bold, to: Rect(x: Int.max, y: 0, width: Int.max, height: 1))
        #expect(g.lines == ["", ""])
        #expect(g[Int.max, Int.min] == .blank)
        #expect(g[-1, 0] == .blank)
    }

    @Test func zeroByZeroAndOneByOne() {
        var empty = Grid(size: Size(cols: 0, rows: 0))
        #expect(empty.put("abc", x: 0, y: 0) == 3)
        empty.fill(empty.bounds, with: "#")
        empty.applyStyle(.reverse, to: Rect(x: 0, y: 0, width: 5, height: 5))
        #expect(empty.lines == [])
        #expect(empty.styleLines == [])
        #expect(empty.changes(since: nil) == [])
        #expect(Grid(size: Size(cols: -3, rows: -1)).size == Size(cols: 0, rows: 0))

        let one = grid(1) { $0.put("漢", x: 0, y: 0, style: .bold) }
        #expect(one.lines == [""])          // a space: the glyph cannot fit
        #expect(one.styleLines == ["B"])
        #expect(grid(1) { $0.put("xy", x: 0, y: 0) }.lines == ["x"])
    }

    @Test func controlBytesAreShownNotSent() {
        let g = grid(20, 3) {
            $0.put("\u{1B}[2J", x: 0, y: 0)
            $0.put("a\u{9B}31mb\u{07}", x: 0, y: 1)
            $0.put("\u{1B}]52;c;eA==\u{07}", x: 0, y: 2)
        }
        #expect(g.lines == ["^[[2J", #"a\x9b31mb^G"#, "^[]52;c;eA==^G"])
        for y in 0..<3 { for x in 0..<20 { #expect(!g[x, y].text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) } }
    }

    @Test func tabsBecomeOneSpace() {
        #expect(grid(8) { $0.put("a\tb", x: 0, y: 0) }.lines == ["a b"])
    }

    @Test func standaloneZeroWidthIsDroppedAndCombiningStaysAttached() {
        let g = grid(6) { $0.put("\u{301}e\u{301}x\u{200B}y", x: 0, y: 0) }
        #expect(g.lines == ["e\u{301}xy"])
        #expect(g[0, 0].text == "e\u{301}")
        #expect(g[0, 0].width == 1)
    }
}

@Suite struct GridWideTests {
    @Test func wideGlyphsTakeTwoCells() {
        let g = grid(6) { $0.put("漢字", x: 0, y: 0, style: .reverse) }
        #expect(g.lines == ["漢字"])
        #expect(g.styleLines == ["RRRR"])
        #expect(g[0, 0] == Cell(text: "漢", width: 2, style: .reverse))
        #expect(g[1, 0] == Cell(text: "", width: 0, style: .reverse))
    }

    @Test func emojiIsWide() {
        var g = Grid(size: Size(cols: 6, rows: 1))
        #expect(g.put("🚀a", x: 0, y: 0) == 3)
        #expect(g[2, 0].text == "a")
    }

    @Test func wideGlyphCrossingTheRightEdgeBecomesASpace() {
        let g = grid(6) { $0.put("漢字", x: 3, y: 0, style: .bold) }
        #expect(g.lines == ["   漢"])
        #expect(g.styleLines == ["...BBB"])
        #expect(g[5, 0] == Cell(text: " ", width: 1, style: .bold))
    }

    @Test func wideGlyphCrossingTheLeftClipEdgeBecomesASpace() {
        let g = grid(6) { $0.put("漢字", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 5, height: 1)) }
        #expect(g.lines == ["  字"])
        #expect(g[1, 0] == .blank)
        #expect(g[2, 0].text == "字")
    }

    @Test func wideGlyphAtNegativeX() {
        let g = grid(4) { $0.put("漢a", x: -1, y: 0, style: .dim) }
        #expect(g.lines == [" a"])
        #expect(g.styleLines == ["DD"])
    }

    @Test func overwritingTheLeftHalfBlanksTheRightHalf() {
        var g = grid(6) { $0.put("漢字", x: 0, y: 0, style: .bold) }
        g.put("x", x: 0, y: 0)
        #expect(g.lines == ["x 字"])
        #expect(g.styleLines == [".BBB"])
        #expect(g[1, 0] == Cell(text: " ", width: 1, style: .bold))
    }

    @Test func overwritingTheRightHalfBlanksTheLeftHalf() {
        var g = grid(6) { $0.put("漢字", x: 0, y: 0) }
        g.put("x", x: 1, y: 0)
        #expect(g.lines == [" x字"])
        g.put("y", x: 2, y: 0)
        #expect(g.lines == [" xy"])
        #expect(g[3, 0] == .blank)
    }

    @Test func wideOverWideOffByOne() {
        var g = grid(6) { $0.put("漢字", x: 0, y: 0) }
        g.put("🚀", x: 1, y: 0)
        #expect(g.lines == [" 🚀"])
        #expect((0..<6).map { g[$0, 0].width } == [1, 2, 0, 1, 1, 1])
    }

    @Test func invariantHoldsAfterRandomishWrites() {
        var g = Grid(size: Size(cols: 7, rows: 1))
        let texts = ["漢字", "a", "🚀b", "字", "xyz", "漢"]
        for i in 0..<60 { g.put(texts[i % texts.count], x: (i * 5) % 9 - 1, y: 0) }
        for x in 0..<7 {
            let c = g[x, 0]
            if c.width == 2 { #expect(g[x + 1, 0].width == 0) }
            if c.width == 0 { #expect(x > 0 && g[x - 1, 0].width == 2) }
        }
        #expect(g[6, 0].width != 2)
    }
}

@Suite struct GridFillAndStyleTests {
    @Test func fillClipsToTheGrid() {
        let g = grid(4, 3) { $0.fill(Rect(x: 2, y: 1, width: 9, height: 9), with: "#", style: .dim) }
        #expect(g.lines == ["", "  ##", "  ##"])
        #expect(g.styleLines == ["", "..DD", "..DD"])
    }

    @Test func fillWithWideCharacterLeavesAnOddSpace() {
        let g = grid(5) { $0.fill($0.bounds, with: "漢") }
        #expect(g.lines == ["漢漢"])
        #expect(g[4, 0] == .blank)
    }

    @Test func fillWithAControlCharacterFillsSpaces() {
        let g = grid(3) { $0.put("abc", x: 0, y: 0); $0.fill($0.bounds, with: "\u{1B}", style: .reverse) }
        #expect(g.lines == [""])
        #expect(g.styleLines == ["RRR"])
    }

    @Test func fillOverHalfAGlyphBlanksTheOtherHalf() {
        var g = grid(4) { $0.put("漢字", x: 0, y: 0) }
        g.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: "-")
        #expect(g.lines == [" --"])
        #expect(g[0, 0] == .blank && g[3, 0] == .blank)
    }

    @Test func applyStyleKeepsTextAndCoversWholeGlyphs() {
        var g = grid(6) { $0.put("a漢b", x: 0, y: 0) }
        g.applyStyle(.reverse, to: Rect(x: 2, y: 0, width: 1, height: 1))
        #expect(g.lines == ["a漢b"])
        #expect(g.styleLines == [".RR"])
        g.applyStyle(Style(color: .bad), to: Rect(x: 3, y: 0, width: 9, height: 1))
        #expect(g.styleLines == [".RRCCC"])
        #expect(g.colorLines == ["...bbb"])
    }

    @Test func styleLetterPrecedence() {
        #expect(Style(bold: true, reverse: true, dim: true, underline: true, color: .bad).letter == "R")
        #expect(Style(bold: true, dim: true, underline: true, color: .bad).letter == "B")
        #expect(Style(dim: true, underline: true, color: .bad).letter == "U")
        #expect(Style(dim: true, color: .bad).letter == "D")
        #expect(Style(color: .muted).letter == "C")
        #expect(Style.plain.letter == ".")
    }
}

@Suite struct GridLinesTests {
    @Test func linesFactoryMeasuresColumns() {
        let g = Grid(lines: ["ab", "漢字!", ""])
        #expect(g.size == Size(cols: 5, rows: 3))
        #expect(g.lines == ["ab", "漢字!", ""])
        #expect(Grid(lines: []).size == Size(cols: 0, rows: 0))
        #expect(Grid(lines: ["\u{1B}x"]).lines == ["^[x"])
        #expect(Grid(lines: ["\u{1B}x"]).size.cols == 3)
    }

    @Test func gridsCompareByCells() {
        var g = Grid(size: Size(cols: 5, rows: 3))
        g.put("ab", x: 0, y: 0)
        g.put("漢字!", x: 0, y: 1)
        #expect(g == Grid(lines: ["ab", "漢字!", ""]))
        g.applyStyle(.bold, to: Rect(x: 4, y: 2, width: 1, height: 1))
        #expect(g != Grid(lines: ["ab", "漢字!", ""]))
        #expect(g.text == "ab\n漢字!\n")
    }

    @Test func trailingSpacesAreTrimmedButInnerOnesKept() {
        #expect(Grid(lines: ["  a  b   "]).lines == ["  a  b"])
    }
}
