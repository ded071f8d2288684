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
/// | `······`   | `put("🇫🇷❤️", x: 0, y: 0)`              | `FR❤···`   | emoji sequences terminals disagree on go in pieces (`TextWidth.pieces`) |
/// | `······`   | `put("hello", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))` | `·ell··` | clip is a hard edge |
public struct Grid: Equatable, Sendable {
    public private(set) var size: Size
    /// Row-major, `size.cols * size.rows` cells, eight bytes each (see `PackedCell`).
    private var cells: [PackedCell]
    /// The graphemes of more than one scalar (a flag, an emoji sequence, a letter
    /// with a combining mark), which cells name by index; each held once.
    private var clusters: [String] = []

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
        return cell(cells[i])
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
        if let n = TextWidth.printableASCIICount(text) {
            // One cell per byte: no control to show, no grapheme to find.
            guard y >= area.y, y < area.maxY, !area.isEmpty else { return n }
            let from = max(x, area.x), to = min(Saturating.add(x, n), area.maxX)
            guard from < to else { return n }
            let packedStyle = PackedCell.pack(style)
            var cx = x
            let base = y * size.cols
            for byte in text.utf8 {
                if cx >= to { break }
                if cx >= from { writeNarrow(PackedCell(scalar: UInt32(byte), width: 1, style: packedStyle), at: base + cx, x: cx) }
                cx += 1
            }
            return n
        }
        if TextWidth.loneScalarColumns(text) != nil {
            // One grapheme per scalar, none a control: no grapheme breaking, nothing to sanitize.
            let packedStyle = PackedCell.pack(style)
            var cx = x
            var advanced = 0
            let visibleRow = y >= area.y && y < area.maxY
            for u in text.unicodeScalars {
                let w = TextWidth.loneColumns(u)
                defer { cx = Saturating.add(cx, w); advanced += w }
                guard visibleRow, cx < area.maxX, Saturating.add(cx, w) > area.x else { continue }
                if cx >= area.x && Saturating.add(cx, w) <= area.maxX {
                    if w == 1 {
                        writeNarrow(PackedCell(scalar: u.value, width: 1, style: packedStyle), at: y * size.cols + cx, x: cx)
                    } else {
                        write(PackedCell(scalar: u.value, width: w, style: packedStyle), x: cx, y: y)
                    }
                } else {
                    write(PackedCell(scalar: 32, width: 1, style: packedStyle), x: max(cx, area.x), y: y)
                }
            }
            return advanced
        }
        let safe = TextWidth.sanitized(text)
        var cx = x
        var advanced = 0
        let visibleRow = y >= area.y && y < area.maxY
        func draw(_ character: Character, width w: Int) {
            defer { cx = Saturating.add(cx, w); advanced += w }
            guard visibleRow, cx < area.maxX, Saturating.add(cx, w) > area.x else { return }
            if cx >= area.x && Saturating.add(cx, w) <= area.maxX {
                write(pack(character, width: w, style: style), x: cx, y: y)
            } else {
                // A wide glyph straddling a clip edge: show the visible column as a space.
                let visible = max(cx, area.x)
                write(PackedCell(scalar: 32, width: 1, style: PackedCell.pack(style)), x: visible, y: y)
            }
        }
        for character in safe {
            // An emoji sequence terminals disagree about goes in pieces they all draw alike.
            if let pieces = TextWidth.pieces(of: character) {
                for piece in pieces { draw(Character(piece.text), width: piece.columns) }
                continue
            }
            let w = TextWidth.columns(of: character)
            if w > 0 { draw(character, width: w) }
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
        if w == 0 || TextWidth.sanitized(glyph) != glyph || TextWidth.pieces(of: character) != nil { glyph = " "; w = 1 }
        let packed = pack(Character(glyph), width: w, style: style)
        let space = PackedCell(scalar: 32, width: 1, style: PackedCell.pack(style))
        for y in area.y..<area.maxY {
            var x = area.x
            let base = y * size.cols
            if w == 1 {
                while x < area.maxX { writeNarrow(packed, at: base + x, x: x); x += 1 }
                continue
            }
            while x < area.maxX {
                write(x + w <= area.maxX ? packed : space, x: x, y: y)
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
        let packed = PackedCell.pack(style)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                guard let i = index(x, y) else { continue }
                cells[i].style = packed
                if cells[i].width == 2, let j = index(x + 1, y) { cells[j].style = packed }
                if cells[i].width == 0, let j = index(x - 1, y) { cells[j].style = packed }
            }
        }
    }

