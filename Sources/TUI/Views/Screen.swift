import Calculators
import Trainer

/// Renders the whole app into a grid of cells: the function the run loop
/// calls after each update, and the one snapshot tests call.
public enum Screen {
    public static func render(_ state: AppState) -> Grid {
        var memo = PaneMemo()
        return render(state, memo: &memo)
    }

    /// `render(state)`, reusing what `memo` kept of the last frame's panes where
    /// their inputs are the same, and keeping this frame's for the next.
    static func render(_ state: AppState, memo: inout PaneMemo) -> Grid {
        var grid = Grid(size: Size(cols: max(0, state.size.cols), rows: max(0, state.size.rows)))
        let theme = Theme(state.display)
        guard Layout.fits(state.size) else {
            tooSmall(state.size, on: &grid, theme: theme)
            return grid
        }
        if let run = state.drill {
            DrillView(state: state, run: run, theme: theme).draw(on: &grid)
            if !state.display.unicode { grid.asciify() }
            return grid
        }
        let layout = state.layout
        header(state, in: layout.header, on: &grid, theme: theme)
        // Computed in `update` when the values changed; the views only read it.
        let output = state.panel?.output
        if let panel = state.panel {
            if let rect = layout.lesson {
                var title = state.zoomedInEffect && panel.inputs != nil ? "Lesson · z: both panes"
                    : layout.calculator == nil && panel.inputs != nil ? "Lesson · Tab: calculator" : "Lesson"
                if let s = state.search {
                    let at = s.hit?.page == state.current ? " \(s.index) of \(s.count)" : ""
                    title += " · /" + TextWidth.truncate(s.prompt, toColumns: 20, ellipsis: theme.glyphs.ellipsis) + at
                }
                memo.draw(state.lessonPane(panel),
                          in: rect, on: &grid, focused: state.focus == .lesson || panel.inputs == nil,
                          scroll: panel.lessonScroll, title: title)
            }
            if let rect = layout.calculator, !state.notesBesideLesson {
                memo.draw(CalculatorPane(panel: panel, output: output, theme: theme, hidden: state.hiddenResults,
                                          mask: state.answerMask),
                          in: rect, on: &grid, focused: state.focus == .calculator,
                          title: state.zoomedInEffect ? " · z: both panes" : layout.lesson == nil ? " · Tab: lesson" : "")
            }
        } else {
            ProblemsPage(problems: state.problems, theme: theme)
                .draw(in: Rect(x: 0, y: 1, width: state.size.cols, height: state.size.rows - 3), on: &grid)
        }
        status(state, output: output, in: layout.status, on: &grid, theme: theme)
        memo.drawHints(state, in: layout.hints, on: &grid, theme: theme)
        if let view = state.scrollingOverlay {
            view.draw(on: &grid)
        } else {
            switch state.overlay {
            case let .panelList(query, selection):
                PanelListOverlay(state: state, query: query, selection: selection, theme: theme).draw(on: &grid)
            case let .notes(editor):
                NotesOverlay(editor: editor, title: state.panel?.lesson.title ?? "", theme: theme,
                             check: state.answerCheck, mask: state.answerMask,
                             beside: state.notesBesideLesson ? layout.calculator : nil).draw(on: &grid)
            case let .confirm(question):
                let rect = overlayRect(on: grid, width: min(TextWidth.columns(of: question.text) + 4, 76), height: 5)
                grid.fill(rect)
                theme.glyphs.box(rect, on: &grid, style: theme.focusedBorder, title: "Question")
                let inner = rect.inset(by: 1).shifted(dx: 1)
                TextWidth.wrap(question.text, width: inner.width).map { Line($0, .bold) }.draw(on: &grid, in: inner)
            case .help, .claims, .sensitivity, .changed, .calibration, .history, .entry, .estimate, .solve, .search, nil: break
            }
        }
        if !state.display.unicode { grid.asciify() }
        return grid
    }

