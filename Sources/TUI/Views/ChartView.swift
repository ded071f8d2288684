import Calculators

/// Draws a calculator's chart data as lines: bars, a curve with its best
/// point, a timeline of states.
struct ChartView {
    let chart: Chart
    let theme: Theme

    func lines(width: Int, maxHeight: Int) -> [Line] {
        guard width >= 10, maxHeight >= 2 else { return [] }
        switch chart {
        case let .bars(title, bars): return self.bars(title, bars, width: width, maxHeight: maxHeight)
        case let .curve(title, xLabel, yUnit, points, marked, logX):
            if points.count <= 8 { return scatter(title, xLabel, yUnit, points, marked, width: width) }
            return curve(title, xLabel, yUnit, points, marked, logX: logX, width: width, maxHeight: maxHeight)
        case let .timeline(title, duration, lanes): return timeline(title, duration, lanes, width: width)
        }
    }

    func bars(_ title: String, _ bars: [Chart.Bar], width: Int, maxHeight: Int) -> [Line] {
        // Rows that do not fit are left out, but the scale is the largest of all
        // rows, so a cut-off row never makes a small one look biggest.
        let fits = bars.count <= maxHeight - 1
        let shown = Array(bars.prefix(fits ? bars.count : max(0, maxHeight - 2)))
        let labelWidth = min(shown.map { TextWidth.columns(of: $0.label) }.max() ?? 0, max(6, width / 3))
        let values = shown.map { $0.quantity.value.isFinite ? $0.quantity.value : 0 }
        let top = bars.map { $0.quantity.value.isFinite ? $0.quantity.value : 0 }.max() ?? 0
        let texts = shown.map { Format.quantity($0.quantity) }
        let valueWidth = texts.map(TextWidth.columns(of:)).max() ?? 0
        let barWidth = max(1, width - labelWidth - valueWidth - 3)
        var out = [Line(title, theme.muted)]
        for (i, bar) in shown.enumerated() {
            let drawn = theme.glyphs.bar(value: values[i], max: top, width: barWidth)
            out.append(Line(Pad.right(bar.label, labelWidth) + " ", bar.highlighted ? .bold : .plain)
                .appending(drawn, bar.highlighted ? theme.highlightBar : theme.barStyle)
                .appending(String.repeating(" ", count: max(1, barWidth - TextWidth.columns(of: drawn) + 1)))
                .appending(texts[i]))
        }
        if !fits { out.append(Line("  … \(bars.count - shown.count) more rows (a taller window shows them)", theme.muted)) }
        return out
    }

    func curve(_ title: String, _ xLabel: String, _ yUnit: Unit, _ points: [Chart.Point], _ mark: Chart.Mark?, logX: Bool,
               width: Int, maxHeight: Int) -> [Line] {
        guard points.count >= 2 else { return [] }
        let rows = max(1, min(4, maxHeight - 3))
        let columns = width
        let ys = points.map { $0.y.isFinite ? $0.y : 0 }
        let lo = min(0, ys.min() ?? 0), hi = ys.max() ?? 1
        // Resample to one value per column.
        func point(atColumn c: Int) -> Int { min(points.count - 1, c * points.count / columns) }
        let eighths = theme.glyphs == .unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : [".", ".", "o", "o", "O", "O", "#", "#"]
        var grid = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        for c in 0..<columns {
            let y = ys[point(atColumn: c)]
            let level = hi > lo ? (y - lo) / (hi - lo) * Double(rows * 8) : 0
            for r in 0..<rows {
                let fill = level - Double(r * 8)
                if fill >= 8 { grid[rows - 1 - r][c] = eighths[7] } else if fill > 0 {
                    grid[rows - 1 - r][c] = eighths[max(0, Int(fill) - 1)]
                }
            }
        }
        // The peak with its unit: "(106M followers max)".
        let peak = yUnit.dimension == .count || yUnit.dimension == .rate
            ? Format.compact(hi) + (yUnit.symbol.isEmpty ? "" : " " + yUnit.symbol) : Format.quantity(Quantity(hi, yUnit))
        var out = [Line(title + "  (" + peak + " max)", theme.muted)]
        let markColumn = mark.map { m in (0..<columns).first { point(atColumn: $0) >= m.index } ?? columns - 1 }
        for row in grid {
            var line = Line()
            for (c, ch) in row.enumerated() { line.append(ch, c == markColumn ? theme.highlightBar : theme.barStyle) }
            out.append(line)
        }
        let first = Format.compact(points.first!.x), last = Format.compact(points.last!.x)
        var axis = Pad.right(first, max(0, width - TextWidth.columns(of: last))) + last
        if let m = mark, points.indices.contains(m.index), let c = markColumn {
            let label = (theme.glyphs == .unicode ? "▲ " : "^ ") + m.label + " " + Format.compact(points[m.index].x)
            let start = min(c, max(0, width - TextWidth.columns(of: label)))
            axis = Pad.right(String.repeating(" ", count: start) + label, width)
            out.append(Line(axis, theme.highlightBar))
            out.append(Line(Pad.right(first, max(0, width - TextWidth.columns(of: last) - 1)) + " " + last + " " + xLabel, theme.muted))
        } else {
            out.append(Line(axis + " " + xLabel, theme.muted))
        }
        return Array(out.prefix(maxHeight))
    }