    // MARK: - Cell storage

    func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < size.cols, y < size.rows else { return nil }
        return y * size.cols + x
    }

    /// A grapheme as a cell: one scalar inline, more through `clusters`.
    private mutating func pack(_ character: Character, width: Int, style: Style) -> PackedCell {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            return PackedCell(scalar: only.value, width: width, style: PackedCell.pack(style))
        }
        return PackedCell(cluster: intern(String(character)), width: width, style: PackedCell.pack(style))
    }

    private mutating func intern(_ text: String) -> UInt32 {
        if let i = clusters.firstIndex(of: text) { return UInt32(i) }
        clusters.append(text)
        return UInt32(clusters.count - 1)
    }

    private func cell(_ packed: PackedCell) -> Cell {
        Cell(text: text(of: packed), width: packed.width, style: packed.unpackedStyle)
    }

    private func text(of packed: PackedCell) -> String {
        if packed.isCluster { return clusters[Int(packed.payload)] }
        if packed.width == 0 { return "" }
        return String(Character(Unicode.Scalar(packed.payload) ?? " "))
    }

    /// Stores a one-column glyph at cell `i` (column `x`): the glyph it writes
    /// over half of loses its other half, which becomes a space in its old style.
    @inline(__always)
    private mutating func writeNarrow(_ cell: PackedCell, at i: Int, x: Int) {
        let old = cells[i]
        if old.width == 0, x > 0 { cells[i - 1] = PackedCell(scalar: 32, width: 1, style: cells[i - 1].style) }
        if old.width == 2, x + 1 < size.cols { cells[i + 1] = PackedCell(scalar: 32, width: 1, style: cells[i + 1].style) }
        cells[i] = cell
    }

    /// Stores one glyph, keeping the invariant that a width-2 cell is always
    /// followed by its width-0 continuation and a continuation always follows
    /// a width-2 cell. Glyphs partly overwritten lose their other half, which
    /// becomes a space in its old style.
    private mutating func write(_ cell: PackedCell, x: Int, y: Int) {
        guard let i = index(x, y) else { return }
        let w = cell.width == 2 && x + 1 < size.cols ? 2 : 1
        for cx in x..<(x + w) {
            let j = i + (cx - x)
            if cells[j].width == 0, cx - 1 < x, let lead = index(cx - 1, y) {
                cells[lead] = PackedCell(scalar: 32, width: 1, style: cells[lead].style)
            }
            if cells[j].width == 2, cx + 1 >= x + w, let tail = index(cx + 1, y) {
                cells[tail] = PackedCell(scalar: 32, width: 1, style: cells[tail].style)
            }
        }
        if w == 2 {
            cells[i] = cell
            cells[i + 1] = PackedCell(scalar: 0, width: 0, style: cell.style)
        } else if cell.width == 2 {
            cells[i] = PackedCell(scalar: 32, width: 1, style: cell.style)
        } else {
            cells[i] = cell
        }
    }

    // MARK: - Copying regions

    /// The cells of `rect` (clipped), to be put back with `paste`.
    func patch(_ rect: Rect) -> Patch {
        let area = rect.intersection(bounds)
        var out: [PackedCell] = []
        out.reserveCapacity(area.width * area.height)
        for y in area.y..<max(area.y, area.maxY) {
            let base = y * size.cols
            out.append(contentsOf: cells[(base + area.x)..<(base + area.maxX)])
        }
        let used = out.contains(where: \.isCluster) ? clusters : []
        return Patch(area: area, cells: out, clusters: used, gridSize: size)
    }

    /// Writes a patch back where it was taken, cell for cell (on a grid of the same size).
    mutating func paste(_ patch: Patch) {
        guard patch.gridSize == size, !patch.area.isEmpty else { return }
        let area = patch.area
        var k = 0
        for y in area.y..<area.maxY {
            let base = y * size.cols + area.x
            if patch.clusters.isEmpty {
                cells.replaceSubrange(base..<(base + area.width), with: patch.cells[k..<(k + area.width)])
            } else {
                for dx in 0..<area.width {
                    var cell = patch.cells[k + dx]
                    if cell.isCluster { cell.payload = intern(patch.clusters[Int(cell.payload)]) }
                    cells[base + dx] = cell
                }
            }
            k += area.width
        }
    }

    /// A rectangle of cells copied out of a grid.
    struct Patch: Equatable, Sendable {
        let area: Rect
        fileprivate let cells: [PackedCell]
        fileprivate let clusters: [String]
        let gridSize: Size
    }

    // MARK: - Comparing

    /// Same size and the same cell everywhere (a cluster compares by its text).
    public static func == (a: Grid, b: Grid) -> Bool {
        guard a.size == b.size else { return false }
        if a.clusters.isEmpty && b.clusters.isEmpty { return a.cells == b.cells }
        for i in a.cells.indices where !a.same(i, as: b) { return false }
        return true
    }

    @inline(__always)
    private func same(_ i: Int, as other: Grid) -> Bool {
        let x = cells[i], y = other.cells[i]
        if x.isCluster || y.isCluster {
            guard x.isCluster && y.isCluster, x.width == y.width, x.style == y.style else { return false }
            return clusters[Int(x.payload)] == other.clusters[Int(y.payload)]
        }
        return x == y
    }

    /// Whether row `y` is the same in both grids (same size assumed).
    private func sameRow(_ y: Int, as other: Grid) -> Bool {
        let range = (y * size.cols)..<((y + 1) * size.cols)
        if clusters.isEmpty && other.clusters.isEmpty {
            return cells.withUnsafeBufferPointer { a in
                other.cells.withUnsafeBufferPointer { b in
                    memoryEqual(a.baseAddress! + range.lowerBound, b.baseAddress! + range.lowerBound, range.count)
                }
            }
        }
        for i in range where !same(i, as: other) { return false }
        return true
    }

    // MARK: - Reading back

    /// Text per row, trailing blanks trimmed; a wide glyph appears once.
    public var lines: [String] {
        rows { row in row.map { text(of: $0) }.joined() }.map(Grid.trimTrailing(" "))
    }

    /// One letter per column (see `Style.letter`: `R` > `B` > `U` > `D` > `C` > `.`),
    /// trailing `.` trimmed. A wide glyph shows its letter in both columns.
    ///
    /// ```
    /// grid.put("ab", x: 0, y: 0); grid.put("漢", x: 2, y: 0, style: .reverse)
    /// grid.styleLines   // ["..RR"]
    /// ```
    public var styleLines: [String] {
        rows { row in String(row.map(\.unpackedStyle.letter)) }.map(Grid.trimTrailing("."))
    }

    /// One letter per column for the colour alone (see `Color.letter`), `.` for
    /// none, trailing `.` trimmed: `["..bb"]` for a red (`.bad`) `漢` at x 2.
    public var colorLines: [String] {
        rows { row in String(row.map { $0.unpackedStyle.color?.letter ?? "." }) }.map(Grid.trimTrailing("."))
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
        var out: [CellChange] = []
        forEachChange(since: previous) { change in
            out.append(CellChange(x: change.x, y: change.y,
                                  cell: Cell(text: change.text, width: change.width, style: change.style)))
        }
        return out
    }

    /// One cell of `changes(since:)` as the backend writes it, without a `String`
    /// for the common glyph of one scalar.
    public struct Change {
        public let x: Int
        public let y: Int
        fileprivate let packed: PackedCell
        fileprivate let cluster: String?

        /// 1, 2 (wide) or 0 (continuation).
        public var width: Int { packed.width }
        /// The glyph's one scalar, or nil for a grapheme of several (then see `text`).
        public var scalar: UInt32? { packed.isCluster || packed.width == 0 ? nil : packed.payload }
        /// The grapheme, `""` for a continuation.
        public var text: String {
            if let cluster { return cluster }
            if packed.width == 0 { return "" }
            return String(Character(Unicode.Scalar(packed.payload) ?? " "))
        }
        public var style: Style { packed.unpackedStyle }
        /// The same number for the same style, below 256: for a backend to keep what it made of each style.
        public var styleKey: Int { Int(packed.style) }
    }

    /// Calls `body` with each cell `changes(since:)` lists, in the same order.
    public func forEachChange(since previous: Grid?, _ body: (Change) -> Void) {
        func change(_ i: Int, x: Int, y: Int) -> Change {
            let packed = cells[i]
            return Change(x: x, y: y, packed: packed, cluster: packed.isCluster ? clusters[Int(packed.payload)] : nil)
        }
        guard let previous, previous.size == size else {
            let cols = max(1, size.cols)
            for i in cells.indices { body(change(i, x: i % cols, y: i / cols)) }
            return
        }
        for y in 0..<size.rows where !sameRow(y, as: previous) {
            let base = y * size.cols
            var lastX = -2
            for x in 0..<size.cols where !same(base + x, as: previous) {
                // A continuation is never sent without its lead.
                if cells[base + x].width == 0, x > 0, lastX != x - 1 { body(change(base + x - 1, x: x - 1, y: y)) }
                body(change(base + x, x: x, y: y))
                lastX = x
            }
        }
    }

    private func rows<T>(_ body: (ArraySlice<PackedCell>) -> T) -> [T] {
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
            let packed = cells[i]
            if !packed.isCluster && packed.payload < 0x80 { continue }
            let wide = packed.width == 2
            let replacement = transform(text(of: packed))
            if replacement.count == 1, let only = replacement.first {
                cells[i] = pack(only, width: 1, style: packed.unpackedStyle)
            } else {
                cells[i] = PackedCell(cluster: intern(replacement), width: 1, style: packed.style)
            }
            if wide, i + 1 < cells.count { cells[i + 1] = PackedCell(scalar: 32, width: 1, style: packed.style) }
        }
    }
}

