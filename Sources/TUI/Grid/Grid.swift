/// An in-memory screen of cells: views draw here, tests read it as text,
/// and the terminal backend copies only what changed.
///
/// Every write clips. Coordinates may be negative or huge, the grid may be
/// 0x0, and nothing traps: a crash in a TUI leaves the user's terminal raw.
///
/// Writing rules, shown as before → after on a 6-column row (`·` marks an
/// untouched blank, `漢` covers two columns):
///
/// | before     | call                                  | after      | why |
/// |------------|---------------------------------------|------------|-----|
/// | `······`   | `put("ab\u{1B}", x: 1, y: 0)`          | `·ab^[·`   | controls are shown, never sent |
/// | `······`   | `put("漢字", x: 0, y: 0)`               | `漢字··`    | wide glyphs take two cells |
/// | `······`   | `put("漢字", x: 3, y: 0)`               | `···漢·`    | `字` would cross the edge: a space instead |
/// | `漢字··`    | `put("x", x: 1, y: 0)`                 | `·x字··`    | writing over half a glyph blanks its other half |
/// | `漢字··`    | `put("x", x: 2, y: 0)`                 | `漢x···`    | same, for the left half |
/// | `······`   | `put("漢", x: -1, y: 0)`                | `······`   | its visible half alone would lie: a space |
/// | `······`   | `put("hello", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))` | `·ell··` | clip is a hard edge |
public struct Grid: Equatable, Sendable {
    public private(set) var size: Size
    /// Row-major, `size.cols * size.rows` cells.
    private var cells: [Cell]

    /// A blank grid. Negative dimensions become 0.
    public init(size: Size) {
        let cols = max(0, size.cols), rows = max(0, size.rows)
        self.size = Size(cols: cols, rows: rows)
        self.cells = Array(repeating: .blank, count: Saturating.multiply(cols, rows))
    }

    /// A plain-style grid holding `lines`, as wide as the widest line in columns:
    /// the expected value in tests (`#expect(grid == Grid(lines: ["┌─┐", "└─┘"]))`).
    /// Lines go through `put`, so they are sanitized like any other text.
    public init(lines: [String]) {
        let width = lines.map { TextWidth.columns(of: TextWidth.sanitized($0)) }.max() ?? 0
        self.init(size: Size(cols: width, rows: lines.count))
        for (y, line) in lines.enumerated() { put(line, x: 0, y: y) }
    }

    public var bounds: Rect { Rect(size: size) }

    /// The cell at a position; outside the grid, `Cell.blank`.
    public subscript(x: Int, y: Int) -> Cell {
        guard let i = index(x, y) else { return .blank }
        return cells[i]
    }

