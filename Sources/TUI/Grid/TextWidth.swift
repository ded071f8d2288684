import Trainer

/// Column widths of text as a terminal shows it, and the text operations built on them.
///
/// Widths are glibc's `wcwidth` per scalar (East Asian Wide and Fullwidth, and
/// emoji that default to emoji presentation, take two columns; marks and format
/// characters none), which is what tmux, xterm, the Linux console and ncurses
/// itself count. The table lives here, not in libc, so that layout (and every
/// snapshot test) is the same under any locale, including `LANG=C`; a test
/// compares it with `wcwidth`.
///
/// Terminals disagree about emoji sequences: a flag, a ZWJ family, a heart with
/// U+FE0F, a skin tone take 1, 2, 4 or 8 columns depending on the terminal. Such
/// a grapheme is drawn as pieces every terminal measures alike (see `pieces`),
/// and measured as those pieces, so the screen always matches the grid.
public enum TextWidth {
    /// Columns one grapheme takes on screen: the columns of its pieces when it is drawn in pieces.
    ///
    /// | character                         | drawn as       | columns |
    /// |-----------------------------------|----------------|---------|
    /// | `a`, `é`, `e` + U+0301, `─`, `…`  | itself         | 1       |
    /// | `漢`, `Ａ` (fullwidth), `🚀`, `⌚`  | itself         | 2       |
    /// | `ｱ` (halfwidth katakana), `❤`     | itself         | 1       |
    /// | `🇫🇷` (regional indicators)        | `FR`           | 2       |
    /// | `❤️` (❤ + U+FE0F), `❤︎` (+ U+FE0E)  | `❤`            | 1       |
    /// | `👍🏽` (skin tone)                  | `👍`           | 2       |
    /// | `👨‍👩‍👧‍👦` (ZWJ family)             | `👨👩👧👦`       | 8       |
    /// | `🏳️‍🌈` (flag, U+FE0F, ZWJ, rainbow) | `🏳🌈`          | 3       |
    /// | U+0301 alone, U+200B              | nothing        | 0       |
    /// | C0/C1 controls, DEL               | (sanitize first: `^[` is 2) | 0 |
    public static func columns(of character: Character) -> Int {
        // Printable ASCII is one column: the common case, without Unicode property lookups.
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isControl(first) { return 0 }
        if let pieces = pieces(of: character) { return pieces.reduce(0) { $0 + $1.columns } }
        return scalarColumns(first)
    }

    /// Columns of one scalar, as `wcwidth` counts them: 0 for controls, marks and
    /// format characters, 2 for wide ones, 1 for the rest.
    public static func scalarColumns(_ u: Unicode.Scalar) -> Int {
        if u.value >= 0x20 && u.value < 0x7F { return 1 }
        if isControl(u) || isZeroWidth(u) { return 0 }
        return isWide(u) ? 2 : 1
    }

    /// One piece of a grapheme as it is drawn: a spacing scalar with the marks on it.
    public struct Piece: Equatable, Sendable {
        public let text: String
        public let columns: Int
    }

    /// The pieces a grapheme is drawn as, when terminals disagree about drawing it
    /// whole; nil for a grapheme drawn as itself (one spacing scalar, any marks on it).
    ///
    /// Regional indicators become their letters (`🇫🇷` → `F`, `R`: two adjacent
    /// indicators would be joined into a flag again); variation selectors, the
    /// zero-width joiner, skin-tone modifiers, tags and the keycap mark are left
    /// out; every other spacing scalar, with the marks after it, is a piece of its
    /// own, as a terminal that counts `wcwidth` draws it.
    public static func pieces(of character: Character) -> [Piece]? {
        let scalars = character.unicodeScalars
        var spacing = 0, special = false
        for u in scalars {
            if isRegionalIndicator(u) || isEmojiComponent(u) { special = true } else if scalarColumns(u) > 0 { spacing += 1 }
        }
        guard special || spacing > 1 || (spacing == 1 && scalarColumns(scalars.first!) == 0) else { return nil }
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView(), width = 0
        func flush() {
            if width > 0 { pieces.append(Piece(text: String(text), columns: width)) }
            text = String.UnicodeScalarView()
            width = 0
        }
        for u in scalars {
            if isRegionalIndicator(u) {
                flush()
                text.append(Unicode.Scalar(UInt8(0x41 + u.value - 0x1F1E6)))
                width = 1
                flush()
            } else if isEmojiComponent(u) || isControl(u) {
                continue
            } else if scalarColumns(u) > 0 {
                flush()
                text.append(u)
                width = scalarColumns(u)
            } else if width > 0 {
                // A mark on the piece before it (a mark with nothing under it is left out).
                text.append(u)
            }
        }
        flush()
        return pieces
    }

