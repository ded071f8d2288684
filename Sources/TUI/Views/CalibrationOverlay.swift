import Foundation
import Trainer

/// The calibration view: per kind of quantity your bias and spread with the
/// trend session by session (the chart `whiteboard calibration` prints), then
/// the estimates a drill would ask first. Scrolls with j/k.
struct CalibrationOverlay: ScrollingOverlay {
    let state: AppState
    let theme: Theme
    let scroll: Int

    func lines(width: Int) -> [Line] {
        func wrap(_ text: String, _ style: Style = .plain) -> [Line] {
            TextWidth.wrap(text, width: max(1, width)).map { Line($0, style) }
        }
        /// A numbered item: its first line starts with the number, the rest
        /// (and the reason below it) line up under its text.
        func hanging(_ lead: String, _ text: String, _ style: Style) -> [Line] {
            let pad = String(repeating: " ", count: 3)
            return TextWidth.wrap(text, width: max(1, width - pad.count)).enumerated().map {
                Line(($0.offset == 0 ? Pad.right(lead, pad.count) : pad) + $0.element, style)
            }
        }
        guard let summary = state.history.calibration else { return wrap("Reading the history…", theme.muted) }
        if let failure = summary.failure { return wrap("History not read: \(failure).", theme.bad) }
        var out: [Line] = []
        out.append(Line("Your estimates by kind", theme.heading))
        out += wrap("Bias is the median of guess ÷ truth (percentage points for percentages); spread is how far the middle half of your guesses strays from it. Each row below a kind is one session, oldest first: a bar left of the line is low, right is high.", theme.muted)
        out.append(.blank)
        let report = summary.calibration.map {
            CalibrationReport.table($0, timeZone: TimeZone(identifier: "UTC") ?? .current, ascii: !state.display.unicode)
        } ?? ""
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            let isKind = !text.hasPrefix(" ") && !text.isEmpty
            out += isKind ? wrap(text, .bold) : [Line(text)]
        }
        while out.last == .blank { out.removeLast() }
        out.append(.blank)
        out.append(Line("Drill next", theme.heading))
        if summary.drillNext.isEmpty {
            out += wrap("Nothing is due: every estimate was answered well recently.", theme.muted)
        }
        for (i, item) in summary.drillNext.enumerated() {
            out += hanging("\(i + 1).", item.title + (item.title.last.map { "?.!".contains($0) } == true ? " " : ": ")
                               + item.question, .bold)
            out += hanging("", item.why, theme.muted)
        }
        out.append(.blank)
        out += wrap("whiteboard drill asks these at fresh numbers; whiteboard history lists every session.", theme.muted)
        return out
    }

    func draw(on grid: inout Grid) {
        let width = min(grid.size.cols - 4, 90)
        drawScrollingBox(lines(width: max(1, width - 4)), title: "Calibration · Esc closes", maxWidth: 90,
                         scroll: scroll, theme: theme, on: &grid)
    }

    func frame(in size: Size) -> Rect { box(in: size).frame(in: size) }
    func maxScroll(in size: Size) -> Int { box(in: size).maxScroll(in: size) }
    private func box(in size: Size) -> ScrollingBox {
        ScrollingBox(content: lines(width: ScrollingBox.lineWidth(cols: size.cols, maxWidth: 90)), maxWidth: 90)
    }
}
