import Calculators
import Trainer

/// The live calculator: parameters (the selected one highlighted, changed
/// ones marked), results, the board's claims checked, and a chart.
struct CalculatorPane: Equatable, Sendable {
    let panel: PanelState
    /// The calculator's output for the panel's values, computed once per frame by the caller.
    let output: Output?
    let theme: Theme
    /// The estimate's result, shown as "?" until the user has guessed it, and
    /// the results that would answer it, kept back as long.
    var hidden = HiddenResults()
    /// Numbers covered in the claims' text and the notes until the guess (`AppState.answerMask`).
    var mask = AnswerMask()

    /// What the pane holds at a size: the parameter rows at the top (they stay
    /// put), and below them the results, claims and charts, which scroll.
    struct Content {
        var area: Rect
        var paramRows: Int
        var firstParameter: Int
        var lines: [Line]
        /// Where `lines` are drawn: the rows under the parameters.
        var rest: Rect
        /// The index in `lines` of each of the board's claims checked, in the panel's order.
        var claimLines: [Int] = []
        var maxScroll: Int { max(0, lines.count - rest.height) }
    }

    /// What is drawn at a cell of the pane: a parameter's row, a claim's, or anything else.
    enum Spot: Equatable {
        /// The parameter's index among `PanelState.visibleParameters`.
        case parameter(Int)
        /// The claim's index among `PanelState.claimChecks`.
        case claim(Int)
        case elsewhere
    }

    /// What the pane drawn in `rect` shows at column `x`, row `y` (a cell inside `rect`).
    func spot(atColumn x: Int, row y: Int, in rect: Rect) -> Spot {
        guard let c = content(in: rect), rect.inset(by: 1).contains(x: x, y: y) else { return .elsewhere }
        if y >= c.area.y, y < c.area.y + c.paramRows {
            let i = c.firstParameter + (y - c.area.y)
            return panel.visibleParameters.indices.contains(i) ? .parameter(i) : .elsewhere
        }
        guard c.rest.contains(x: c.rest.x, y: y) else { return .elsewhere }
        let line = min(max(0, panel.calculatorScroll), c.maxScroll) + (y - c.rest.y)
        return c.claimLines.firstIndex(of: line).map(Spot.claim) ?? .elsewhere
    }

    /// The furthest the results can scroll in a pane drawn in `rect`.
    func maxScroll(in rect: Rect) -> Int { content(in: rect)?.maxScroll ?? 0 }

    /// The rows the results get in a pane drawn in `rect` (a page for PgDn).
    func page(in rect: Rect) -> Int { content(in: rect)?.rest.height ?? 1 }

    func draw(in rect: Rect, on grid: inout Grid, focused: Bool, title suffix: String = "") {
        drawing(in: rect, focused: focused, title: suffix)?.draw(on: &grid)
    }

    /// What the pane draws, before it is drawn: its frame with the note on its bottom edge,
    /// and each row inside it. A row's cells depend on its `Row` alone (it is drawn on blank
    /// cells and clipped to `area`), so a frame that draws the same frame can keep the rows
    /// that are equal to the last frame's and draw only the others (`PaneMemo`).
    struct Drawing: Equatable {
        struct Frame: Equatable {
            var rect: Rect
            var focused: Bool
            var title: String
            var theme: Theme
            /// "↓ 3 more · c: claims" or "end" on the bottom edge, when the results scroll.
            var note: String?
        }

        /// One row of `area`: a line, and the style a selection bar paints the rest of the row with.
        struct Row: Equatable {
            var line: Line
            var fill: Style?
        }

        var frame: Frame
        /// Where the rows go: inside the frame, a column of padding each side.
        var area: Rect
        /// From the top of `area`; a row past the content is blank.
        var rows: [Row]

        func draw(on grid: inout Grid) {
            frame.theme.frame(frame.rect, on: &grid, focused: frame.focused, title: frame.title)
            for i in rows.indices { draw(row: i, on: &grid) }
            drawNote(on: &grid)
        }

        /// Row `i` on cells that are blank, as a new grid's are.
        func draw(row i: Int, on grid: inout Grid) {
            let row = rows[i]
            guard !row.line.spans.isEmpty || row.fill != nil else { return }
            row.line.draw(on: &grid, x: area.x, y: area.y + i, clip: area, fill: row.fill)
        }

        func drawNote(on grid: inout Grid) {
            guard let note = frame.note else { return }
            let w = TextWidth.columns(of: note)
            grid.put(note, x: frame.rect.maxX - 1 - w, y: frame.rect.maxY - 1, style: frame.theme.muted, clip: frame.rect)
        }
    }

