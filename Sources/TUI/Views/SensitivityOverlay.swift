import Calculators

/// The chosen result's tornado (each input moved across the span, the largest
/// swing first) and, below it, where each of the calculator's decisions flips.
/// Reads only what `update` cached; it never runs a model.
struct SensitivityOverlay: ScrollingOverlay {
    let panel: PanelState
    let hidden: HiddenResults
    let theme: Theme
    let scroll: Int

    func lines(width: Int) -> [Line] {
        guard let result = panel.chosenResult(hiding: hidden) else {
            return [Line("No numeric result to analyse here.", theme.muted)]
        }
        var out: [Line] = []
        func wrapped(_ text: String, _ style: Style = .plain, indent: String = "") {
            for (i, part) in TextWidth.wrap(text, width: max(1, width - indent.count)).enumerated() {
                out.append(Line((i == 0 ? "" : indent) + part, style))
            }
        }
        out.append(Line(result.label, .bold).appending(" (\(result.key)) ", theme.muted).appending(result.display, .bold)
            .appending(" now", theme.muted))
        if let request = panel.tornadoRequest(result.key) {
            if let reply = panel.analysis[request] {
                if let tornado = reply.tornado {
                    wrapped("Each input moved \(tornado.span.description) of its value (one step when it is zero or a small whole number), within its range; the others held.", theme.muted)
                    out.append(.blank)
                    out += tornadoLines(tornado, width: width)
                    if !tornado.skipped.isEmpty {
                        out.append(.blank)
                        wrapped("Not moved: " + tornado.skipped.map { "\(label($0.key)) (\($0.reason))" }.joined(separator: ", "),
                                theme.muted, indent: "  ")
                    }
                } else if let failure = reply.failure {
                    wrapped(failure.description, theme.bad)
                }
            } else if panel.analysis.isPending(request) {
                wrapped("Updating: the simulation runs off the keystroke path…", theme.warn)
            }
        }
        if let request = panel.breakEvenRequest {
            out.append(.blank)
            out.append(Line("Where the decisions flip", theme.heading))
            if let evens = panel.analysis[request]?.breakEvens {
                wrapped("Each input moved across its whole range, the others as set; found by bisection on the model.", theme.muted)
                out += breakEvenLines(evens, width: width)
            } else if panel.analysis.isPending(request) {
                wrapped("Updating: the simulation runs off the keystroke path…", theme.warn)
            }
        }
        return out
    }

    func label(_ key: String) -> String { panel.calculator?.parameter(key)?.label ?? key }

    func tornadoLines(_ tornado: Sensitivity.Tornado, width: Int) -> [Line] {
        let unit = tornado.unit
        func value(_ v: Double) -> String { v.isFinite ? Format.quantity(Quantity(v, unit)) : "n/a" }
        let bars = tornado.bars
        guard !bars.isEmpty else { return [Line("No input can move here.", theme.muted)] }
        let base = tornado.result.quantity.value
        let labelWidth = min(bars.map { TextWidth.columns(of: $0.parameter.label) }.max() ?? 0, max(8, width / 4))
        let valueWidth = min(bars.flatMap { [value($0.low), value($0.high)] }.map(TextWidth.columns(of:)).max() ?? 0, 16)
        let barWidth = max(8, width - labelWidth - 2 * valueWidth - 6)
        let finite = bars.flatMap { [$0.low, $0.high] }.filter(\.isFinite) + [base]
        let lo = finite.min() ?? base, hi = finite.max() ?? base
        func column(_ v: Double) -> Int {
            guard hi > lo, v.isFinite else { return barWidth / 2 }
            return min(barWidth - 1, max(0, Int(((v - lo) / (hi - lo) * Double(barWidth - 1)).rounded())))
        }
        let centre = column(base)
        var out: [Line] = []
        for (i, bar) in bars.enumerated() {
            var cells = Array(repeating: " ", count: barWidth)
            if bar.low.isFinite, bar.high.isFinite {
                let a = column(min(bar.low, bar.high)), b = column(max(bar.low, bar.high))
                for c in a...b { cells[c] = theme.glyphs.block }
            }
            cells[centre] = theme.glyphs.vertical
            var line = Line(Pad.right(bar.parameter.label, labelWidth), i == 0 ? .bold : .plain)
            line.append("  " + Pad.left(value(bar.low), valueWidth) + " ")
            line.append(cells.joined(), i == 0 ? theme.highlightBar : theme.barStyle)
            line.append(" " + Pad.right(value(bar.high), valueWidth))
            out.append(line)
            let p = bar.parameter
            let moved = "  " + p.display(bar.lowInput) + " … " + p.display(bar.highInput)
                + (bar.move == .step ? " (one step)" : "") + " · swing " + value(bar.swing)
            out.append(Line(String.repeating(" ", count: labelWidth) + TextWidth.truncate(moved, toColumns: max(1, width - labelWidth), ellipsis: theme.glyphs.ellipsis), theme.muted))
        }
        return out
    }

    func breakEvenLines(_ evens: Sensitivity.BreakEvens, width: Int) -> [Line] {
        var out: [Line] = []
        for decision in evens.decisions {
            out.append(Line(decision.label + ": ", .bold).appending(decision.state, theme.good).appending(" now", theme.muted))
            let rows = evens.rows.filter { $0.decision == decision.key }
            let flipping = rows.filter { !$0.flips.isEmpty }
            let labelWidth = min(flipping.map { TextWidth.columns(of: $0.parameter.label) }.max() ?? 0, max(8, width / 3))
            for row in flipping {
                guard let flip = row.nearest else { continue }
                let p = row.parameter
                let more = row.flips.count > 1 ? " (+\(row.flips.count - 1) more)" : ""
                var line = Line("  " + Pad.right(p.label, labelWidth) + "  ")
                line.append(p.display(row.value), theme.muted)
                line.append(" · \(flip.from) → \(flip.to) at ")
                line.append(p.display(flip.at), .bold)
                line.append(more, theme.muted)
                out.append(line)
            }
            let still = rows.filter(\.flips.isEmpty).map(\.parameter.label)
            if !still.isEmpty {
                for (i, part) in TextWidth.wrap("does not flip in range: " + still.joined(separator: ", "), width: max(1, width - 4)).enumerated() {
                    out.append(Line((i == 0 ? "  " : "    ") + part, theme.muted))
                }
            }
        }
        return out
    }

    func draw(on grid: inout Grid) {
        let width = min(grid.size.cols - 4, 100)
        drawScrollingBox(lines(width: max(1, width - 4)), title: "Sensitivity · [/] result · = solve · Esc closes", maxWidth: 100,
                         scroll: scroll, theme: theme, on: &grid)
    }

    func frame(in size: Size) -> Rect { box(in: size).frame(in: size) }
    func maxScroll(in size: Size) -> Int { box(in: size).maxScroll(in: size) }
    private func box(in size: Size) -> ScrollingBox {
        ScrollingBox(content: lines(width: ScrollingBox.lineWidth(cols: size.cols, maxWidth: 100)), maxWidth: 100)
    }
}
