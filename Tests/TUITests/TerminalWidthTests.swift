#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
import Trainer
@testable import TUI

/// The grid measures text as the terminal does, and what reaches the screen
/// frame after frame is what a fresh render draws.
@Suite struct TerminalWidthTests {
    /// Emoji sequences terminals disagree about are drawn in pieces each terminal measures alike.
    @Test(arguments: [
        ("🇫🇷", ["F", "R"]), ("🇫", ["F"]), ("❤️", ["❤"]), ("❤︎", ["❤"]), ("👍🏽", ["👍"]),
        ("👨‍👩‍👧‍👦", ["👨", "👩", "👧", "👦"]), ("🏳️‍🌈", ["🏳", "🌈"]), ("1️⃣", ["1"]), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", ["🏴"]),
        ("कि", ["क", "ि"]),
    ] as [(Character, [String])])
    func disputedSequencesGoInPieces(_ c: Character, _ expected: [String]) {
        #expect(TextWidth.pieces(of: c)?.map(\.text) == expected)
        #expect(TextWidth.pieces(of: c)?.map(\.columns).reduce(0, +) == TextWidth.columns(of: c))
    }

    @Test(arguments: ["a", "é", "e\u{301}", "漢", "🚀", "\u{1100}\u{1161}\u{11A8}", "❤", "ｱ"] as [Character])
    func aBaseWithItsMarksIsDrawnWhole(_ c: Character) {
        #expect(TextWidth.pieces(of: c) == nil)
    }

    @Test func aNotesLineEndingInAFlagDrawsItsLetters() {
        var grid = Grid(size: Size(cols: 16, rows: 1))
        #expect(grid.put("ok 🇫🇷❤️👨‍👩‍👧‍👦|", x: 0, y: 0) == 15)
        #expect(grid.lines == ["ok FR❤👨👩👧👦|"])
        #expect(grid[14, 0].text == "|")
    }

    #if canImport(Glibc)
    /// The per-scalar table is glibc's `wcwidth` (C.UTF-8) for every scalar both
    /// know, across the blocks text on screen comes from.
    @Test func scalarWidthsAreWcwidth() throws {
        // wcwidth is an X/Open function the Glibc module does not declare: looked up by name.
        typealias WcWidth = @convention(c) (wchar_t) -> Int32
        let libc = try #require(dlopen(nil, RTLD_NOW))
        let wcwidth = unsafeBitCast(try #require(dlsym(libc, "wcwidth")), to: WcWidth.self)
        let utf8 = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
        let previous = uselocale(utf8)
        defer { uselocale(previous); freelocale(utf8) }
        let blocks: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x2FFF, 0x3000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFFFD,
            0x1F000...0x1FAFF, 0x20000...0x2A6DF,
        ]
        var mismatches: [String] = []
        var compared = 0
        for block in blocks {
            for v in block {
                guard let u = Unicode.Scalar(v), u.properties.generalCategory != .unassigned,
                      u.properties.generalCategory != .privateUse, u.properties.generalCategory != .surrogate else { continue }
                let theirs = wcwidth(wchar_t(bitPattern: v))
                guard theirs >= 0 else { continue }
                compared += 1
                if Int(theirs) != TextWidth.scalarColumns(u) {
                    mismatches.append(String(v, radix: 16) + ": wcwidth \(theirs), ours \(TextWidth.scalarColumns(u))")
                }
            }
        }
        #expect(compared > 90_000)
        #expect(mismatches.isEmpty, "\(mismatches.count) differ: \(mismatches.prefix(150).joined(separator: ", "))")
    }
    #endif
}

/// A terminal that keeps what was written to it, cell by cell, as `wcwidth` lays
/// it out: a glyph takes the columns of its first scalar (the others must take
/// none), a wide glyph covers the next column, and writing over either half of
/// a wide glyph blanks the other half. It is sent only the changes between
/// frames, as the curses backend sends them.
struct VirtualTerminal {
    var size: Size
    var cells: [[Cell]]

    init(_ size: Size) {
        self.size = size
        cells = Array(repeating: Array(repeating: .blank, count: size.cols), count: size.rows)
    }