/// One cell in eight bytes: a scalar (or an index into the grid's clusters),
/// the width and the style, so that rows compare and copy as plain memory.
struct PackedCell: Equatable, Sendable {
    private var raw: UInt64

    static let blank = PackedCell(scalar: 32, width: 1, style: 0)

    init(scalar: UInt32, width: Int, style: UInt8) {
        raw = UInt64(scalar) | UInt64(width & 3) << 32 | UInt64(style) << 40
    }

    init(cluster: UInt32, width: Int, style: UInt8) {
        raw = UInt64(cluster) | UInt64(width & 3) << 32 | 1 << 34 | UInt64(style) << 40
    }

    /// The scalar, or the cluster's index.
    var payload: UInt32 {
        get { UInt32(truncatingIfNeeded: raw) }
        set { raw = raw & ~0xFFFF_FFFF | UInt64(newValue) }
    }

    var width: Int { Int(raw >> 32 & 3) }
    var isCluster: Bool { raw >> 34 & 1 == 1 }

    var style: UInt8 {
        get { UInt8(truncatingIfNeeded: raw >> 40) }
        set { raw = raw & ~(0xFF << 40) | UInt64(newValue) << 40 }
    }

    var unpackedStyle: Style { Self.unpack(style) }

    private static let colors = Color.allCases

    /// Bold, reverse, dim, underline in the low four bits; the colour's place + 1 above them.
    static func pack(_ style: Style) -> UInt8 {
        var bits: UInt8 = 0
        if style.bold { bits |= 1 }
        if style.reverse { bits |= 2 }
        if style.dim { bits |= 4 }
        if style.underline { bits |= 8 }
        if let color = style.color, let i = colors.firstIndex(of: color) { bits |= UInt8(i + 1) << 4 }
        return bits
    }

    static func unpack(_ bits: UInt8) -> Style {
        let c = Int(bits >> 4)
        return Style(bold: bits & 1 != 0, reverse: bits & 2 != 0, dim: bits & 4 != 0, underline: bits & 8 != 0,
                     color: c > 0 && c <= colors.count ? colors[c - 1] : nil)
    }
}

@inline(__always)
private func memoryEqual(_ a: UnsafePointer<PackedCell>, _ b: UnsafePointer<PackedCell>, _ count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
