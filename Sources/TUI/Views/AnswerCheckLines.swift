import Trainer

/// The answer check as the lesson pane and the notes editor show it: how many
/// checklist items the notes cover, then each item with a tick and the notes'
/// words that said it, or a cross and what is still missing.
struct AnswerCheckLines {
    let check: AnswerCheck
    let theme: Theme
    /// Covers the answers still asked: a missing figure must not give an estimate away.
    var mask = AnswerMask()

    var header: [(text: String, style: Style)] {
        [("Notes cover \(check.coveredCount)/\(check.checkable.count)", .bold), (" of the checklist (checked offline)", theme.muted)]
    }

    /// An item's mark and number: "✓ 1 ", "✗ 2 ".
    func mark(_ item: AnswerCheck.Item) -> (text: String, style: Style) {
        item.isCovered ? (theme.glyphs.check + " \(item.index + 1) ", theme.good) : (theme.glyphs.cross + " \(item.index + 1) ", theme.muted)
    }

    /// What follows the mark: the notes' words that said it, or what is missing and what was said.
    func spans(_ item: AnswerCheck.Item) -> [(text: String, style: Style)] {
        let said = item.matched.map { "\"" + $0.replacing("\n", with: " ") + "\"" }
        if item.isCovered { return [(said.joined(separator: " · "), .plain)] }
        var out: [(text: String, style: Style)] = [("missing: ", .bold), (mask.apply(item.missing.joined(separator: ", ")), .plain)]
        if !said.isEmpty { out.append((" · has " + said.joined(separator: " · "), theme.muted)) }
        return out
    }

    /// The whole check wrapped to `width`, each item's lines indented under its mark.
    func lines(width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var out = Line.wrapped(header, width: width)
        for item in check.checkable {
            let mark = mark(item)
            let indent = TextWidth.columns(of: mark.text)
            for (i, line) in Line.wrapped(spans(item), width: max(1, width - indent)).enumerated() {
                var row = i == 0 ? Line(mark.text, mark.style) : Line(String.repeating(" ", count: indent))
                row.spans += line.spans
                out.append(row)
            }
        }
        return out
    }

    /// The header, then one row per item, each cut where it is drawn (the notes editor's rows
    /// under the text). Where the editor covers the lesson, each row starts with the item's own
    /// words cut to `itemColumns`, so the checklist it answers stays in view; nil leaves them out.
    func rows(itemColumns: Int?) -> [Line] {
        var head = Line()
        head.spans = header
        return [head] + check.checkable.map { item in
            let mark = mark(item)
            var row = Line(mark.text, mark.style)
            if let itemColumns {
                let text = TextWidth.truncate(item.text, toColumns: max(8, itemColumns), ellipsis: theme.glyphs.ellipsis)
                row.spans.append((text + "  ", theme.muted))
            }
            row.spans += spans(item)
            return row
        }
    }
}
