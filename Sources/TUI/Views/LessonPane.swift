import Calculators
import Trainer

/// The lesson's whiteboard text, wrapped to the pane and scrollable. Fenced
/// diagrams are drawn verbatim, cut at the pane edge rather than wrapped.
struct LessonPane: Equatable, Sendable {
    let lesson: Lesson
    let theme: Theme
    var record = PanelRecord()
    /// Each estimate's guess and answer, once revealed (in the lesson's order).
    var outcomes: [EstimateOutcome?] = []
    /// Each estimate's answer (computed in `update`): gives a kept guess its unit.
    var truths: [ResultValue?] = []
    /// Numbers covered until the guess (`AppState.answerMask`): the text must not state the answer.
    var mask = AnswerMask()
    /// The search on screen: its matches are underlined, the one shown reversed.
    var marks: SearchMarks?
    /// The notes checked against the checklist (computed in `update`).
    var check: AnswerCheck?

    /// How the checklist's heading begins.
    static let checklistLead = "A strong answer names"

    /// The row of the checklist's heading at a given width, where the notes editor turns the lesson.
    func checklistRow(width: Int) -> Int? {
        guard !lesson.checklist.isEmpty else { return nil }
        return lines(width: width).firstIndex { $0.spans.first?.text.hasPrefix(Self.checklistLead) == true }
    }

    /// Every line of the pane's content at a given width.
    func lines(width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var out: [Line] = []
        func gap() { if let last = out.last, last != .blank { out.append(.blank) } }
        for block in lesson.body {
            switch block {
            case let .heading(level, text):
                gap()
                for part in TextWidth.wrap(mask.apply(level <= 1 ? text.uppercased() : text), width: width) {
                    out.append(Line(part, theme.heading))
                }
            case let .paragraph(text):
                for part in TextWidth.wrap(mask.apply(text), width: width) { out.append(Line(part)) }
                out.append(.blank)
            case let .list(items):
                let bullet = theme.glyphs.bullet + " "
                let indent = TextWidth.columns(of: bullet)
                for item in items {
                    let wrapped = TextWidth.wrap(mask.apply(item), width: max(1, width - indent))
                    for (i, part) in wrapped.enumerated() {
                        out.append(Line(i == 0 ? bullet : String.repeating(" ", count: indent), theme.muted).appending(part))
                    }
                }
                out.append(.blank)
            case let .code(codeLines):
                for code in codeLines { out.append(Line(mask.apply(code, keepWidth: true))) }
                out.append(.blank)
            }
        }
        out += practiceLines(width: width)
        while out.last == .blank { out.removeLast() }
        return out
    }