    /// A few labelled points read better as rows than as a plot: label, x, y, and the best marked.
    func scatter(_ title: String, _ xLabel: String, _ yUnit: Unit, _ points: [Chart.Point], _ mark: Chart.Mark?,
                 width: Int) -> [Line] {
        let labelWidth = min(points.map { TextWidth.columns(of: $0.label) }.max() ?? 0, max(6, width / 3))
        let xs = points.map { Format.count($0.x) + " " + xLabel }, ys = points.map { Format.quantity(Quantity($0.y, yUnit)) }
        let xWidth = xs.map(TextWidth.columns(of:)).max() ?? 0, yWidth = ys.map(TextWidth.columns(of:)).max() ?? 0
        var out = [Line(title, theme.muted)]
        for (i, point) in points.enumerated() {
            let best = i == mark?.index
            out.append(Line(Pad.right(point.label, labelWidth), best ? .bold : .plain)
                .appending("  " + Pad.left(xs[i], xWidth) + "  " + Pad.left(ys[i], yWidth))
                .appending(best ? "  " + (theme.glyphs == .unicode ? "◀ " : "< ") + (mark?.label ?? "") : "", theme.highlightBar))
        }
        return out
    }

    func timeline(_ title: String, _ duration: Double, _ lanes: [Chart.Lane], width: Int) -> [Line] {
        let labelWidth = min(lanes.map { TextWidth.columns(of: $0.label) }.max() ?? 0, 10)
        let span = max(1, width - labelWidth - 1)
        var out = [Line(title + " over " + Format.duration(seconds: duration), theme.muted)]
        var seen: [Chart.State] = []
        for lane in lanes {
            var line = Line(Pad.right(lane.label, labelWidth) + " ")
            for c in 0..<span {
                let t = duration * (Double(c) + 0.5) / Double(span)
                // Outside every segment the lane is blank (the burst lane covers only the burst).
                let state = lane.segments.first { t >= $0.start && t < $0.end }?.state
                    ?? (t >= (lane.segments.last?.end ?? 0) && lane.segments.last?.end == duration ? lane.segments.last?.state : nil)
                guard let state, !state.name.isEmpty else { line.append(" "); continue }
                if !seen.contains(state) { seen.append(state) }
                line.append(theme.timelineGlyph(state.pattern), style(for: state.severity))
            }
            out.append(line)
        }
        var legend = Line()
        for state in seen {
            legend.append(theme.timelineGlyph(state.pattern) + " " + state.name + "  ", style(for: state.severity))
        }
        out.append(legend)
        return out
    }

    func style(for severity: Chart.Severity) -> Style {
        switch severity {
        case .failed: theme.bad
        case .degraded: theme.warn
        case .ok: theme.good
        }
    }
}
