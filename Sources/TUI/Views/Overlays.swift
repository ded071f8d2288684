import Trainer

/// Centred box for overlays, sized to the content and the screen.
func overlayRect(on grid: Grid, width: Int, height: Int) -> Rect {
    overlayRect(in: grid.size, width: width, height: height)
}

func overlayRect(in size: Size, width: Int, height: Int) -> Rect {
    let w = min(width, size.cols - 2), h = min(height, size.rows - 2)
    return Rect(x: (size.cols - w) / 2, y: (size.rows - h) / 2, width: w, height: h)
}

/// An overlay of lines that scroll (help, claims, sensitivity, changed values,
/// calibration): `render` draws it, and the scroll keys and the mouse wheel are
/// bounded by and aimed at the same box.
protocol ScrollingOverlay {
    func draw(on grid: inout Grid)
    /// The box it is drawn in on a screen of `size`.
    func frame(in size: Size) -> Rect
    /// The furthest its lines can scroll on a screen of `size`.
    func maxScroll(in size: Size) -> Int
}

/// A centred box of scrolled lines (the claims, sensitivity, changed and
/// calibration overlays): where it goes and how far it scrolls.
struct ScrollingBox {
    let content: [Line]
    let maxWidth: Int

    /// The columns its lines get on a screen `cols` wide.
    static func lineWidth(cols: Int, maxWidth: Int) -> Int { max(1, min(cols - 4, maxWidth) - 4) }

    func frame(in size: Size) -> Rect {
        overlayRect(in: size, width: min(size.cols - 4, maxWidth), height: content.count + 2)
    }

    func maxScroll(in size: Size) -> Int {
        max(0, content.count - frame(in: size).inset(by: 1).height)
    }
}

/// Every key, grouped, from the keymap itself: two columns when the screen
/// is wide enough, scrolled with j/k when it is short. Each line is whole at
/// any width the trainer runs at: a help text wraps under its own column, and
/// keys too long for the key column get a line of their own above it.
struct HelpOverlay: ScrollingOverlay {
    let theme: Theme
    var scroll = 0

    /// The key column's width, two spaces included: as wide as the longest key
    /// names, and never more than a third of the column, so the help text keeps room.
    static func keyColumn(width: Int) -> Int {
        let longest = (Keymap.bindings.map(\.keyNames) + mouse.map(\.0)).map(TextWidth.columns(of:)).max() ?? 0
        return min(longest + 2, max(8, width / 3))
    }

    /// Groups, each a heading and its bindings, wrapped to `width` columns.
    func groups(width: Int) -> [[Line]] {
        var out: [[Line]] = []
        var group = ""
        let keyColumn = Self.keyColumn(width: width)
        let textWidth = max(10, width - keyColumn)
        func entry(_ keys: String, _ text: String, group name: String) {
            if name != group {
                group = name
                out.append([Line(name, theme.heading)])
            }
            var help = TextWidth.wrap(text, width: textWidth)
            if TextWidth.columns(of: keys) >= keyColumn {
                out[out.count - 1].append(Line(keys, .bold))
            } else {
                out[out.count - 1].append(Line(Pad.right(keys, keyColumn), .bold).appending(help.isEmpty ? "" : help.removeFirst()))
            }
            for rest in help { out[out.count - 1].append(Line(String.repeating(" ", count: keyColumn) + rest)) }
        }
        for binding in Keymap.bindings { entry(binding.keyNames, binding.help, group: binding.group) }
        for (keys, text) in Self.mouse { entry(keys, text, group: "Mouse") }
        return out
    }

    /// What the mouse does (`AppState.mouseMessage`), after the keys.
    static let mouse = [
        ("wheel", "scroll the pane or the view under the pointer (in the panel list: move the selection)"),
        ("click", "select a parameter, open the claims at a claim, pick a panel from the list, focus a pane"),
        ("--no-mouse", "start without it: the terminal keeps its own text selection"),
    ]

    /// The columns of lines and the box they go in on a screen of `size`.
    func columns(in size: Size) -> (left: [Line], right: [Line], rect: Rect) {
        let twoColumns = size.cols >= 124
        // Text widths: up to 74 columns a column, less on a narrow screen (the box takes 4).
        let boxWidth = min(twoColumns ? 2 * 76 + 4 : 76 + 4, size.cols - 2)
        let groups = self.groups(width: twoColumns ? (boxWidth - 4) / 2 - 2 : boxWidth - 4)
        var left: [Line] = Array(groups.flatMap { $0 + [.blank] }.dropLast()), right: [Line] = []
        if twoColumns {
            // Split at the group boundary that leaves the taller column shortest.
            func column(_ part: ArraySlice<[Line]>) -> [Line] { Array(part.flatMap { $0 + [.blank] }.dropLast()) }
            let split = (0...groups.count).min { a, b in
                max(column(groups[..<a]).count, column(groups[a...]).count)
                    < max(column(groups[..<b]).count, column(groups[b...]).count)
            } ?? 0
            left = column(groups[..<split])
            right = column(groups[split...])
        }
        let rows = max(left.count, right.count)
        return (left, right, overlayRect(in: size, width: boxWidth, height: rows + 2))
    }

    func frame(in size: Size) -> Rect { columns(in: size).rect }

    func maxScroll(in size: Size) -> Int {
        let (left, right, rect) = columns(in: size)
        return max(0, max(left.count, right.count) - rect.inset(by: 1).height)
    }

