import Calculators
import Trainer

/// Every value the user moved: this panel's first, then every other panel of
/// the session, each beside the lesson's value. A session resumed from disk
/// lists what was moved before the restart too, since the values are the
/// session's (`PanelRecord.parameters`), not the screen's.
struct ChangedOverlay: ScrollingOverlay {
    let state: AppState
    let theme: Theme
    let scroll: Int

    /// One panel's moved values, in the calculator's order: label, the user's value, the lesson's.
    static func rows(_ panel: PanelState) -> [(label: String, yours: String, lesson: String)] {
        guard let calculator = panel.calculator, let inputs = panel.inputs, let start = panel.startingInputs else { return [] }
        return calculator.parameters.filter { panel.isChanged($0.key) }.map {
            ($0.label, $0.display(inputs[$0.key]), $0.display(start[$0.key]))
        }
    }

    func lines(width: Int) -> [Line] {
        var out: [Line] = []
        let others = state.panels.indices.filter { $0 != state.current && state.panels[$0].isChanged }
        let here = state.panel.map(Self.rows) ?? []
        if here.isEmpty, others.isEmpty {
            for part in TextWidth.wrap("No value moved yet. On a calculator, +/- and H/L step the selected value and Enter types one; every value you move is listed here beside the lesson's.", width: width) {
                out.append(Line(part))
            }
            return out
        }
        func section(_ index: Int, _ rows: [(label: String, yours: String, lesson: String)]) {
            let title = "\(index + 1). " + state.pageTitle(index)
            out.append(Line(TextWidth.truncate(title, toColumns: width, ellipsis: theme.glyphs.ellipsis), theme.heading))
            let labelWidth = min(max(12, rows.map { TextWidth.columns(of: $0.label) }.max() ?? 0), max(8, width / 3))
            let yoursWidth = rows.map { TextWidth.columns(of: $0.yours) }.max() ?? 0
            for row in rows {
                let line = Line("  " + Pad.right(row.label, labelWidth) + "  ", .plain)
                    .appending(Pad.right(row.yours, yoursWidth), .bold)
                    .appending("  lesson ", theme.muted).appending(row.lesson)
                out.append(line)
            }
        }
        if let panel = state.panel {
            if here.isEmpty {
                out.append(Line(TextWidth.truncate("\(state.current + 1). " + panel.lesson.title, toColumns: width, ellipsis: theme.glyphs.ellipsis), theme.heading))
                out.append(Line("  no value moved on this panel", theme.muted))
            } else {
                section(state.current, here)
            }
        }
        if !others.isEmpty {
            out.append(.blank)
            out.append(Line("Other panels this session", .bold))
            for i in others {
                section(i, Self.rows(state.panels[i]))
            }
        }
        out.append(.blank)
        out.append(Line(TextWidth.truncate("r resets one value, R the panel, u undoes", toColumns: width, ellipsis: theme.glyphs.ellipsis), theme.muted))
        return out
    }

    func draw(on grid: inout Grid) {
        let width = min(grid.size.cols - 4, 90)
        let content = lines(width: max(1, width - 4))
        drawScrollingBox(content, title: "Values you moved · Esc closes", maxWidth: 90, scroll: scroll, theme: theme, on: &grid)
    }

    func frame(in size: Size) -> Rect { box(in: size).frame(in: size) }
    func maxScroll(in size: Size) -> Int { box(in: size).maxScroll(in: size) }
    private func box(in size: Size) -> ScrollingBox {
        ScrollingBox(content: lines(width: ScrollingBox.lineWidth(cols: size.cols, maxWidth: 90)), maxWidth: 90)
    }
}
