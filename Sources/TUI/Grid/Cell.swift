/// One terminal column: a printable grapheme, how many columns it covers, its style.
///
/// A wide glyph (CJK, most emoji) is a lead cell of width 2 followed by a
/// continuation cell (`text == ""`, width 0) that carries the same style. The
/// backend writes the lead and skips the continuation, as the terminal
/// itself advances two columns.
public struct Cell: Hashable, Sendable {
    /// Exactly one printable grapheme, or `""` for the right half of a wide glyph.
    public var text: String
    /// 1, 2 (wide), or 0 (continuation).
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)

    /// The right half of a wide glyph.
    public var isContinuation: Bool { width == 0 }
}

/// One cell that differs from the previous frame: what the backend must write.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