    /// The prompts and checklist, after the board text.
    func practiceLines(width: Int) -> [Line] {
        var out: [Line] = []
        let p = lesson.prompts
        if p.short != nil || p.long != nil || !lesson.checklist.isEmpty {
            out.append(.blank)
            out.append(Line("PRACTISE", theme.heading))
        }
        for (label, text) in [("Say it (30 s): ", p.short), ("Deep dive (2 min): ", p.long)] {
            guard let text else { continue }
            let wrapped = TextWidth.wrap(label + mask.apply(text), width: width)
            for (i, part) in wrapped.enumerated() {
                if i == 0, part.hasPrefix(label) {
                    out.append(Line(label, .bold).appending(String(part.dropFirst(label.count))))
                } else {
                    out.append(Line(part))
                }
            }
            out.append(.blank)
        }
        // Asked in order: the first not revealed is the one `e` answers.
        let current = lesson.estimates.indices.first { !record[guess: $0].revealed }
        for (i, estimate) in lesson.estimates.enumerated() {
            let label = lesson.estimates.count == 1 ? "Estimate first: " : "Estimate \(i + 1) of \(lesson.estimates.count): "
            out.append(Line(label, .bold).appending(""))
            for part in TextWidth.wrap(estimate.question, width: width) { out.append(Line(part)) }
            // Said in full at any width: wrapped, never cut at the pane edge.
            let outcome = outcomes.indices.contains(i) ? outcomes[i] : nil
            let truth = truths.indices.contains(i) ? truths[i] : nil
            if let outcome {
                out += Line.wrapped([(outcome.sentence + " (\(outcome.score.rawValue))", outcome.score == .off ? theme.bad : theme.good)],
                                    width: width)
            } else if i != current {
                out += Line.wrapped([("asked once the one above is revealed", theme.muted)], width: width)
            } else if let guess = record[guess: i].value, let truth {
                out += Line.wrapped([("Your guess: " + Format.quantity(Quantity(guess, truth.quantity.unit)), .bold),
                                     (" · e revises · v reveals", theme.muted)], width: width)
            } else {
                out += Line.wrapped([("press e to answer before the calculator shows it (v reveals: a miss)", theme.muted)],
                                    width: width)
            }
            out.append(.blank)
        }
        if !lesson.checklist.isEmpty {
            for part in TextWidth.wrap(Self.checklistLead + " (1–\(min(9, lesson.checklist.count)) to tick):", width: width) {
                out.append(Line(part, .bold))
            }
            for (n, item) in lesson.checklist.enumerated() {
                let ticked = record.ticked.contains(n)
                let box = (theme.glyphs == .unicode ? (ticked ? "☑" : "☐") : (ticked ? "[x]" : "[ ]")) + " \(n + 1) "
                let indent = TextWidth.columns(of: box)
                for (i, part) in TextWidth.wrap(mask.apply(item.text), width: max(1, width - indent)).enumerated() {
                    out.append(Line(i == 0 ? box : String.repeating(" ", count: indent), ticked ? theme.good : theme.muted)
                        .appending(part, ticked ? theme.good : .plain))
                }
            }
        }
        let notes = record.notes.trimmingTrailingSpace
        out.append(.blank)
        out.append(Line("Your notes", .bold).appending(notes.isEmpty ? "  (N to write)" : "  (N to edit)", theme.muted))
        for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
            for part in TextWidth.wrap(String(line), width: width) { out.append(Line(part)) }
        }
        if let check, !check.isEmpty, !notes.isEmpty {
            out.append(.blank)
            out += AnswerCheckLines(check: check, theme: theme, mask: mask).lines(width: width)
        }
        return out
    }

    /// Draws the framed pane; returns nothing, clamps the scroll it is given.
    /// `content`, when given, is `lines(width: contentWidth(in: rect))` computed before.
    func draw(in rect: Rect, on grid: inout Grid, focused: Bool, scroll: Int, title: String, content given: [Line]? = nil) {
        theme.frame(rect, on: &grid, focused: focused, title: title)
        let inner = rect.inset(by: 1)
        let inside = Rect(x: inner.x + 1, y: inner.y, width: Self.contentWidth(in: rect), height: inner.height)
        let content = given ?? lines(width: inside.width)
        let maxScroll = max(0, content.count - inside.height)
        let top = min(scroll, maxScroll)
        content.draw(on: &grid, in: inside, scroll: top)
        if let marks { mark(marks, in: content, inside: inside, top: top, on: &grid) }
        if maxScroll > 0, rect.height >= 3 {
            let below = content.count - top - inside.height
            let mark = below > 0 ? " ↓ \(below) more " : " end "
            let label = theme.glyphs == .unicode ? mark : mark.replacing("↓", with: "v")
            let w = TextWidth.columns(of: label)
            grid.put(label, x: rect.maxX - 1 - w, y: rect.maxY - 1, style: theme.muted, clip: rect)
        }
    }

    /// Marks the search's matches on the rows drawn: each underlined and bold,
    /// the one `n`/`N` went to reversed (cues that survive monochrome terminals).
    func mark(_ marks: SearchMarks, in content: [Line], inside: Rect, top: Int, on grid: inout Grid) {
        for row in 0..<inside.height {
            let i = top + row
            guard content.indices.contains(i) else { break }
            let text = Array(content[i].text)
            for offset in LessonSearch.offsets(of: marks.query, in: String(text), caseSensitive: marks.caseSensitive) {
                let x = TextWidth.columns(of: TextWidth.sanitized(String(text[..<offset])))
                let end = min(text.count, offset + marks.query.count)
                let w = TextWidth.columns(of: TextWidth.sanitized(String(text[offset..<end])))
                let shown = marks.line == i && marks.offset == offset
                let rect = Rect(x: inside.x + x, y: inside.y + row, width: w, height: 1).intersection(inside)
                grid.applyStyle(shown ? Style(bold: true, reverse: true) : Style(bold: true, underline: true), to: rect)
            }
        }
    }

    static let readingWidth = 90

    /// The columns the text gets in a pane drawn in `rect`: a column of padding
    /// each side inside the border. Lines longer than ~90 columns are hard to
    /// read: wide panes keep a margin instead.
    static func contentWidth(in rect: Rect) -> Int {
        max(1, min(rect.inset(by: 1).width - 2, readingWidth))
    }

    /// The scroll the pane can actually use at this size (for clamping state).
    func maxScroll(in rect: Rect) -> Int {
        max(0, lines(width: Self.contentWidth(in: rect)).count - rect.inset(by: 1).height)
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var s = Substring(self)
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}

extension AppState {
    /// The furthest the lesson on screen can scroll at this size and focus (its
    /// wrapped height less the pane's); unbounded while the lesson is not drawn.
    var lessonScrollLimit: Int {
        guard let p = panel, Layout.fits(size),
              let rect = layout.lesson else { return Int.max / 2 }
        return lessonPane(p).maxScroll(in: rect)
    }

    /// Where the notes editor opens beside the lesson, the lesson turns to its checklist
    /// (a row above it kept for context), so the items the notes answer are in view.
    mutating func showChecklistBesideNotes() {
        guard notesBesideLesson, let p = panel, let rect = layout.lesson,
              let row = lessonPane(p).checklistRow(width: LessonPane.contentWidth(in: rect)) else { return }
        panels[current].lessonScroll = min(max(0, row - 1), lessonScrollLimit)
    }

    /// The lesson pane of a panel as this state draws it (the screen and the scroll limit share it).
    func lessonPane(_ p: PanelState) -> LessonPane {
        LessonPane(lesson: p.lesson, theme: Theme(display), record: session[lesson: p.lesson.id],
                   outcomes: estimateOutcomes, truths: p.estimateTruths, mask: answerMask, marks: searchMarks,
                   check: answerCheck)
    }
}
