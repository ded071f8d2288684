import Trainer

/// The notes editor: a framed box over the panes. Long lines wrap at the box
/// edge (by columns, so the cursor maps one to one), and the cursor is drawn
/// as a reversed cell (the terminal's own cursor stays hidden).
struct NotesOverlay {
    let editor: TextEditor
    let title: String
    let theme: Theme
    /// The draft checked against the checklist (computed in `update` as it is typed).
    var check: AnswerCheck?
    var mask = AnswerMask()

    /// Where it is drawn: beside the lesson (over the calculator) where both panes share the
    /// window, so the lesson and its checklist stay in view; else a box over the panes.
    var beside: Rect?

    /// Rows under the text for the check: its header and one per item, at most half the box.
    static func checkRows(_ check: AnswerCheck?, height: Int) -> Int {
        guard let check, !check.isEmpty, height >= 6 else { return 0 }
        return min(check.checkable.count + 1, max(2, height / 2))
    }

    /// One screen row of the text: which line, and the characters it shows.
    struct Row { let line: Int; let start: Int; let chars: [Character] }

    static func rows(_ lines: [String], width: Int) -> [Row] {
        var out: [Row] = []
        for (i, text) in lines.enumerated() {
            let chars = Array(text)
            var start = 0
            repeat {
                var used = 0, end = start
                while end < chars.count, used + max(1, TextWidth.columns(of: chars[end])) <= width {
                    used += max(1, TextWidth.columns(of: chars[end]))
                    end += 1
                }
                if end == start, end < chars.count { end += 1 }   // a glyph wider than the box
                out.append(Row(line: i, start: start, chars: Array(chars[start..<end])))
                start = end
            } while start < chars.count
        }
        return out
    }

    func draw(on grid: inout Grid) {
        let rect = beside ?? overlayRect(on: grid, width: 76, height: max(8, grid.size.rows - 6))
        grid.fill(rect)
        theme.glyphs.box(rect, on: &grid, style: theme.focusedBorder, title: "Notes: \(title) · Esc keeps and closes")
        let box = rect.inset(by: 1).shifted(dx: 1)
        guard !box.isEmpty else { return }
        let checkRows = Self.checkRows(check, height: box.height)
        let inner = Rect(x: box.x, y: box.y, width: box.width, height: box.height - checkRows)
        if let check, checkRows > 0 {
            var rows = AnswerCheckLines(check: check, theme: theme, mask: mask).rows(itemColumns: beside == nil ? box.width / 2 - 4 : nil)
            if rows.count > checkRows {
                let hidden = rows.count - checkRows + 1
                rows = Array(rows.prefix(checkRows - 1)) + [Line("… \(hidden) more under Your notes (Esc)", theme.muted)]
            }
            let area = Rect(x: box.x, y: box.maxY - checkRows, width: box.width - 1, height: checkRows)
            for (i, row) in rows.enumerated() { row.draw(on: &grid, x: area.x, y: area.y + i, clip: area) }
        }
        // One column is kept free for the cursor at the end of a full row.
        let rows = Self.rows(editor.lines, width: max(1, inner.width - 1))
        let cursor = editor.cursor
        let cursorRow = rows.lastIndex { $0.line == cursor.line && $0.start <= cursor.column } ?? 0
        let first = max(0, cursorRow - inner.height + 1)
        for screenRow in 0..<inner.height {
            let r = first + screenRow
            guard rows.indices.contains(r) else { break }
            let row = rows[r]
            var x = inner.x
            for (c, ch) in row.chars.enumerated() {
                let isCursor = r == cursorRow && row.start + c == cursor.column
                x += grid.put(String(ch), x: x, y: inner.y + screenRow, style: isCursor ? .reverse : .plain, clip: inner)
            }
            if r == cursorRow, cursor.column >= row.start + row.chars.count {
                grid.put(" ", x: x, y: inner.y + screenRow, style: .reverse, clip: inner)
            }
        }
    }
}