    /// Draws `text` from (x, y) rightwards on one row, clipped to `clip`
    /// (default: the whole grid) and to the grid.
    ///
    /// The text is sanitized first (see `TextWidth.sanitized`); graphemes of
    /// width 0 that stand alone are dropped. Cells written get `style`,
    /// replacing what was there.
    ///
    /// - Returns: the columns the sanitized text takes, whether or not all of
    ///   them were visible, so `x += grid.put(...)` lays out runs side by side.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        let safe = TextWidth.sanitized(text)
        var cx = x
        var advanced = 0
        let visibleRow = y >= area.y && y < area.maxY
        for character in safe {
            let w = TextWidth.columns(of: character)
            if w == 0 { continue }
            defer { cx = Saturating.add(cx, w); advanced += w }
            guard visibleRow, cx < area.maxX, Saturating.add(cx, w) > area.x else { continue }
            if cx >= area.x && Saturating.add(cx, w) <= area.maxX {
                write(Cell(text: String(character), width: w, style: style), x: cx, y: y)
            } else {
                // A wide glyph straddling a clip edge: show the visible column as a space.
                let visible = max(cx, area.x)
                write(Cell(text: " ", width: 1, style: style), x: visible, y: y)
            }
        }
        return advanced
    }

    /// Fills `rect` (clipped) with `character` in `style`.
    ///
    /// A wide `character` is laid every two columns, and a last odd column gets
    /// a space; a control or zero-width `character` fills with spaces.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        var glyph = String(character)
        var w = TextWidth.columns(of: character)
        if w == 0 || TextWidth.sanitized(glyph) != glyph { glyph = " "; w = 1 }
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                if x + w <= area.maxX {
                    write(Cell(text: glyph, width: w, style: style), x: x, y: y)
                } else {
                    write(Cell(text: " ", width: 1, style: style), x: x, y: y)
                }
                x += w
            }
        }
    }

    /// Replaces the style of every cell in `rect` (clipped), keeping the text:
    /// how a view highlights a selected row after drawing it.
    ///
    /// A wide glyph with either half inside `rect` is restyled whole, since a
    /// terminal cannot draw its two halves differently.
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                guard let i = index(x, y) else { continue }
                cells[i].style = style
                if cells[i].width == 2, let j = index(x + 1, y) { cells[j].style = style }
                if cells[i].width == 0, let j = index(x - 1, y) { cells[j].style = style }
            }
        }
    }

    // MARK: - Cell storage

    func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < size.cols, y < size.rows else { return nil }
        return y * size.cols + x
    }

    /// Stores one glyph, keeping the invariant that a width-2 cell is always
    /// followed by its width-0 continuation and a continuation always follows
    /// a width-2 cell. Glyphs partly overwritten lose their other half, which
    /// becomes a space in its old style.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        guard let i = index(x, y) else { return }
        let w = cell.width == 2 && x + 1 < size.cols ? 2 : 1
        for cx in x..<(x + w) {
            let j = i + (cx - x)
            if cells[j].width == 0, cx - 1 < x, let lead = index(cx - 1, y) {
                cells[lead] = Cell(text: " ", width: 1, style: cells[lead].style)
            }
            if cells[j].width == 2, cx + 1 >= x + w, let tail = index(cx + 1, y) {
                cells[tail] = Cell(text: " ", width: 1, style: cells[tail].style)
            }
        }
        if w == 2 {
            cells[i] = cell
            cells[i + 1] = Cell(text: "", width: 0, style: cell.style)
        } else if cell.width == 2 {
            cells[i] = Cell(text: " ", width: 1, style: cell.style)
        } else {
            cells[i] = cell
        }
    }

    // MARK: - Reading back

    /// Text per row, trailing blanks trimmed; a wide glyph appears once.
    public var lines: [String] {
        rows { row in row.map(\.text).joined() }.map(Grid.trimTrailing(" "))
    }

    /// One letter per column (see `Style.letter`: `R` > `B` > `U` > `D` > `C` > `.`),
    /// trailing `.` trimmed. A wide glyph shows its letter in both columns.
    ///
    /// ```
    /// grid.put("ab", x: 0, y: 0); grid.put("漢", x: 2, y: 0, style: .reverse)
    /// grid.styleLines   // ["..RR"]
    /// ```
    public var styleLines: [String] {
        rows { row in String(row.map(\.style.letter)) }.map(Grid.trimTrailing("."))
    }

    /// One letter per column for the colour alone (see `Color.letter`), `.` for
    /// none, trailing `.` trimmed: `["..bb"]` for a red (`.bad`) `漢` at x 2.
    public var colorLines: [String] {
        rows { row in String(row.map { $0.style.color?.letter ?? "." }) }.map(Grid.trimTrailing("."))
    }

    /// `lines` joined with newlines: the text a snapshot stores.
    public var text: String { lines.joined(separator: "\n") }

    /// What the backend must write to turn `previous` into this grid, row by row.
    ///
    /// | previous            | this      | changes |
    /// |---------------------|-----------|---------|
    /// | `nil` or other size | any       | every cell, continuations included (the backend skips them) |
    /// | equal               | equal     | `[]`: nothing is written |
    /// | `ab`                | `漢`       | `漢`@0 and its continuation@1 |
    /// | `漢`                | `ab`       | `a`@0, `b`@1: the glyph's columns are all rewritten |
    /// | `漢` plain          | `漢` bold on its right half only | `漢`@0 as well: a continuation is never sent without its lead |
    public func changes(since previous: Grid?) -> [CellChange] {
        guard let previous, previous.size == size else {
            return cells.indices.map { i in
                CellChange(x: i % max(1, size.cols), y: i / max(1, size.cols), cell: cells[i])
            }
        }
        if previous.cells == cells { return [] }
        var out: [CellChange] = []
        for y in 0..<size.rows {
            let base = y * size.cols
            for x in 0..<size.cols where cells[base + x] != previous.cells[base + x] {
                let cell = cells[base + x]
                if cell.width == 0, x > 0, out.last.map({ $0.x != x - 1 || $0.y != y }) ?? true {
                    out.append(CellChange(x: x - 1, y: y, cell: cells[base + x - 1]))
                }
                out.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return out
    }

    private func rows<T>(_ body: (ArraySlice<Cell>) -> T) -> [T] {
        (0..<size.rows).map { y in body(cells[(y * size.cols)..<((y + 1) * size.cols)]) }
    }

    private static func trimTrailing(_ c: Character) -> (String) -> String {
        { s in
            var s = s
            while s.last == c { s.removeLast() }
            return s
        }
    }

    /// Replaces every cell's text through `transform`, keeping styles; a wide
    /// glyph becomes one replacement cell and a blank (the ASCII fallback uses it).
    public mutating func mapText(_ transform: (String) -> String) {
        for i in cells.indices where cells[i].width != 0 {
            let text = cells[i].text
            guard !text.allSatisfy(\.isASCII) else { continue }
            let wide = cells[i].width == 2
            cells[i] = Cell(text: transform(text), width: 1, style: cells[i].style)
            if wide, i + 1 < cells.count { cells[i + 1] = Cell(text: " ", width: 1, style: cells[i].style) }
        }
    }
}
