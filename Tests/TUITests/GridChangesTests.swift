import Testing
@testable import TUI

@Suite struct GridChangesTests {
    private func changed(_ g: Grid, since p: Grid?) -> [String] {
        g.changes(since: p).map { "\($0.x),\($0.y)=\($0.cell.text.isEmpty ? "_" : $0.cell.text)" }
    }

    @Test func nilPreviousRepaintsEveryCell() {
        let g = Grid(lines: ["ab", "c"])
        #expect(changed(g, since: nil) == ["0,0=a", "1,0=b", "0,1=c", "1,1= "])
    }

    @Test func differentSizeRepaintsEveryCell() {
        let g = Grid(lines: ["ab"])
        #expect(changed(g, since: Grid(size: Size(cols: 3, rows: 1))) == ["0,0=a", "1,0=b"])
    }

    @Test func equalGridsWriteNothing() {
        let g = Grid(lines: ["hello", "漢字"])
        #expect(g.changes(since: g) == [])
        #expect(g.changes(since: Grid(lines: ["hello", "漢字"])) == [])
    }

    @Test func onlyChangedCells() {
        var g = Grid(lines: ["hello", "world"])
        let before = g
        g.put("J", x: 0, y: 0)
        g.applyStyle(.reverse, to: Rect(x: 4, y: 1, width: 1, height: 1))
        #expect(changed(g, since: before) == ["0,0=J", "4,1=d"])
        #expect(g.changes(since: before)[1].cell.style == .reverse)
    }

    @Test func narrowToWide() {
        let before = Grid(lines: ["ab"])
        var g = before
        g.put("漢", x: 0, y: 0)
        #expect(changed(g, since: before) == ["0,0=漢", "1,0=_"])
    }

    @Test func wideToNarrowRewritesEveryColumn() {
        let before = Grid(lines: ["漢"])
        var g = before
        g.put("ab", x: 0, y: 0)
        #expect(changed(g, since: before) == ["0,0=a", "1,0=b"])
    }

    @Test func shiftedWideGlyph() {
        let before = Grid(lines: ["漢  "])
        var g = before
        g.fill(g.bounds)
        g.put("漢", x: 1, y: 0)
        #expect(changed(g, since: before) == ["0,0= ", "1,0=漢", "2,0=_"])
    }

    @Test func restylingAGlyphFromItsRightHalfSendsTheLeadFirst() {
        let before = Grid(lines: ["a漢"])
        var g = before
        g.applyStyle(.bold, to: Rect(x: 2, y: 0, width: 1, height: 1))
        #expect(changed(g, since: before) == ["1,0=漢", "2,0=_"])
    }
}