    static func tooSmall(_ size: Size, on grid: inout Grid, theme: Theme) {
        let lines = ["Window too small", "need \(Layout.minimum.cols)x\(Layout.minimum.rows),", "now \(size.cols)x\(size.rows)", "q quits"]
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, text) in lines.enumerated() {
            let x = max(0, (size.cols - TextWidth.columns(of: text)) / 2)
            grid.put(text, x: x, y: top + i, style: i == 0 ? theme.warn : .plain)
        }
    }

    static func header(_ state: AppState, in rect: Rect, on grid: inout Grid, theme: Theme) {
        grid.fill(rect, style: .reverse)
        let pages = max(state.pageCount, state.announcedPages ?? 0)
        let page = "\(min(state.current + 1, pages))/\(pages)"
        let right = page + " "
        let title: String
        if let lesson = state.panel?.lesson {
            title = " " + (lesson.minutes == "50" ? "Minute 50" : "Minutes " + lesson.minutes) + " " + theme.glyphs.bullet + " " + lesson.title
        } else if state.pageCount == 0 {
            title = " No lessons loaded"
        } else {
            title = " Lesson files with problems"
        }
        var clock = Line()
        if state.autosave.heldByAnother {
            // Said once as a notice at start, and kept here: nothing of this session is autosaved.
            clock.append("not autosaving: another trainer runs", Style(bold: true, reverse: true, color: theme.color ? .bad : nil))
            clock.append("  ", .reverse)
        }
        if state.session.practiceMode {
            let c = state.session.clock
            let running = c.isRunning ? (theme.glyphs == .unicode ? "▶ " : "> ") : (theme.glyphs == .unicode ? "⏸ " : "|| ")
            let total = Style(bold: true, reverse: true, color: theme.color && c.remaining < 0 ? .bad : nil)
            clock.append(running + Clock.text(c.elapsed) + (c.remaining < 0 ? " (+" + Clock.text(-c.remaining) + " over 10:00)" : "/10:00"), total)
            if let section = state.panel?.lesson.minutes, PracticeClock.budget(of: section) > 0 {
                let left = c.left(in: section)
                let over = left < 0
                clock.append("  \(section) " + (over ? "+" + Clock.text(-left) + " over" : Clock.text(left) + " left"),
                             Style(bold: over, reverse: true, color: theme.color && over ? .warn : nil))
            }
            clock.append("  ", .reverse)
        }
        let rightWidth = TextWidth.columns(of: right) + clock.width
        grid.put(Pad.right(title, max(0, rect.width - rightWidth - 1)), x: rect.x, y: rect.y, style: Style(bold: true, reverse: true), clip: rect)
        clock.draw(on: &grid, x: rect.maxX - rightWidth, y: rect.y, clip: rect)
        grid.put(right, x: rect.maxX - TextWidth.columns(of: right), y: rect.y, style: .reverse, clip: rect)
    }

    static func status(_ state: AppState, output: Output?, in rect: Rect, on grid: inout Grid, theme: Theme) {
        if case let .entry(entry) = state.overlay, let p = state.panel?.calculator?.parameter(entry.key) {
            let bare = p.unit.symbol.isEmpty || p.unit.dimension == .count ? "" : " · bare number = \(p.unit.symbol)"
            editorLine(prompt: "\(p.label) = ", editor: entry.editor,
                       help: "\(p.rangeDescription(through: theme.glyphs.through))\(bare) · Enter set · Esc cancel", state: state, in: rect, on: &grid, theme: theme)
            return
        }
        if case let .search(editor) = state.overlay {
            let scope = editor.text.hasPrefix("*") ? "every lesson" : "this lesson (*text: every lesson)"
            editorLine(prompt: "/", editor: editor, help: "search \(scope) · Enter search · Esc cancel",
                       state: state, in: rect, on: &grid, theme: theme)
            return
        }
        if case let .estimate(editor) = state.overlay, let estimate = state.currentEstimate {
            let unit = state.estimateTruth?.quantity.unit.spoken
            editorLine(prompt: "Guess" + (unit.map { " in " + $0 } ?? "") + ": ", editor: editor,
                       help: estimate.question + " · Enter keep the guess · Esc cancel", state: state, in: rect, on: &grid, theme: theme)
            return
        }
        if case let .solve(entry) = state.overlay, let panel = state.panel, let result = panel.output?[entry.result] {
            let unit = result.quantity.unit.symbol
            let parameter = entry.parameter.flatMap { panel.calculator?.parameter($0) }
            let range = parameter.map { " (\($0.rangeDescription(through: theme.glyphs.through)))" } ?? ""
            editorLine(prompt: "\(result.label)\(unit.isEmpty ? "" : " in " + unit) = ", editor: entry.editor,
                       help: "solve for \(parameter?.label ?? "?")\(range) · ↑/↓ input · Enter solve · Esc cancel",
                       state: state, in: rect, on: &grid, theme: theme)
            return
        }
        if let notice = state.notice {
            let text = TextWidth.truncate(" " + notice.text, toColumns: rect.width, ellipsis: theme.glyphs.ellipsis)
            grid.put(text, x: rect.x, y: rect.y, style: notice.kind == .error ? theme.bad : .plain, clip: rect)
            return
        }
        guard let panel = state.panel else { return }
        let hidden = state.hiddenResults
        // A verdict on a hidden result would say whether the board's figure is the answer.
        let checks = panel.claimChecks.filter { !hidden.contains($0.claim.resultKey) }
        let held = panel.claimChecks.count - checks.count
        guard !panel.claimChecks.isEmpty else { return }
        let holding = checks.filter(\.holds).count
        var line = Line(" claims ", theme.muted)
        line.append(theme.glyphs.check + "\(holding)", theme.good)
        line.append(" ")
        line.append(theme.glyphs.cross + "\(checks.count - holding)", checks.count > holding ? theme.bad : theme.muted)
        if held > 0 { line.append(" ?\(held)", theme.muted) }
        line.append("  (c: what and why)", theme.muted)
        if !panel.claimsCheckedAt.isEmpty {
            line.append("  at the board's " + panel.claimsCheckedAt.joined(separator: ", "), theme.muted)
        }
        if let failing = checks.first(where: { !$0.holds }) {
            let value = failing.computed.map(failing.literal) ?? "?"
            let room = max(4, rect.width - line.width - TextWidth.columns(of: value) - 6)
            line.append("  " + TextWidth.truncate(failing.claim.text, toColumns: room, ellipsis: theme.glyphs.ellipsis) + " " + theme.glyphs.arrowRight + " ", .plain)
            line.append(value, theme.bad)
        }
        line.draw(on: &grid, x: rect.x, y: rect.y, clip: rect)
    }

    /// A one-line editor on the status row: the typed text keeps its tail in view,
    /// and what the last key was told (an error, or a question such as "0.5 % or
    /// 50 %?") replaces the help text instead of covering the panes. Every key
    /// clears the notice, so one shown here always answers the key just typed.
    static func editorLine(prompt: String, editor: LineEditor, help: String, state: AppState, in rect: Rect,
                           on grid: inout Grid, theme: Theme) {
        grid.fill(rect, style: .reverse)
        let room = max(4, rect.width / 2 - TextWidth.columns(of: prompt))
        let shown = editor.visible(columns: room, cursor: theme.glyphs == .unicode ? "▏" : "_", ellipsis: theme.glyphs.ellipsis)
        var line = Line(prompt, Style(bold: true, reverse: true)).appending(shown, editor.prefilled ? Style(bold: true, reverse: false) : .reverse)
        if let notice = state.notice {
            line.append("  " + notice.text, Style(bold: true, reverse: true,
                                                  color: theme.color && notice.kind == .error ? .bad : nil))
        } else {
            line.append("  " + help, .reverse)
        }
        line.draw(on: &grid, x: rect.x + 1, y: rect.y, clip: rect)
    }

    /// The footer's text: the hints of the contexts in force, most needed first,
    /// as many whole ones as fit in `width` (a hint is never cut: the first that
    /// does not fit ends the row, so a lesser hint never shows in place of a better one).
    static func hintText(contexts: [KeyBinding.Context], offer: Keymap.Offer, width: Int, theme: Theme) -> String {
        var text = ""
        for hint in Keymap.hints(for: contexts, offer: offer) {
            let next = text + (text.isEmpty ? " " : "  ") + hint
            guard TextWidth.columns(of: next) <= width else { break }
            text = next
        }
        return text
    }
}