    static func isRegionalIndicator(_ u: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(u.value) }

    /// Scalars that only change how an emoji sequence is drawn, where terminals disagree:
    /// text and emoji presentation selectors, the zero-width joiner, the keycap mark,
    /// skin-tone modifiers and tag characters.
    static func isEmojiComponent(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFE0E, 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: true
        default: false
        }
    }

    /// Sum of `columns(of:)` over the string's graphemes.
    public static func columns(of string: String) -> Int {
        if let n = printableASCIICount(string) { return n }
        if let n = loneScalarColumns(string) { return n }
        var total = 0
        for c in string { total += columns(of: c) }
        return total
    }

    /// The length of `s` when every byte of it is printable ASCII (one column
    /// each, nothing to sanitize), else nil: the fast path for most text on screen.
    @inline(__always)
    static func printableASCIICount(_ s: String) -> Int? {
        var n = 0
        for byte in s.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            n += 1
        }
        return n
    }

    /// The columns of `s` when each of its scalars is a grapheme of its own and
    /// printable (see `standsAlone`), else nil: box lines, arrows, `…`, `×`, `µ`,
    /// CJK and most emoji, measured without finding grapheme boundaries.
    static func loneScalarColumns(_ s: String) -> Int? {
        var n = 0
        for u in s.unicodeScalars {
            guard standsAlone(u) else { return nil }
            n += loneColumns(u)
        }
        return n
    }

    /// True for a printable scalar that never joins a neighbour into one grapheme
    /// (no combining mark, joiner, variation selector, emoji modifier, regional
    /// indicator or Hangul jamo, no control) and that no neighbour in these
    /// ranges can join: a string made only of such scalars has one grapheme per scalar.
    @inline(__always)
    static func standsAlone(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20...0x7E, 0xA0...0x2FF, 0x370...0x482,          // Latin, Greek, Cyrillic (before its combining marks)
             0x2010...0x2027, 0x2030...0x205F, 0x2070...0x20CF,  // punctuation, super- and subscripts, currency
             0x2100...0x2BFF,                                     // letterlike, arrows, maths, boxes, shapes, symbols, dingbats
             0x3040...0x3098, 0x30A0...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60,  // kana, CJK, Hangul syllables, fullwidth
             0x1F300...0x1F3FA, 0x1F400...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF:  // emoji, without skin-tone modifiers
            return true
        default:
            return false
        }
    }

    /// `columns(of:)` of a one-scalar grapheme that `standsAlone`: none of those
    /// is zero-width or a control, so it is 2 for a wide one and 1 otherwise.
    @inline(__always)
    static func loneColumns(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x1100 || (0x2010...0x21FF).contains(v) || (0x2500...0x259F).contains(v) { return 1 }
        return isWide(u) ? 2 : 1
    }

    /// Cuts `s` to at most `n` columns, ending in `ellipsis` when anything was cut.
    ///
    /// | call                                  | result     |
    /// |---------------------------------------|------------|
    /// | `truncate("hello", toColumns: 5)`     | `"hello"`  |
    /// | `truncate("hello", toColumns: 4)`     | `"hel…"`   |
    /// | `truncate("漢字漢", toColumns: 4)`     | `"漢…"` (3 columns: half a `字` is never kept) |
    /// | `truncate("hello", toColumns: 0)`     | `""`       |
    /// | `truncate("hello", toColumns: 2, ellipsis: "...")` | `"he"` (the ellipsis does not fit, so the text wins) |
    ///
    /// Measures `s` as given: sanitize first if it may hold control characters.
    public static func truncate(_ s: String, toColumns n: Int, ellipsis: String = "…") -> String {
        guard n > 0 else { return "" }
        if columns(of: s) <= n { return s }
        let tail = columns(of: ellipsis)
        let keep = tail <= n ? n - tail : n
        var out = ""
        var used = 0
        for c in s {
            let w = columns(of: c)
            if used + w > keep { break }
            out.append(c)
            used += w
        }
        return tail <= n ? out + ellipsis : out
    }

    /// Greedy word wrap to `width` columns.
    ///
    /// Words are split at spaces (runs of spaces collapse), `"\n"` starts a new
    /// line and an empty line is kept as `""`. A word longer than `width` is
    /// broken hard at the column limit, never inside a wide character; a
    /// grapheme wider than `width` itself (a CJK character at width 1) is
    /// dropped, so that no line is ever wider than `width`.
    ///
    /// ```
    /// wrap("the quick brown fox", width: 10)  // ["the quick", "brown fox"]
    /// wrap("abcdefghij", width: 4)            // ["abcd", "efgh", "ij"]
    /// wrap("漢字漢字", width: 3)                // ["漢", "字", "漢", "字"]
    /// wrap("a\n\nb", width: 5)                 // ["a", "", "b"]
    /// wrap("anything", width: 0)              // []
    /// ```
    public static func wrap(_ s: String, width: Int) -> [String] {
        guard width >= 1 else { return [] }
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var startedLine = false
            for word in paragraph.split(separator: " ") {
                var pieces = [(String(word), columns(of: String(word)))]
                if pieces[0].1 > width { pieces = hardBreak(word, width: width) }
                for (piece, w) in pieces {
                    if !startedLine {
                        line = piece; lineWidth = w; startedLine = true
                    } else if lineWidth + 1 + w <= width {
                        line += " " + piece; lineWidth += 1 + w
                    } else {
                        lines.append(line)
                        line = piece; lineWidth = w
                    }
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Makes text safe to put in a cell: no byte of it can drive the terminal.
    ///
    /// Lesson files and notes are user-controlled; an ESC in them could move the
    /// cursor, retitle the window (OSC 0) or write the clipboard (OSC 52).
    /// This is `VisibleText.escape(_:.cell)`, the same function every command's
    /// output and both exports go through.
    ///
    /// | input                        | output       |
    /// |------------------------------|--------------|
    /// | `"\u{1B}[2J"` (ESC)          | `"^[[2J"`    |
    /// | `"\u{07}"` (BEL), `"\u{00}"` | `"^G"`, `"^@"` |
    /// | `"\n"`, `"\r"`               | `"^J"`, `"^M"` |
    /// | `"\u{7F}"` (DEL)             | `"^?"`       |
    /// | `"\u{9B}"` (C1 CSI), U+0080–U+009F | `"\\x9b"` |
    /// | `"\t"`                       | `" "`        |
    public static func sanitized(_ s: String) -> String {
        VisibleText.escape(s, .cell)
    }

    // MARK: - Tables

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F)
    }

    /// Non-spacing and enclosing marks, format characters and Hangul medial
    /// and final jamo: they sit on the previous character.
    static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format:
            // A soft hyphen shows as a hyphen; the Arabic and Syriac signs that span
            // the digits after them (prepended concatenation marks) take a column.
            switch u.value {
            case 0x00AD, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD: return false
            default: return true
            }
        default: break
        }
        return (0x1160...0x11FF).contains(u.value) || u.value == 0x200B
    }

    /// East Asian Wide or Fullwidth, or an emoji that defaults to emoji presentation.
    static func isWide(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x1100 { return false }
        // Regional indicators have emoji presentation but one column each (a pair is a flag).
        if u.properties.isEmojiPresentation { return !isRegionalIndicator(u) }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    /// East Asian Width W and F blocks (Unicode 15), emoji handled separately.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, compatibility
        0x3400...0x4DBF,   // CJK extension A
        0x4DC0...0x4DFF,   // Yijing hexagram symbols
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small forms
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x18D00...0x18D08,  // Tangut, Khitan
        0x1AFF0...0x1B2FF, // Kana supplement and extensions, Nushu
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD, // CJK extensions B-F
        0x30000...0x3FFFD, // CJK extensions G-H
    ]

    private static func hardBreak(_ word: Substring, width: Int) -> [(String, Int)] {
        var pieces: [(String, Int)] = []
        var piece = ""
        var used = 0
        for c in word {
            let w = columns(of: c)
            if w > width { continue }
            if used + w > width {
                pieces.append((piece, used))
                piece = ""; used = 0
            }
            piece.append(c); used += w
        }
        if !piece.isEmpty { pieces.append((piece, used)) }
        return pieces
    }
}
