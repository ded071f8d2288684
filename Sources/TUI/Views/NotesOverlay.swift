/// The notes editor: a framed box over the panes, with the cursor drawn as a
/// reversed cell (the terminal's own cursor stays hidden).
struct NotesOverlay {
    let editor: TextEditor
    let title: String
    let theme: Theme

    func draw(on grid: inout Grid) {
        let rect = overlayRect(on: grid, width: 76, height: max(8, grid.size.rows - 6))
        grid.fill(rect)
        theme.glyphs.box(rect, on: &grid, style: theme.focusedBorder, title: "Notes: \(title) · Esc keeps and closes")
        let inner = rect.inset(by: 1).shifted(dx: 1)
        guard !inner.isEmpty else { return }
        let lines = editor.lines
        let first = max(0, editor.cursor.line - inner.height + 1)
        for row in 0..<inner.height {
            let i = first + row
            guard lines.indices.contains(i) else { break }
            let text = lines[i]
            // Keep the cursor column visible on long lines.
            let chars = Array(text)
            let cursorColumns = i == editor.cursor.line
                ? TextWidth.columns(of: String(chars.prefix(editor.cursor.column))) : 0
            let shift = max(0, cursorColumns - inner.width + 2)
            var x = inner.x - shift
            for (c, ch) in chars.enumerated() {
                let isCursor = i == editor.cursor.line && c == editor.cursor.column
                x += grid.put(String(ch), x: x, y: inner.y + row, style: isCursor ? .reverse : .plain, clip: inner)
            }
            if i == editor.cursor.line, editor.cursor.column >= chars.count {
                grid.put(" ", x: x, y: inner.y + row, style: .reverse, clip: inner)
            }
        }
    }
}
