import Testing
@testable import TUI

@Suite struct RectTests {
    let area = Rect(x: 0, y: 0, width: 10, height: 4)

    @Test func negativeSizesClamp() {
        #expect(Rect(x: 1, y: 2, width: -5, height: -1) == Rect(x: 1, y: 2, width: 0, height: 0))
        #expect(Rect(x: 1, y: 2, width: -5, height: 3).isEmpty)
    }

    @Test func edges() {
        let r = Rect(x: 2, y: 3, width: 4, height: 5)
        #expect(r.maxX == 6)
        #expect(r.maxY == 8)
        #expect(Rect(x: Int.max, y: 0, width: 5, height: 1).maxX == Int.max)
    }

    @Test func inset() {
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(area.inset(by: 2) == Rect(x: 2, y: 2, width: 6, height: 0))
        #expect(area.inset(by: 5).isEmpty)
        #expect(area.inset(by: 5).width == 0)
        #expect(area.inset(by: -1) == Rect(x: -1, y: -1, width: 12, height: 6))
        #expect(area.inset(by: Int.max).isEmpty)
    }

    @Test func splits() {
        let (l, r) = area.splitHorizontally(leftWidth: 3)
        #expect(l == Rect(x: 0, y: 0, width: 3, height: 4))
        #expect(r == Rect(x: 3, y: 0, width: 7, height: 4))
        let (l2, r2) = area.splitHorizontally(leftWidth: 99)
        #expect(l2 == area)
        #expect(r2 == Rect(x: 10, y: 0, width: 0, height: 4))
        #expect(area.splitHorizontally(leftWidth: -2).0.width == 0)
        let (t, b) = area.splitVertically(topHeight: 1)
        #expect(t == Rect(x: 0, y: 0, width: 10, height: 1))
        #expect(b == Rect(x: 0, y: 1, width: 10, height: 3))
        #expect(area.splitVertically(topHeight: 9).1.isEmpty)
    }

    @Test func rows() {
        #expect(area.row(0) == Rect(x: 0, y: 0, width: 10, height: 1))
        #expect(area.row(3) == Rect(x: 0, y: 3, width: 10, height: 1))
        #expect(area.row(4).isEmpty)
        #expect(area.row(-1).isEmpty)
        #expect(area.row(Int.max).isEmpty)
    }

    @Test func intersection() {
        let other = Rect(x: 8, y: 2, width: 5, height: 5)
        #expect(area.intersection(other) == Rect(x: 8, y: 2, width: 2, height: 2))
        #expect(area.intersection(Rect(x: 20, y: 0, width: 3, height: 3)).isEmpty)
        #expect(area.intersection(area) == area)
        let huge = Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max)
        #expect(huge.intersection(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max)).width == Int.max)
        #expect(area.contains(x: 9, y: 3))
        #expect(!area.contains(x: 10, y: 3))
    }
}
