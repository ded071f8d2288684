import Calculators
import Trainer

/// Drill mode's screen: which question of how many and why it is due, the
/// question at its numbers, the answer box; once answered, the truth, the
/// score and the calculator's working at those numbers.
struct DrillView {
    let state: AppState
    let run: DrillRun
    let theme: Theme

    /// The framed card between the header and the status line.
    static func body(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.cols, height: max(0, size.rows - 3)) }

    /// Where the card's lines go inside its frame: a column of padding each side.
    static func content(_ size: Size) -> Rect {
        let inner = body(size).inset(by: 1).shifted(dx: 1)
        return Rect(x: inner.x, y: inner.y, width: max(1, inner.width - 1), height: inner.height)
    }

    /// How far the card scrolls at this size: its lines past the frame's height.
    func maxScroll() -> Int {
        let content = Self.content(state.size)
        return max(0, lines(width: content.width).count - content.height)
    }

    func draw(on grid: inout Grid) {
        let size = state.size
        let header = Rect(x: 0, y: 0, width: size.cols, height: 1)
        grid.fill(header, style: .reverse)
        let c = run.counts
        let right = "good \(c.good) · fair \(c.fair) · off \(c.off) "
        let position = run.due == nil ? "" : run.isDone || run.total == 0 ? " · done" : " · \(run.index + 1)/\(run.total)"
        let title = " Drill" + position + (run.question.map { " · " + $0.item.lesson.title } ?? "")
        grid.put(Pad.right(title, max(0, size.cols - TextWidth.columns(of: right) - 1)), x: 0, y: 0,
                 style: Style(bold: true, reverse: true), clip: header)
        grid.put(right, x: max(0, size.cols - TextWidth.columns(of: right)), y: 0, style: .reverse, clip: header)

        let body = Self.body(size)
        theme.frame(body, on: &grid, focused: true, title: run.answered == nil ? "Estimate" : "Answer and working")
        let inside = Self.content(size)
        let content = lines(width: inside.width)
        let maxScroll = max(0, content.count - inside.height)
        let top = min(max(0, run.scroll), maxScroll)
        content.draw(on: &grid, in: inside, scroll: top)
        if maxScroll > 0, body.height >= 3 {
            let below = content.count - top - inside.height
            let mark = below > 0 ? " ↓ \(below) more " : " end "
            let label = theme.glyphs == .unicode ? mark : mark.replacing("↓", with: "v")
            grid.put(label, x: body.maxX - 1 - TextWidth.columns(of: label), y: body.maxY - 1, style: theme.muted, clip: body)
        }

        let status = Rect(x: 0, y: size.rows - 2, width: size.cols, height: 1)
        let hints = Rect(x: 0, y: size.rows - 1, width: size.cols, height: 1)
        if case let .estimate(editor) = state.overlay, let question = run.question {
            let unit = question.truth.quantity.unit.symbol
            Screen.editorLine(prompt: "Answer" + (unit.isEmpty ? "" : " (\(unit))") + ": ", editor: editor,
                              help: "Enter answer · empty Enter shows it (a miss)", state: state, in: status,
                              on: &grid, theme: theme)
        } else if let notice = state.notice {
            grid.put(TextWidth.truncate(" " + notice.text, toColumns: size.cols, ellipsis: theme.glyphs.ellipsis), x: 0,
                     y: status.y, style: notice.kind == .error ? theme.bad : .plain, clip: status)
        } else if let outcome = outcome() {
            // The score stays in view while the working scrolls (a key clears the notice).
            grid.put(TextWidth.truncate(" " + outcome.sentence + ": " + outcome.meaning, toColumns: size.cols,
                                        ellipsis: theme.glyphs.ellipsis),
                     x: 0, y: status.y, style: outcome.score == .off ? theme.bad : .plain, clip: status)
        }
        let scrolls = maxScroll > 0 ? "  j/k scroll" : ""
        let hint = run.question != nil && run.answered == nil ? " Enter answer  Esc end the drill"
            : run.isDone || run.due?.isEmpty == true ? " q leave" + scrolls : " n/Enter next" + scrolls + "  q end the drill"
        grid.put(TextWidth.truncate(hint, toColumns: size.cols, ellipsis: theme.glyphs.ellipsis), x: 0, y: hints.y,
                 style: theme.muted, clip: hints)
    }

    /// How the answer on screen scored; nil before it is given.
    func outcome() -> EstimateOutcome? {
        guard let attempt = run.answered, let question = run.question, !run.isDone else { return nil }
        return EstimateOutcome(guess: attempt.guess.map { $0 / question.truth.quantity.unit.toBase }, truth: question.truth)
    }

    func wrap(_ text: String, _ width: Int, _ style: Style = .plain) -> [Line] {
        TextWidth.wrap(text, width: width).map { Line($0, style) }
    }

    func lines(width: Int) -> [Line] {
        guard let due = run.due else { return wrap("Reading the history…", width, theme.muted) }
        if due.isEmpty {
            return wrap("Nothing is due: every estimate was answered well recently.", width, .bold) + [.blank]
                + wrap("whiteboard drill --list --all shows when each comes back.", width, theme.muted)
        }
        guard let question = run.question, !run.isDone else { return summary(width) }
        var out: [Line] = []
        out += wrap("Why now: " + due[run.index].why, width, theme.muted)
        out.append(.blank)
        out += wrap(question.question, width, .bold)
        out.append(.blank)
        guard let outcome = outcome() else {
            out += wrap("Type your answer below (a unit is fine: 3 min, 2 TB, 54%).", width, theme.muted)
            if let unkept = run.unkept { out += [.blank] + wrap("Answers are not kept: \(unkept).", width, theme.warn) }
            return out
        }
        out += wrap(outcome.sentence, width, .bold)
        out += wrap(outcome.meaning, width, outcome.score == .off ? theme.bad : theme.good)
        out.append(.blank)
        out.append(Line("Working", theme.heading))
        // Indented under its heading, continuation rows too (wrapping drops leading spaces).
        for line in question.working {
            out += TextWidth.wrap(line, width: max(1, width - 2)).map { Line("  " + $0) }
        }
        out.append(.blank)
        out += wrap("From: \(question.item.lesson.title) (\(question.item.lesson.file))", width, theme.muted)
        return out
    }

    func summary(_ width: Int) -> [Line] {
        let c = run.counts
        var out = wrap("Drill done: \(c.good) good, \(c.fair) fair, \(c.off) off.", width, .bold)
        out.append(.blank)
        for attempt in run.attempts {
            out += wrap("\(attempt.score.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(attempt.question)", width,
                        attempt.score == .off ? theme.bad : .plain)
        }
        out.append(.blank)
        out += wrap(run.unkept == nil ? "Kept in the history: whiteboard calibration shows the trend, whiteboard drill --list what is due."
                    : "Answers not kept: \(run.unkept ?? "").", width, theme.muted)
        return out
    }
}
