import Calculators
import Trainer

/// Drill mode's screen: which question of how many and why it is due, the
/// question at its numbers, the answer box; once answered, the truth, the
/// score and the calculator's working at those numbers.
struct DrillView {
    let state: AppState
    let run: DrillRun
    let theme: Theme

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

        let body = Rect(x: 0, y: 1, width: size.cols, height: max(0, size.rows - 3))
        theme.frame(body, on: &grid, focused: true, title: run.answered == nil ? "Estimate" : "Answer and working")
        let inner = body.inset(by: 1).shifted(dx: 1)
        let width = max(1, inner.width - 1)
        lines(width: width).draw(on: &grid, in: Rect(x: inner.x, y: inner.y, width: width, height: inner.height))

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
        }
        let hint = run.question != nil && run.answered == nil ? " Enter answer  Esc end the drill"
            : run.isDone || run.due?.isEmpty == true ? " q leave" : " n/Enter next  q end the drill"
        grid.put(TextWidth.truncate(hint, toColumns: size.cols, ellipsis: theme.glyphs.ellipsis), x: 0, y: hints.y,
                 style: theme.muted, clip: hints)
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
        guard let attempt = run.answered else {
            out += wrap("Type your answer below (a unit is fine: 3 min, 2 TB, 54%).", width, theme.muted)
            if let unkept = run.unkept { out += [.blank] + wrap("Answers are not kept: \(unkept).", width, theme.warn) }
            return out
        }
        let outcome = EstimateOutcome(guess: attempt.guess.map { $0 / question.truth.quantity.unit.toBase }, truth: question.truth)
        out.append(Line(outcome.sentence, .bold))
        out.append(Line(outcome.meaning, outcome.score == .off ? theme.bad : theme.good))
        out.append(.blank)
        out.append(Line("Working", theme.heading))
        for line in question.working { out += wrap("  " + line, width) }
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