    /// The pane drawn in `rect`, as a `Drawing`; nil when it draws nothing (no calculator or output).
    func drawing(in rect: Rect, focused: Bool, title suffix: String = "") -> Drawing? {
        guard let calculator = panel.calculator, let inputs = panel.inputs, output != nil else { return nil }
        var frame = Drawing.Frame(rect: rect, focused: focused, title: calculator.title + suffix, theme: theme)
        guard let c = content(in: rect) else { return Drawing(frame: frame, area: Rect(x: 0, y: 0, width: 0, height: 0), rows: []) }
        let area = c.area, parameters = panel.visibleParameters, width = area.width
        let labelWidth = min(parameters.map { TextWidth.columns(of: $0.label) }.max() ?? 0, max(8, width - 24))
        var rows = [Drawing.Row](repeating: Drawing.Row(line: .blank), count: max(0, area.height))
        for row in 0..<min(c.paramRows, rows.count) {
            let i = c.firstParameter + row
            guard parameters.indices.contains(i) else { break }
            let p = parameters[i]
            let isSelected = i == panel.selected
            let changed = panel.isChanged(p.key)
            var line = Line(isSelected ? theme.glyphs.pointer + " " : "  ")
            line.append(Pad.right(p.label, labelWidth), isSelected ? .bold : .plain)
            line.append("  " + p.display(inputs[p.key]), changed ? theme.changed : .plain)
            if changed { line.append(theme.glyphs == .unicode ? " •" : " *", theme.warn) } else if panel.link(p.key) != nil {
                line.append(" " + theme.glyphs.linked, theme.muted)
            }
            rows[row] = Drawing.Row(line: line, fill: isSelected ? (focused ? theme.selected : theme.selectedUnfocused) : nil)
        }
        // Scrolled with PgDn/PgUp (Space, b, Ctrl-D/U, Home/End) when the calculator has focus.
        let top = min(max(0, panel.calculatorScroll), c.maxScroll)
        if !c.rest.isEmpty {
            for row in 0..<c.rest.height {
                let i = top + row, at = c.rest.y - area.y + row
                guard c.lines.indices.contains(i), rows.indices.contains(at) else { break }
                rows[at] = Drawing.Row(line: c.lines[i])
            }
        }
        // Say when results or claims fall below the pane (c shows every claim).
        if c.maxScroll > 0, rect.height >= 3 {
            let below = c.lines.count - top - c.rest.height
            let label = below > 0 ? " ↓ \(below) more" + (panel.claimChecks.isEmpty ? "" : " · c: claims") + " " : " end "
            frame.note = theme.glyphs == .unicode ? label : label.replacing("↓", with: "v")
        }
        return Drawing(frame: frame, area: area, rows: rows)
    }