extension AppState {
    /// The overlay on screen that scrolls, as `render` draws it: the one the scroll
    /// keys are bounded by and the mouse wheel aims at (nil: none open, or one that does not scroll).
    var scrollingOverlay: (any ScrollingOverlay)? {
        let theme = Theme(display)
        switch overlay {
        case let .help(scroll): return HelpOverlay(theme: theme, scroll: scroll)
        case let .claims(scroll):
            guard let panel else { return nil }
            return ClaimsOverlay(panel: panel, output: panel.output, hidden: hiddenResults, mask: answerMask, theme: theme,
                                 scroll: scroll)
        case let .sensitivity(scroll):
            guard let panel else { return nil }
            return SensitivityOverlay(panel: panel, hidden: hiddenResults, theme: theme, scroll: scroll)
        case let .changed(scroll): return ChangedOverlay(state: self, theme: theme, scroll: scroll)
        case let .calibration(scroll): return CalibrationOverlay(state: self, theme: theme, scroll: scroll)
        case let .history(scroll): return HistoryOverlay(state: self, theme: theme, scroll: scroll)
        default: return nil
        }
    }
}

/// Minutes and seconds for the practice clock: "3:07", "12:40".
enum Clock {
    static func text(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.isFinite ? seconds : 0))
        let sec = s % 60
        return "\(s / 60):" + (sec < 10 ? "0" : "") + "\(sec)"
    }
}
