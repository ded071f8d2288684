/// The ASCII fallback for a whole frame: without a UTF-8 locale (or with
/// `--ascii`) every non-ASCII character on screen — in lesson text, in numbers
/// ("×", "µ") and in our own marks — becomes its nearest ASCII look-alike, or
/// "?", so a C-locale terminal never receives bytes it cannot show.
extension Grid {
    static let asciiLookAlikes: [String: String] = [
        "…": ".", "·": "-", "→": ">", "←": "<", "↑": "^", "↓": "v", "×": "x", "•": "*", "▸": ">", "▶": ">",
        "◀": "<", "▲": "^", "⏸": "|", "✓": "+", "✗": "x", "☐": "[", "☑": "x", "µ": "u", "≈": "~", "–": "-",
        "—": "-", "’": "'", "‘": "'", "“": "\"", "”": "\"", "α": "a", "≤": "<", "≥": ">", "█": "#", "▓": "#",
        "▒": "~", "░": ":", "━": "=", "┄": "-", "╳": "x", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+",
        "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "┃": "|", "┏": "#", "┓": "#", "┗": "#", "┛": "#", "▏": "|", "²": "2", "³": "3", "€": "E",
        "£": "L", "é": "e", "è": "e", "à": "a", "ü": "u", "ö": "o", "ä": "a",
    ]

    /// Look-alikes longer than the glyph they stand for: they need columns of their own.
    static let asciiWideLookAlikes: [(glyph: String, ascii: String)] = [("±", "+/-")]

    mutating func asciify() {
        for (glyph, ascii) in Self.asciiWideLookAlikes { widen(glyph, to: ascii) }
        mapText { Self.asciiLookAlikes[$0] ?? "?" }
    }

    /// Writes each `glyph` as the longer `ascii` (`±` as `+/-`) on its own row, taking the
    /// extra columns from the nearest run of blanks that can spare them and keep one blank:
    /// first to the left (the padding before a right-aligned value), else to the right (the
    /// space at the end of a line). The text between moves over; frames and other columns stay.
    ///
    /// | before (`·` a blank)   | after                  |
    /// |------------------------|------------------------|
    /// | `n····725 ± 31 writes` | `n··725 +/- 31 writes` |
    /// | `a ±20 % of it···│`    | `a +/-20 % of it·│`    |
    ///
    /// With no run to take from, the glyph is left to the one-column look-alikes ("?").
    mutating func widen(_ glyph: String, to ascii: String) {
        let extra = ascii.count - 1
        guard extra > 0 else { return }
        for y in 0..<size.rows {
            var x = 0
            while x < size.cols {
                let cell = self[x, y]
                guard cell.text == glyph, cell.width == 1 else { x += 1; continue }
                func blank(_ c: Int) -> Bool { self[c, y].text == " " && self[c, y].width == 1 }
                // Left: the nearest run of blanks long enough, ending at `end`.
                var end = x - 1, start = x
                while end >= 0 {
                    while end >= 0, !blank(end) { end -= 1 }
                    start = end
                    while start > 0, blank(start - 1) { start -= 1 }
                    if end >= 0, end - start + 1 >= extra + 1 { break }
                    end = start - 1
                }
                if end >= 0, end - start + 1 >= extra + 1 {
                    // Move x-1 … end+1 left by `extra`, then write the look-alike ending at x.
                    for c in (end + 1)..<x { move(from: c, to: c - extra, y: y) }
                    put(ascii, x: x - extra, y: y, style: cell.style)
                    x += 1
                    continue
                }
                // Right: the nearest run long enough, starting at `first`.
                var first = x + 1, last = x
                while first < size.cols {
                    while first < size.cols, !blank(first) { first += 1 }
                    last = first
                    while last + 1 < size.cols, blank(last + 1) { last += 1 }
                    if first < size.cols, last - first + 1 >= extra + 1 { break }
                    first = last + 1
                }
                if first < size.cols, last - first + 1 >= extra + 1 {
                    for c in stride(from: first - 1, through: x + 1, by: -1) { move(from: c, to: c + extra, y: y) }
                    put(ascii, x: x, y: y, style: cell.style)
                    x += extra + 1
                    continue
                }
                x += 1
            }
        }
    }

    /// Copies one cell along its row (a wide glyph's lead carries its continuation).
    private mutating func move(from: Int, to: Int, y: Int) {
        let cell = self[from, y]
        if cell.isContinuation { return }
        put(cell.text, x: to, y: y, style: cell.style)
    }
}