    func draw(on grid: inout Grid) {
        let (left, right, rect) = columns(in: grid.size)
        let twoColumns = grid.size.cols >= 124
        let rows = max(left.count, right.count)
        grid.fill(rect)
        let inner = rect.inset(by: 1).shifted(dx: 1)
        let top = min(max(0, scroll), max(0, rows - inner.height))
        let more = rows - top - inner.height
        let title = "Keys · Esc or ? closes" + (rows > inner.height ? (more > 0 ? " · j/k scroll" : " · end") : "")
        theme.glyphs.box(rect, on: &grid, style: theme.focusedBorder, title: title)
        if twoColumns {
            let (l, r) = inner.splitHorizontally(leftWidth: inner.width / 2)
            left.draw(on: &grid, in: l, scroll: top)
            right.draw(on: &grid, in: r, scroll: top)
        } else {
            left.draw(on: &grid, in: inner, scroll: top)
        }
    }
}

/// Jump to a panel: type a number or part of a title.
struct PanelListOverlay {
    let state: AppState
    let query: LineEditor
    let selection: Int
    let theme: Theme

    /// Where the list goes on a screen of `size`: the box, the rows of matches, the
    /// matches and the first one shown (the list scrolls to keep the selection in view).
    struct Geometry {
        var rect: Rect
        var list: Rect
        var matches: [Int]
        var first: Int
    }

    func geometry(in size: Size) -> Geometry {
        let matches = state.panelMatches(query.text)
        let rect = overlayRect(in: size, width: 70, height: min(state.panels.count, 20) + 4)
        let inner = rect.inset(by: 1).shifted(dx: 1)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        let at = matches.firstIndex(of: selection) ?? 0
        let first = min(max(0, at - list.height + 1), max(0, matches.count - list.height))
        return Geometry(rect: rect, list: list, matches: matches, first: first)
    }

    /// The position among the matches of the row at `y` (nil: no match drawn there).
    func match(atColumn x: Int, row y: Int, in size: Size) -> Int? {
        let g = geometry(in: size)
        guard !g.list.isEmpty, g.list.contains(x: x, y: y) else { return nil }
        let m = g.first + (y - g.list.y)
        return g.matches.indices.contains(m) ? m : nil
    }

    func draw(on grid: inout Grid) {
        let g = geometry(in: grid.size)
        let (matches, rect, listRect, first) = (g.matches, g.rect, g.list, g.first)
        grid.fill(rect)
        theme.glyphs.box(rect, on: &grid, style: theme.focusedBorder, title: "Go to panel: number, title or text · Enter opens · Esc closes")
        let inner = rect.inset(by: 1).shifted(dx: 1)
        let cursor = theme.glyphs == .unicode ? "▏" : "_"
        let shown = query.visible(columns: max(4, inner.width - 6), cursor: cursor, ellipsis: theme.glyphs.ellipsis)
        Line("Find: ", .bold).appending(shown).draw(on: &grid, x: inner.x, y: inner.y, clip: inner)
        guard !listRect.isEmpty else { return }
        if matches.isEmpty {
            grid.put("no panel matches", x: listRect.x, y: listRect.y, style: theme.muted, clip: listRect)
            return
        }
        for row in 0..<listRect.height {
            let m = first + row
            guard matches.indices.contains(m) else { break }
            // The problems page has no lesson: list it by its title alone.
            let index = matches[m]
            let minutes = state.panels.indices.contains(index) ? state.panels[index].lesson.minutes : "—"
            // A panel listed for its text says so (Enter then shows the first match in it).
            let inText = state.matchesOnlyInText(index, query.text) ? " · in its text" : ""
            let text = Pad.left("\(index + 1)", 3) + "  " + Pad.right(minutes, 5) + "  "
                + TextWidth.truncate(state.pageTitle(index), toColumns: max(1, listRect.width - 12 - inText.count), ellipsis: theme.glyphs.ellipsis)
            Line(text).appending(inText, theme.muted).draw(on: &grid, x: listRect.x, y: listRect.y + row, clip: listRect,
                            fill: matches[m] == selection ? theme.selected : nil)
        }
    }
}

/// Lesson files that did not load, with every problem as lint prints it.
struct ProblemsPage {
    let problems: [LessonError]
    let theme: Theme

    func draw(in rect: Rect, on grid: inout Grid) {
        theme.glyphs.box(rect, on: &grid, style: theme.bad, title: "Lesson files that did not load")
        let inner = rect.inset(by: 1).shifted(dx: 1)
        var lines = [Line("Fix these and restart (whiteboard lint DIR checks a folder):", .bold), .blank]
        for p in problems {
            for (i, part) in TextWidth.wrap(p.description, width: max(1, inner.width - 2)).enumerated() {
                lines.append(Line(i == 0 ? part : "  " + part, i == 0 ? theme.bad : .plain))
            }
        }
        lines.draw(on: &grid, in: inner)
    }
}

extension Rect {
    /// Moved right by `dx` and narrowed by `2 * dx`: inner padding inside a frame.
    func shifted(dx: Int) -> Rect { Rect(x: x + dx, y: y, width: width - 2 * dx, height: height) }
}

/// A centred, focused box of scrolled lines, its title saying whether there is
/// more below (` · j/k scroll`) or this is the last of it (` · end`). The claims
/// and sensitivity overlays are this box around their own lines.
func drawScrollingBox(_ content: [Line], title: String, maxWidth: Int, scroll: Int,
                      theme: Theme, on grid: inout Grid) {
    let rect = ScrollingBox(content: content, maxWidth: maxWidth).frame(in: grid.size)
    grid.fill(rect)
    let inner = rect.inset(by: 1).shifted(dx: 1)
    let top = min(scroll, max(0, content.count - inner.height))
    let more = content.count - top - inner.height
    let state = content.count > inner.height ? (more > 0 ? " · j/k scroll" : " · end") : ""
    theme.glyphs.box(rect, on: &grid, style: theme.focusedBorder, title: title + state)
    content.draw(on: &grid, in: inner, scroll: top)
}
