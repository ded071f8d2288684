import Trainer

/// The history view: every session the history database keeps, newest first by start,
/// drills and imported ones too, with the accuracy of its estimates and the
/// checklist coverage over the whole deck (`whiteboard history`'s table).
/// Where the table is wider than the box, each session takes two lines.
struct HistoryOverlay: ScrollingOverlay {
    let state: AppState
    let theme: Theme
    let scroll: Int

    static let maxWidth = 120

    func draw(on grid: inout Grid) {
        drawScrollingBox(box(in: grid.size).content, title: "History · newest first · Esc closes", maxWidth: Self.maxWidth,
                         scroll: scroll, theme: theme, on: &grid)
    }

    func frame(in size: Size) -> Rect { box(in: size).frame(in: size) }
    func maxScroll(in size: Size) -> Int { box(in: size).maxScroll(in: size) }
    private func box(in size: Size) -> ScrollingBox {
        ScrollingBox(content: lines(width: ScrollingBox.lineWidth(cols: size.cols, maxWidth: Self.maxWidth)), maxWidth: Self.maxWidth)
    }

    func lines(width: Int) -> [Line] {
        func wrap(_ text: String, _ style: Style = .plain) -> [Line] {
            TextWidth.wrap(text, width: max(1, width)).map { Line($0, style) }
        }
        guard let listing = state.history.sessions else { return wrap("Reading the history…", theme.muted) }
        if let failure = listing.failure { return wrap("History not read: \(failure).", theme.bad) }
        var out: [Line] = []
        if listing.rows.isEmpty {
            out += wrap(SessionHistoryReport.empty, theme.muted)
        } else {
            let header = SessionHistoryReport.header
            let widths = header.indices.map { i in
                ([header] + listing.rows).map { TextWidth.columns(of: $0.indices.contains(i) ? $0[i] : "") }.max() ?? 0
            }
            let tableWidth = widths.reduce(0, +) + 2 * (widths.count - 1)
            if tableWidth <= width {
                func row(_ cells: [String]) -> String {
                    cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : Pad.right(cell, widths[i] + 2) }.joined()
                }
                out.append(Line(row(header), .bold))
                out += listing.rows.map { Line(row($0)) }
            } else {
                out += listing.rows.flatMap { stacked($0, width: width) }
            }
        }
        out.append(.blank)
        out += wrap("Sessions are dated and listed by their start. Estimates and accuracy count every estimate of the "
                    + "deck, checklist every item: one on a skipped panel is a miss, so skipping the hard ones never "
                    + "raises the score. " + SessionHistoryReport.accuracyMeaning + " This session is added as you "
                    + "leave each panel and completed when it ends. A shows calibration by kind; whiteboard history "
                    + "prints this table.", theme.muted)
        return out
    }

    /// One session in two lines for a narrow box: when and what, then how it went.
    func stacked(_ cells: [String], width: Int) -> [Line] {
        let c = cells + Array(repeating: "", count: max(0, 7 - cells.count))
        let first = Line(c[0], .bold).appending("  " + c[1] + " · " + c[2])
        var facts: [String] = []
        if c[3] != "—" { facts.append("panels " + c[3]) }
        // "1/2/0 of 21" reads "1/2/0 good/fair/off of 21".
        var estimates = c[4]
        if !estimates.hasPrefix("none") {
            let end = estimates.firstRange(of: " of ")?.lowerBound ?? estimates.endIndex
            estimates.insert(contentsOf: " good/fair/off", at: end)
        }
        facts.append("estimates " + estimates + (c[5] == "—" ? "" : ", " + c[5]))
        if c[6] != "—" { facts.append("checklist " + c[6]) }
        return [first] + TextWidth.wrap(facts.joined(separator: " · "), width: max(1, width - 2)).map { Line("  " + $0, theme.muted) }
    }
}