    /// Sends `grid` as the backend does: everything after a resize, else only the changes.
    mutating func show(_ grid: Grid, after previous: Grid?) -> [String] {
        var problems: [String] = []
        if grid.size != size { self = VirtualTerminal(grid.size) }
        for change in grid.changes(since: previous?.size == grid.size ? previous : nil) where change.cell.width != 0 {
            let scalars = Array(change.cell.text.unicodeScalars)
            guard let first = scalars.first else { continue }
            let advance = TextWidth.scalarColumns(first)
            if advance != change.cell.width || scalars.dropFirst().contains(where: { TextWidth.scalarColumns($0) != 0 }) {
                problems.append("\(change.cell.text.unicodeScalars.map { String($0.value, radix: 16) }) advances the terminal "
                                + "\(scalars.map { TextWidth.scalarColumns($0) }.reduce(0, +)), the grid \(change.cell.width)")
            }
            write(change.cell, x: change.x, y: change.y, columns: advance)
        }
        return problems
    }

    private mutating func write(_ cell: Cell, x: Int, y: Int, columns: Int) {
        guard y < size.rows else { return }
        for cx in x..<min(x + max(1, columns), size.cols) {
            if cells[y][cx].width == 0, cx > 0, cx == x { cells[y][cx - 1] = .blank }
            if cells[y][cx].width == 2, cx + 1 < size.cols { cells[y][cx + 1] = .blank }
        }
        cells[y][x] = cell
        if columns == 2, x + 1 < size.cols { cells[y][x + 1] = Cell(text: "", width: 0, style: cell.style) }
    }

    var lines: [String] {
        cells.map { row in
            var s = row.map(\.text).joined()
            while s.last == " " { s.removeLast() }
            return s
        }
    }
}

@Suite struct ScreenEqualsFreshRenderTests {
    /// Notes lines of 60 to 72 columns ending in the sequences that broke the notes
    /// overlay in tmux, and lesson text with the same, over random resizes.
    static let endings = ["🇫🇷", "❤️", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "漢字", "e\u{301}", "1️⃣", "कि"]

    static func lesson(_ text: String) -> LessonLibrary {
        LessonLibrary.load([[.init(name: "wide.md", text: """
            ---
            id: wide
            minutes: "41-42"
            title: Wide \(text)
            calculator: fan-out
            checklist: ["the flag \(text)", "two"]
            ---
            # Heading \(text)
            \((0..<30).map { "Line \($0) of the board with \(text) in it, then some words to wrap." }.joined(separator: "\n\n"))
            """)]])
    }

    @Test func incrementalFramesAndTheTerminalEqualAFreshRender() async {
        let sizes = Gen.int(in: 0...999).array(of: 4...14)
        await propertyCheck(count: 30, input: sizes, Gen.int(in: 0...(Self.endings.count - 1))) { seeds, which in
            let ending = Self.endings[which]
            var h = Harness(120, 40, library: Self.lesson(ending))
            _ = h.state.update(.editNotes)
            let notes = (0..<12).map { String(repeating: "n", count: 60 + $0 % 13) + ending }.joined(separator: "\n")
            _ = h.state.update(.pasted(notes))
            var renderer = FrameRenderer()
            var terminal = VirtualTerminal(h.state.size)
            var previous: Grid?
            for (n, seed) in seeds.enumerated() {
                // Resize, scroll, close and reopen the notes: each frame drawn incrementally.
                switch seed % 5 {
                case 0, 1: h.resize(40 + seed % 170, 12 + (seed / 7) % 50)
                case 2: h.press(.escape)
                case 3: h.press(.character("N"))
                default: h.press(.character("j"), .character("j"))
                }
                let drawn = renderer.render(h.state)
                let fresh = Screen.render(h.state)
                #expect(drawn == fresh, "frame \(n) at \(h.state.size)")
                let problems = terminal.show(drawn, after: previous)
                #expect(problems.isEmpty, "frame \(n): \(problems.prefix(3))")
                #expect(terminal.lines == fresh.lines, "frame \(n) at \(h.state.size.cols)x\(h.state.size.rows) with \(ending)")
                previous = drawn
            }
        }
    }

    /// The notes overlay's right border stays in one column whatever the lines end in.
    @Test(arguments: endings)
    func theNotesBorderStaysStraight(_ ending: String) {
        var h = Harness(100, 30)
        _ = h.state.update(.editNotes)
        _ = h.state.update(.pasted((0..<12).map { String(repeating: "w", count: 60 + $0) + ending }.joined(separator: "\n")))
        let grid = h.grid
        let borderColumns = Set((0..<grid.size.rows).compactMap { y -> Int? in
            let row = (0..<grid.size.cols).map { grid[$0, y].text }
            guard row.contains("│") else { return nil }
            return row.lastIndex(of: "│")
        })
        #expect(borderColumns.count == 1, "right border at columns \(borderColumns.sorted())")
    }
}
