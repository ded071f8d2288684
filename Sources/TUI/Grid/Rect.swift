/// A rectangle of cells: the region a view is told to draw in.
///
/// Every operation clamps instead of trapping, so layout code can subtract
/// freely on a 1x1 terminal: widths and heights never go negative, and sums
/// saturate at `Int.max`.
///
/// ```
/// let area = Rect(x: 0, y: 0, width: 10, height: 4)
/// let (left, right) = area.splitHorizontally(leftWidth: 3)   // (0,0,3,4) (3,0,7,4)
/// area.inset(by: 1)                                          // (1,1,8,2)
/// area.inset(by: 5)                                          // (5,5,0,0): empty, not negative
/// area.row(3)                                                // (0,3,10,1)
/// area.row(4)                                                // empty
/// ```
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Negative `width` or `height` become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle at the origin covering `size`.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.cols, height: size.rows)
    }

    /// One past the last column: `x + width`.
    public var maxX: Int { Saturating.add(x, max(0, width)) }
    /// One past the last row: `y + height`.
    public var maxY: Int { Saturating.add(y, max(0, height)) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var size: Size { Size(cols: width, rows: height) }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Shrinks every side by `n` (a negative `n` grows it). Never negative:
    /// a 3-wide rect inset by 2 is 0 wide.
    public func inset(by n: Int) -> Rect {
        let twice = Saturating.multiply(n, 2)
        return Rect(x: Saturating.add(x, n), y: Saturating.add(y, n),
                    width: Saturating.subtract(width, twice),
                    height: Saturating.subtract(height, twice))
    }

    /// Left and right parts; `leftWidth` is clamped to `0...width`.
    public func splitHorizontally(leftWidth: Int) -> (Rect, Rect) {
        let w = min(max(0, leftWidth), width)
        return (Rect(x: x, y: y, width: w, height: height),
                Rect(x: Saturating.add(x, w), y: y, width: width - w, height: height))
    }

    /// Top and bottom parts; `topHeight` is clamped to `0...height`.
    public func splitVertically(topHeight: Int) -> (Rect, Rect) {
        let h = min(max(0, topHeight), height)
        return (Rect(x: x, y: y, width: width, height: h),
                Rect(x: x, y: Saturating.add(y, h), width: width, height: height - h))
    }

    /// The one-line rect at `y + i`, or an empty rect when `i` is outside `0..<height`.
    public func row(_ i: Int) -> Rect {
        guard i >= 0, i < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + i, width: width, height: 1)
    }

    /// The overlap of two rects; empty (width or height 0) when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0,
                    width: x1 > x0 ? Saturating.subtract(x1, x0) : 0,
                    height: y1 > y0 ? Saturating.subtract(y1, y0) : 0)
    }

    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }
}