    /// The pane's rows at a size, built from the panel alone.
    func content(in rect: Rect) -> Content? {
        guard panel.calculator != nil, panel.inputs != nil, let computed = output else { return nil }
        let inner = rect.inset(by: 1)
        let area = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        guard !area.isEmpty else { return nil }
        var output = computed
        let width = area.width
        if !hidden.isEmpty {
            output.results = output.results.map {
                hidden.asked.contains($0.key) ? $0.showing("? (e to guess)")
                    : hidden.revealing.contains($0.key) ? $0.showing("(after v)") : $0
            }
        }

        // Parameters take up to a third of the height (at least 3 rows), from the
        // first row kept (`parameterTop`), moved only as far as keeps the selection in view.
        let parameters = panel.visibleParameters
        let paramRows = min(parameters.count, max(3, area.height / 3))
        var first = min(max(0, panel.parameterTop), max(0, parameters.count - paramRows))
        if panel.selected < first { first = panel.selected }
        if panel.selected >= first + paramRows { first = panel.selected - paramRows + 1 }
        first = min(max(0, first), max(0, parameters.count - paramRows))
        var lines: [Line] = []
        var claimLines: [Int] = []
        if let p = panel.selectedParameter {
            // Where a linked value comes from, or that this panel overrides it.
            if let link = panel.link(p.key) {
                lines.append(Line("  from scenario: " + link.source, theme.muted))
            } else if let link = panel.overriddenLink(p.key), let base = panel.baseInputs {
                lines.append(Line("  overrides scenario: \(link.source) = \(p.display(base[p.key])) · r restores", theme.warn))
            } else if !panel.isChanged(p.key), let reason = panel.lesson.departureReason(p.key) {
                // A value the lesson keeps off the scenario on purpose says why.
                for (i, part) in TextWidth.wrap("off the scenario: " + mask.apply(reason), width: max(8, width - 4)).enumerated() {
                    lines.append(Line((i == 0 ? "  " : "    ") + part, theme.muted))
                }
            }
            var hint = p.rangeDescription(through: theme.glyphs.through) + (p.scale == .logarithmic ? " · steps 1-2-5, ×10" : "")
            if parameters.count > paramRows { hint += " · \(panel.selected + 1)/\(parameters.count)" }
            lines.append(Line("  " + hint, theme.muted))
        }
        if let inputs = panel.inputs, let dormant = panel.calculator?.dormantParameters(inputs), !dormant.parameters.isEmpty {
            // Not hidden: dimmed, with where they act, so a mode switch moves nothing unseen.
            let values = dormant.parameters.map { $0.label + " " + $0.display(inputs[$0.key]) }.joined(separator: ", ")
            for (i, part) in TextWidth.wrap("applies in \(dormant.appliesIn): " + values, width: max(8, width - 4)).enumerated() {
                lines.append(Line((i == 0 ? "  " : "    ") + part, theme.muted))
            }
        }
        if panel.evaluating != nil {
            lines.append(Line("  Updating: the simulation runs off the keystroke path" + theme.glyphs.ellipsis, theme.warn))
        }
        // Notes explain clamps and contradictions in the inputs: right under them.
        for note in output.notes {
            for (i, part) in TextWidth.wrap(theme.glyphs.spelled(mask.apply(note)), width: width - 2).enumerated() {
                lines.append(Line((i == 0 ? "! " : "  ") + part, theme.warn))
            }
        }
        lines.append(.blank)
        lines += ResultsLayout(output, plusMinus: theme.glyphs.plusMinus).lines(width: width, listWidth: min(width, 56), theme: theme)
        let checks = panel.claimChecks
        if !checks.isEmpty {
            lines.append(.blank)
            let at = panel.claimsCheckedAt
            lines.append(Line("The board says", theme.heading)
                .appending(at.isEmpty ? "" : " (checked at the board's \(at.joined(separator: ", ")))", theme.muted))
            for check in checks {
                claimLines.append(lines.count)
                let kept = hidden.contains(check.claim.resultKey)
                // Until the guess, a verdict would say whether the board's figure is the answer.
                let mark = kept ? "?" : check.holds ? theme.glyphs.check : theme.glyphs.cross
                var line = Line(mark + " ", kept ? theme.muted : check.holds ? theme.good : theme.bad)
                // The computed value must stay visible: cut the claim's text, not the number.
                let value = kept ? "" : !check.holds ? check.computed.map { " " + theme.glyphs.arrowRight + " " + Format.quantity($0) } ?? "" : ""
                let room = max(4, width - 2 - TextWidth.columns(of: value))
                line.append(TextWidth.truncate(theme.glyphs.spelled(mask.apply(check.claim.text)), toColumns: room, ellipsis: theme.glyphs.ellipsis))
                if !value.isEmpty { line.append(value, theme.bad) }
                lines.append(line)
            }
        }
        // Charts fill what is left, first the first one; when little is left, each
        // still gets up to a pane's height, and the pane scrolls to it. None while a
        // value is hidden for the estimate (a bar would give it away).
        let charts = hidden.isEmpty ? output.charts : []
        let rest = Rect(x: area.x, y: area.y + paramRows, width: area.width, height: area.height - paramRows)
        var remaining = rest.height - lines.count
        for chart in charts where rest.height >= 4 {
            let drawn = ChartView(chart: chart, theme: theme).lines(width: width, maxHeight: max(remaining, rest.height) - 1)
            guard !drawn.isEmpty else { continue }
            lines.append(.blank)
            lines += drawn
            remaining -= drawn.count + 1
        }
        return Content(area: area, paramRows: paramRows, firstParameter: first, lines: lines, rest: rest, claimLines: claimLines)
    }
}

extension AppState {
    /// The calculator pane as the screen draws it now, and where; nil when it is not on screen.
    var calculatorOnScreenPane: (pane: CalculatorPane, rect: Rect)? {
        guard let p = panel, p.inputs != nil, Layout.fits(size), let rect = layout.calculator else { return nil }
        return (CalculatorPane(panel: p, output: p.output, theme: Theme(display), hidden: hiddenResults, mask: answerMask), rect)
    }

    /// The furthest the calculator's results can scroll at this size (0 when it is not drawn).
    var calculatorScrollLimit: Int {
        guard let (pane, rect) = calculatorOnScreenPane else { return 0 }
        return pane.maxScroll(in: rect)
    }

    /// The first parameter row the pane shows now (what `parameterTop` keeps after a move).
    var calculatorParameterTop: Int {
        guard let (pane, rect) = calculatorOnScreenPane else { return panel?.parameterTop ?? 0 }
        return pane.content(in: rect)?.firstParameter ?? 0
    }

    /// The rows a page of the calculator's results is.
    var calculatorPage: Int {
        guard let (pane, rect) = calculatorOnScreenPane else { return 1 }
        return max(1, pane.page(in: rect))
    }
}
