/// The drawing characters: box frames, bars and marks, in Unicode or in ASCII.
///
/// Without a UTF-8 locale, ncursesw cannot print `─` or `█` (it shows `M-b~@`
/// or nothing), so the app picks `.ascii` there and every view asks this type
/// instead of writing box characters itself.
public enum Glyphs: Sendable, Hashable {
    case unicode, ascii

    public var horizontal: String { self == .unicode ? "─" : "-" }
    public var vertical: String { self == .unicode ? "│" : "|" }
    public var topLeft: String { self == .unicode ? "┌" : "+" }
    public var topRight: String { self == .unicode ? "┐" : "+" }
    public var bottomLeft: String { self == .unicode ? "└" : "+" }
    public var bottomRight: String { self == .unicode ? "┘" : "+" }
    /// The tee on a frame's left side, opening rightwards: `├`.
    public var teeLeft: String { self == .unicode ? "├" : "+" }
    /// The tee on a frame's right side, opening leftwards: `┤`.
    public var teeRight: String { self == .unicode ? "┤" : "+" }
    /// A full bar column.
    public var block: String { self == .unicode ? "█" : "#" }
    /// Bar ends for 1/8 … 7/8 of a column (`partialBlocks[0]` is `▏`); empty in ASCII.
    public var partialBlocks: [String] {
        self == .unicode ? ["▏", "▎", "▍", "▌", "▋", "▊", "▉"] : []
    }
    public var check: String { self == .unicode ? "✓" : "+" }
    public var cross: String { self == .unicode ? "✗" : "x" }
    public var pointer: String { self == .unicode ? "▸" : ">" }
    /// Marks a value that follows the scenario.
    public var linked: String { self == .unicode ? "≡" : "=" }
    public var ellipsis: String { self == .unicode ? "…" : "..." }
    /// Between the ends of a range: "1 … 10K", in ASCII "1 .. 10K".
    public var through: String { self == .unicode ? " … " : " .. " }
    public var bullet: String { self == .unicode ? "·" : "-" }
    public var arrowRight: String { self == .unicode ? "→" : "->" }
    /// Between a mean and its standard deviation: "725 ± 31 writes", "725 +/- 31 writes".
    public var plusMinus: String { self == .unicode ? "±" : "+/-" }
    /// Text with the glyphs whose look-alike is wider spelled out before it is measured and
    /// cut ("±20 %" is "+/-20 %" in ASCII), so the cut falls where the reader will see it.
    public func spelled(_ text: String) -> String {
        self == .unicode || !text.contains("±") ? text : String(text.flatMap { $0 == "±" ? Array(plusMinus) : [$0] })
    }

    /// Draws a frame on the edge of `rect`, with `title` in the top border.
    ///
    /// The inside is left untouched, and the frame clips to the grid. Tiny
    /// rects degrade instead of trapping:
    ///
    /// | rect  | drawn (unicode, title "Log") |
    /// |-------|------------------------------|
    /// | 9x3   | `┌ Log ──┐` / `│       │` / `└───────┘` (9 columns) |
    /// | 6x2   | `┌ L… ┐` / `└────┘` |
    /// | 4x2   | `┌L…┐` / `└──┘` (no room for the spaces) |
    /// | 1x1   | `┌` |
    /// | 0xN   | nothing |
    ///
    /// The title is sanitized and drawn as `" title "` after the corner, cut
    /// with this set's ellipsis to fit between the corners. In ASCII the
    /// three-column `...` often does not fit a short frame; the title is
    /// then cut bare (`+ Lo +`), since the name matters more than the mark.
    ///
    /// `heavy` draws the frame of the pane with focus: `┏━┓┃┗┛` in Unicode,
    /// `#=#|` in ASCII, a cue that needs no colour.
    public func box(_ rect: Rect, on grid: inout Grid, style: Style, title: String?, heavy: Bool = false) {
        guard !rect.isEmpty else { return }
        let unicode = self == .unicode
        let horizontal = heavy ? (unicode ? "━" : "=") : horizontal
        let vertical = heavy ? (unicode ? "┃" : "|") : vertical
        let topLeft = heavy ? (unicode ? "┏" : "#") : topLeft
        let topRight = heavy ? (unicode ? "┓" : "#") : topRight
        let bottomLeft = heavy ? (unicode ? "┗" : "#") : bottomLeft
        let bottomRight = heavy ? (unicode ? "┛" : "#") : bottomRight
        let left = rect.x, right = rect.maxX - 1
        let top = rect.y, bottom = rect.maxY - 1
        let inner = max(0, rect.width - 2)
        let clip = rect.intersection(grid.bounds)
        guard !clip.isEmpty else { return }
        let across = String.repeating(horizontal, count: min(inner, clip.width))
        // Rows between top and bottom get the sides; only rows that can be visible.
        let firstSide = max(top + 1, clip.y), lastSide = min(bottom - 1, clip.maxY - 1)
        if firstSide <= lastSide {
            for y in firstSide...lastSide {
                grid.put(vertical, x: left, y: y, style: style, clip: clip)
                if right != left { grid.put(vertical, x: right, y: y, style: style, clip: clip) }
            }
        }
        if bottom != top {
            grid.put(bottomLeft, x: left, y: bottom, style: style, clip: clip)
            grid.put(across, x: left + 1, y: bottom, style: style, clip: clip)
            if right != left { grid.put(bottomRight, x: right, y: bottom, style: style, clip: clip) }
        }
        grid.put(topLeft, x: left, y: top, style: style, clip: clip)
        grid.put(across, x: left + 1, y: top, style: style, clip: clip)
        if right != left { grid.put(topRight, x: right, y: top, style: style, clip: clip) }
        if let title, !title.isEmpty, inner > 0 {
            let name = TextWidth.sanitized(title)
            let label = inner >= 3
                ? " " + TextWidth.truncate(name, toColumns: inner - 2, ellipsis: ellipsis) + " "
                : TextWidth.truncate(name, toColumns: inner, ellipsis: ellipsis)
            let room = Rect(x: left + 1, y: top, width: inner, height: 1).intersection(clip)
            grid.put(label, x: left + 1, y: top, style: style, clip: room)
        }
    }

    /// A horizontal bar `value / max` of `width` columns, to an eighth of a
    /// column in Unicode and a whole column in ASCII.
    ///
    /// | value, max, width | unicode        | ascii    |
    /// |-------------------|----------------|----------|
    /// | 5, 10, 4          | `██`           | `##`     |
    /// | 1, 10, 4          | `▍` (3.2 eighths → 3) | ``  |
    /// | 0.01, 10, 4       | `▏` (never hides a non-zero value) | `#` |
    /// | 20, 10, 4         | `████` (clamped) | `####` |
    /// | 0, 10, 4 / -1, 10, 4 | `` | `` |
    /// | NaN or ∞, or max <= 0, or width <= 0 | `` | `` |
    public func bar(value: Double, max: Double, width: Int) -> String {
        guard value.isFinite, max.isFinite, max > 0, width > 0, value > 0 else { return "" }
        let columns = Swift.min(width, 10_000)
        let fraction = Swift.min(1, value / max)
        switch self {
        case .unicode:
            let eighths = Swift.max(1, Int((fraction * Double(columns) * 8).rounded()))
            let partial = eighths % 8
            return String.repeating(block, count: eighths / 8) + (partial > 0 ? partialBlocks[partial - 1] : "")
        case .ascii:
            let full = Swift.max(1, Int((fraction * Double(columns)).rounded()))
            return String.repeating(block, count: full)
        }
    }
}
