import Testing
@testable import TUI

@Suite struct GlyphsTests {
    private func boxed(_ cols: Int, _ rows: Int, _ rect: Rect, _ glyphs: Glyphs = .unicode, title: String? = nil) -> Grid {
        var g = Grid(size: Size(cols: cols, rows: rows))
        glyphs.box(rect, on: &g, style: .bold, title: title)
        return g
    }

    @Test func frameWithTitle() {
        let g = boxed(9, 3, Rect(x: 0, y: 0, width: 9, height: 3), title: "Log")
        #expect(g.lines == ["┌ Log ──┐", "│       │", "└───────┘"])
        #expect(g.styleLines == ["BBBBBBBBB", "B.......B", "BBBBBBBBB"])
    }

    @Test func asciiFrame() {
        let g = boxed(6, 3, Rect(x: 0, y: 0, width: 6, height: 3), .ascii, title: "Log")
        #expect(g.lines == ["+ Lo +", "|    |", "+----+"])
    }

    @Test func longTitleIsTruncated() {
        #expect(boxed(6, 2, Rect(x: 0, y: 0, width: 6, height: 2), title: "Lesson").lines == ["┌ L… ┐", "└────┘"])
        #expect(boxed(4, 2, Rect(x: 0, y: 0, width: 4, height: 2), title: "Lesson").lines == ["┌L…┐", "└──┘"])
    }

    @Test func titleIsSanitized() {
        #expect(boxed(12, 2, Rect(x: 0, y: 0, width: 12, height: 2), title: "\u{1B}]0;x").lines == ["┌ ^[]0;x ──┐", "└──────────┘"])
    }

    @Test func frameLeavesTheInsideAlone() {
        var g = Grid(lines: ["abcd", "efgh", "ijkl"])
        Glyphs.unicode.box(g.bounds, on: &g, style: .plain, title: nil)
        #expect(g.lines == ["┌──┐", "│fg│", "└──┘"])
    }

    @Test func tinyRects() {
        #expect(boxed(3, 3, Rect(x: 0, y: 0, width: 1, height: 1)).lines == ["┌", "", ""])
        #expect(boxed(3, 3, Rect(x: 0, y: 0, width: 2, height: 1)).lines == ["┌┐", "", ""])
        #expect(boxed(3, 3, Rect(x: 0, y: 0, width: 1, height: 3)).lines == ["┌", "│", "└"])
        #expect(boxed(3, 3, Rect(x: 0, y: 0, width: 0, height: 3)).lines == ["", "", ""])
        #expect(boxed(0, 0, Rect(x: 0, y: 0, width: 5, height: 5)).lines == [])
    }

    @Test func clippedToTheGrid() {
        #expect(boxed(4, 2, Rect(x: 1, y: 0, width: 6, height: 4), title: "Log").lines == [" ┌ L", " │"])
        #expect(boxed(4, 2, Rect(x: -2, y: -1, width: 5, height: 3)).lines == ["  │", "──┘"])
        #expect(boxed(4, 2, Rect(x: Int.max - 3, y: Int.max - 3, width: Int.max, height: Int.max), title: "x").lines == ["", ""])
    }

    @Test(arguments: [
        (5.0, 10.0, 4, "██", "##"), (1.0, 10.0, 4, "▍", "#"), (0.01, 10.0, 4, "▏", "#"),
        (20.0, 10.0, 4, "████", "####"), (0.0, 10.0, 4, "", ""), (-1.0, 10.0, 4, "", ""),
        (1.0, 8.0, 1, "▏", "#"), (7.0, 8.0, 1, "▉", "#"), (3.0, 10.0, 5, "█▌", "##"),
        (.nan, 10.0, 4, "", ""), (.infinity, 10.0, 4, "", ""), (1.0, .nan, 4, "", ""),
        (1.0, 0.0, 4, "", ""), (1.0, -3.0, 4, "", ""), (1.0, 2.0, 0, "", ""), (1.0, 2.0, -5, "", ""),
    ] as [(Double, Double, Int, String, String)])
    func bar(_ value: Double, _ max: Double, _ width: Int, _ unicode: String, _ ascii: String) {
        #expect(Glyphs.unicode.bar(value: value, max: max, width: width) == unicode)
        #expect(Glyphs.ascii.bar(value: value, max: max, width: width) == ascii)
    }

    @Test func hugeBarWidthDoesNotTrap() {
        #expect(TextWidth.columns(of: Glyphs.unicode.bar(value: 1, max: 1, width: Int.max)) == 10_000)
    }

    @Test func asciiGlyphsAreAscii() {
        let g = Glyphs.ascii
        let all = [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight,
                   g.teeLeft, g.teeRight, g.block, g.check, g.cross, g.pointer, g.ellipsis, g.bullet, g.arrowRight]
        #expect(all.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(g.partialBlocks.isEmpty)
        #expect(Glyphs.unicode.partialBlocks.count == 7)
    }

    @Test func asciiDrawsPlusMinusAsThreeColumnsTakenFromTheNearestBlanks() {
        // A right-aligned mean: the padding on its left gives the two columns.
        var value = Grid(lines: ["lost      35.8 ± 6.8 writes|"])
        value.asciify()
        #expect(value.lines == ["lost    35.8 +/- 6.8 writes|"])
        // A claim with no padding before it: the blanks at the end of the line give them.
        var claim = Grid(lines: ["a: ±20 % of it    |"])
        claim.asciify()
        #expect(claim.lines == ["a: +/-20 % of it  |"])
        // The views spell it out before measuring and cutting text.
        #expect(Glyphs.ascii.spelled("±20 %") == "+/-20 %")
        #expect(Glyphs.unicode.spelled("±20 %") == "±20 %")
        #expect(Glyphs.ascii.plusMinus == "+/-")
    }
}
