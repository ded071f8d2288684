import Calculators
import Foundation

/// A finished session as text: Markdown for people (pasted into notes), JSON for tools.
///
/// Both list the panels visited or changed, in lesson order, with time spent,
/// parameters changed from the lesson's starting values, key results for the
/// final values, claims checked, the estimate, the checklist and notes; then
/// pacing by section, estimation accuracy and checklist coverage. Both are
/// built from one `SessionSummary`, so they agree. The Markdown also lists the
/// panels not visited (prompts, the estimate asked, the checklist unticked),
/// estimates answered of every one the deck asks and coverage over the whole deck, each estimate's guess ÷ truth, and a short
/// "Work on next" list from the misses.
///
/// JSON shape (version 3; keys in this order; times in seconds; `docs/session-json.md`):
///
/// ```
/// { "version": 3,
///   "started": "2023-11-14T22:13:20Z",   // ISO 8601, UTC
///   "finished": "2023-11-14T22:25:00Z",
///   "scenario": "board", "scenario_changes": { "dau": 400000000 },   // base units
///   "practice": true,                   // practice mode (clock) on
///   "time_used_s": 552,                 // practice-clock seconds
///   "sections": [ { "minutes": "41-42", "spent_s": 70, "budget_s": 60 }, … ],  // "50" has budget 0
///   "estimates": { "good": 1, "fair": 0, "off": 0 },
///   "checklist_ticked": 3, "checklist_total": 10,
///   "panels": [ {
///     "lesson": "fanout-one-author", "title": "…", "minutes": "42-44", "seconds": 125,
///     "parameters": [ { "key": "followers", "from": 1000000, "to": 50000000, "unit": "followers" } ],
///     "results": [ { "key": "push.writes", "value": 50000000, "unit": "writes", "label": "push writes" } ],
///                  // a categorical result adds "text" ("hybrid"); "value" is then its index
///     "claims": [ { "id": "push-writes", "holds": false, "stated": 1000000, "computed": 50000000,
///                   "unit": "writes", "reason": "board says …" } ],   // computed: null if unknown
///     "estimates": [ { "result": "push.write_time", "question": "…", "guess": 90, "actual": 100,
///                      "unit": "s", "score": "good" } ],
///                  // one per estimate, in the lesson's order (empty when it asks none);
///                  // guess and score null when not answered
///     "checklist": [ { "item": "…", "ticked": true } ],
///     "notes": "…",
///     "answer_check": { "covered": 1, "total": 2,   // null without notes or a checkable item
///       "items": [ { "item": "…", "covered": false, "matched": ["hybrid"], "missing": ["2x"] } ] } } ] }
/// ```
public enum SessionExport {
    public static func markdown(_ s: PracticeSession, lessons: [Lesson], finishedAt: Double,
                                timeZone: TimeZone = .current, summary: SessionSummary? = nil) -> String {
        let summary = summary ?? SessionSummary(s, lessons: lessons)
        var out: [String] = []
        out.append("# Whiteboard session, " + ExportNaming.readable(at: s.startedAt, timeZone: timeZone))
        out.append("")
        out.append("- Started \(ExportNaming.readable(at: s.startedAt, timeZone: timeZone, seconds: true)), "
            + "finished \(ExportNaming.readable(at: finishedAt, timeZone: timeZone, seconds: true)) (\(timeZone.identifier))")
        out.append("- Mode: " + (s.practiceMode ? "practice (ten-minute clock)" : "explore (no clock)"))
        out.append("- Scenario: " + clean(s.scenario ?? "board") + scenarioChanges(s))
        let left = PracticeClock.total - summary.timeUsed
        out.append("- Time used: \(TimeText.clock(summary.timeUsed)) of \(TimeText.clock(PracticeClock.total))"
            + (left >= 0 ? " (\(TimeText.clock(left)) left)" : " (\(TimeText.clock(-left)) over)"))
        let e = summary.estimates
        // Of every estimate of the deck, as history counts them: one on a panel skipped is not answered.
        let asked = lessons.reduce(0) { $0 + $1.estimates.count }
        out.append("- Estimates: \(e.good) good, \(e.fair) fair, \(e.off) off (\(e.total) of \(asked) answered)")
        out.append("- Checklist: \(summary.checklistTicked) of \(summary.checklistTotal) ticked"
            + TimeText.percent(summary.checklistTicked, of: summary.checklistTotal) + " on the panels visited")
        let deck = lessons.reduce(0) { $0 + $1.checklist.count }
        out.append("- Checklist over the whole deck: \(summary.checklistTicked) of \(deck)"
            + TimeText.percent(summary.checklistTicked, of: deck)
            + " (\(lessons.count - summary.panels.count) of \(lessons.count) panels not visited)")
        let next = workOnNext(summary, lessons: lessons)
        if !next.isEmpty {
            out += ["", "## Work on next", ""]
            out += next.map { "- " + $0 }
        }
        out.append("")
        out.append("## Pacing")
        out.append("")
        out.append("| minutes | spent | budget | pace |")
        out.append("|---|--:|--:|---|")
        for section in summary.sections {
            out.append("| \(section.minutes) | \(TimeText.clock(section.spent)) | "
                + (section.budget > 0 ? TimeText.clock(section.budget) : "—") + " | " + pace(section.spent, section.budget) + " |")
        }
        out.append("| total | \(TimeText.clock(summary.timeUsed)) | \(TimeText.clock(PracticeClock.total)) | "
            + pace(summary.timeUsed, PracticeClock.total) + " |")
        if summary.panels.isEmpty {
            out += ["", "No panels visited."]
        }
        // Every panel of the deck, in lesson order: those not visited too, with
        // what they would have asked, so the export shows what is left to practise.
        let included = Dictionary(summary.panels.map { ($0.lesson.id, $0) }, uniquingKeysWith: { a, _ in a })
        for lesson in lessons {
            if let panel = included[lesson.id] {
                out += [""] + markdown(panel)
            } else {
                out += [""] + markdown(.unvisited(lesson), visited: false)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func json(_ s: PracticeSession, lessons: [Lesson], finishedAt: Double,
                            summary: SessionSummary? = nil) -> String {
        let summary = summary ?? SessionSummary(s, lessons: lessons)
        let document = JSONValue.object([
            ("version", .number(Double(PracticeSession.formatVersion))),
            ("started", .string(ExportNaming.iso8601(s.startedAt))),
            ("finished", .string(ExportNaming.iso8601(finishedAt))),
            ("scenario", .string(s.scenario ?? "board")),
            ("scenario_changes", .object(s.scenarioChanges.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
            ("practice", .bool(s.practiceMode)),
            ("time_used_s", .number(seconds(summary.timeUsed))),
            ("sections", .array(summary.sections.map {
                .object([("minutes", .string($0.minutes)), ("spent_s", .number(seconds($0.spent))),
                         ("budget_s", .number($0.budget))])
            })),
            ("estimates", .object([("good", .number(Double(summary.estimates.good))),
                                   ("fair", .number(Double(summary.estimates.fair))),
                                   ("off", .number(Double(summary.estimates.off)))])),
            ("checklist_ticked", .number(Double(summary.checklistTicked))),
            ("checklist_total", .number(Double(summary.checklistTotal))),
            ("panels", .array(summary.panels.map(json))),
        ])
        return document.rendered() + "\n"
    }

    // MARK: Markdown pieces

    /// "; you changed daily active users to 400,000,000 accounts", or " (unchanged)".
    static func scenarioChanges(_ s: PracticeSession) -> String {
        let model = ScenarioModel()
        let changed = model.parameters.compactMap { p in s.scenarioChanges[p.key].map { "\(p.label) to \(p.display($0))" } }
        return changed.isEmpty ? " (unchanged)" : "; you changed " + changed.joined(separator: ", ")
    }

    static func markdown(_ panel: PanelSummary, visited: Bool = true) -> [String] {
        var out = ["## \(panel.lesson.minutes) · \(clean(panel.lesson.title))", ""]
        out.append(visited ? "Time on panel: " + TimeText.clock(panel.record.seconds) : "Not visited.")
        let prompts = [("30 s", panel.lesson.prompts.short), ("2 min", panel.lesson.prompts.long)]
            .compactMap { label, text in text.map { "- \(label): " + clean($0) } }
        if !prompts.isEmpty { out += ["", "### Prompts", ""] + prompts }
        guard visited else {
            if !panel.estimates.isEmpty {
                out += ["", panel.estimates.count == 1 ? "### Estimate" : "### Estimates"]
                for estimate in panel.estimates { out += ["", clean(estimate.question), "", "Not answered."] }
            }
            if !panel.checklist.isEmpty {
                out += ["", "### Checklist", ""]
                out += panel.checklist.map { "- [ ] " + clean($0.text) }
            }
            return out
        }
        if !panel.changes.isEmpty {
            out += ["", "### Parameters changed", ""]
            out += panel.changes.map { "- " + clean($0.display) }
        }
        if !panel.results.isEmpty {
            out += ["", "### Key results", "", "| result | value |", "|---|--:|"]
            out += panel.results.map { "| \(cell($0.label)) | \(cell($0.display)) |" }
        }
        if !panel.claims.isEmpty {
            out += ["", "### Claims", ""]
            out += panel.claims.map { "- " + ($0.holds ? "✓ " : "✗ ") + clean($0.claim.text) + ": " + clean($0.reason) }
        }
        if !panel.estimates.isEmpty { out += ["", panel.estimates.count == 1 ? "### Estimate" : "### Estimates"] }
        for estimate in panel.estimates {
            out += ["", clean(estimate.question), ""]
            let actual = (estimate.actual?.display ?? "n/a") + (panel.changes.isEmpty ? "" : " at the lesson's values")
            if let outcome = estimate.outcome {
                out.append((estimate.guessDisplay.map { "Guess \($0)" } ?? "Revealed without a guess")
                    + ", actual \(actual): **\(outcome.score.rawValue)**, \(outcome.grade.summary)"
                    + (estimate.guess == nil ? "" : "; guess ÷ truth = " + ratioText(estimate)))
            } else if let guess = estimate.guessDisplay {
                out.append("Guess \(guess), not revealed (actual \(actual)).")
            } else {
                out.append("Not answered (actual \(actual)).")
            }
        }
        if !panel.checklist.isEmpty {
            out += ["", "### Checklist", ""]
            out += panel.checklist.map { "- [\($0.ticked ? "x" : " ")] " + clean($0.text) }
        }
        let notes = panel.record.notes.trimmed
        if !notes.isEmpty {
            out += ["", "### Notes", ""]
            out += notes.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + clean(String($0)) }
        }
        if let check = panel.answerCheck, !check.isEmpty {
            out += ["", "### Notes against the checklist", ""]
            out.append("The notes cover \(check.coveredCount) of \(check.checkable.count) checked items (matched offline: phrases by their words, figures by value).")
            out.append("")
            for item in check.checkable {
                let said = item.matched.map { "\"" + clean($0.replacing("\n", with: " ")) + "\"" }.joined(separator: ", ")
                out.append(item.isCovered
                    ? "- ✓ " + clean(item.text) + ": said " + said
                    : "- ✗ " + clean(item.text) + ": missing " + item.missing.map(clean).joined(separator: ", ")
                        + (said.isEmpty ? "" : "; said " + said))
            }
        }
        return out
    }

    /// The guess divided by the truth, both in the answer's unit: "0.9", "3.2", "0.025".
    static func ratioText(_ estimate: EstimateSummary) -> String {
        guard let guess = estimate.guess, let truth = estimate.actual?.quantity.value, truth != 0, guess.isFinite else { return "n/a" }
        return Format.significant(guess / truth, digits: 2)
    }

    /// A short list of what to practise next, worst first: estimates off, then
    /// those revealed without a guess or only fair, then estimates on panels not
    /// visited, then the checklist items missed where most were missed. At most five.
    static func workOnNext(_ summary: SessionSummary, lessons: [Lesson]) -> [String] {
        var lines: [(rank: Int, text: String)] = []
        let visited = Set(summary.panels.map(\.lesson.id))
        for panel in summary.panels {
            for e in panel.estimates {
                let title = clean(panel.lesson.title) + (panel.estimates.count > 1 ? ", " + clean(e.actual?.label ?? e.resultKey) : "")
                if let outcome = e.outcome {
                    switch (outcome.score, e.guess) {
                    case (.off, nil): lines.append((1, "Estimate on \(title): revealed without a guess (answer \(e.actual?.display ?? "n/a"))"))
                    case (.off, _): lines.append((0, "Estimate on \(title): off, \(outcome.grade.summary) (answer \(e.actual?.display ?? "n/a"))"))
                    case (.fair, _): lines.append((2, "Estimate on \(title): fair, \(outcome.grade.summary)"))
                    case (.good, _): break
                    }
                } else {
                    lines.append((3, "Estimate on \(title): not revealed"))
                }
            }
        }
        for lesson in lessons where !visited.contains(lesson.id) && !lesson.estimates.isEmpty {
            let count = lesson.estimates.count
            lines.append((4, "Not visited, with " + (count == 1 ? "an estimate" : "\(count) estimates") + ": \(clean(lesson.title))"))
        }
        let missed = summary.panels.map { p in (p, p.checklist.filter { !$0.ticked }.count) }
            .filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        for (panel, count) in missed {
            lines.append((5, "Checklist on \(clean(panel.lesson.title)): \(count) of \(panel.checklist.count) not named"))
        }
        return lines.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .prefix(5).map(\.element.text)
    }

    /// "over by 0:10", "under by 1:50", "on time"; the wrap-up has no budget.
    static func pace(_ spent: Double, _ budget: Double) -> String {
        guard budget > 0 else { return "wrap-up" }
        let difference = (spent - budget).rounded()
        if difference == 0 { return "on time" }
        return (difference > 0 ? "over by " : "under by ") + TimeText.clock(abs(difference))
    }

    /// One line of Markdown: control characters shown visibly (`^[`, `\\x9b`), so
    /// `cat` of an export cannot drive a terminal.
    static func clean(_ text: String) -> String { VisibleText.escape(text, .cell) }

    /// A table cell: cleaned, with pipes escaped.
    static func cell(_ text: String) -> String { clean(text).replacingOccurrences(of: "|", with: "\\|") }

    // MARK: JSON pieces

    static func json(_ panel: PanelSummary) -> JSONValue {
        let estimates: [JSONValue] = panel.estimates.map { e in
            .object([
                ("result", .string(e.resultKey)),
                ("question", .string(e.question)),
                ("guess", e.guess.map(JSONValue.number) ?? .null),
                ("actual", e.actual.map { .number($0.quantity.value) } ?? .null),
                ("unit", .string(e.actual?.quantity.unit.symbol ?? "")),
                ("score", e.score.map { .string($0.rawValue) } ?? .null),
            ])
        }
        return .object([
            ("lesson", .string(panel.lesson.id)),
            ("title", .string(panel.lesson.title)),
            ("minutes", .string(panel.lesson.minutes)),
            ("seconds", .number(seconds(panel.record.seconds))),
            ("parameters", .array(panel.changes.map {
                .object([("key", .string($0.parameter.key)), ("from", .number($0.from)), ("to", .number($0.to)),
                         ("unit", .string($0.parameter.unit.symbol))])
            })),
            ("results", .array(panel.results.map { r in
                var fields: [(String, JSONValue)] = [
                    ("key", .string(r.key)), ("value", r.isDefined ? .number(r.quantity.value) : .null),
                    ("unit", .string(r.quantity.unit.symbol)), ("label", .string(r.label)),
                ]
                if let text = r.text { fields.append(("text", .string(text))) }
                if let undefined = r.undefined { fields.append(("undefined", .string(undefined))) }
                return .object(fields)
            })),
            ("claims", .array(panel.claims.map { c in
                .object([
                    ("id", .string(c.claim.id)), ("holds", .bool(c.holds)),
                    ("stated", .number(c.claim.stated.value)),
                    ("computed", c.computed.map { .number($0.value) } ?? .null),
                    ("unit", .string(c.claim.stated.unit.symbol)), ("reason", .string(c.reason)),
                ])
            })),
            ("estimates", .array(estimates)),
            ("checklist", .array(panel.checklist.map { .object([("item", .string($0.text)), ("ticked", .bool($0.ticked))]) })),
            ("notes", .string(panel.record.notes)),
            ("answer_check", answerCheck(panel)),
        ])
    }

    /// The notes checked against the checklist, as the Markdown's "Notes against the
    /// checklist" shows it: the checkable items, each covered or not, with the notes'
    /// words that matched and what is missing; null when the Markdown shows none.
    static func answerCheck(_ panel: PanelSummary) -> JSONValue {
        guard let check = panel.answerCheck, !check.isEmpty else { return .null }
        return .object([
            ("covered", .number(Double(check.coveredCount))),
            ("total", .number(Double(check.checkable.count))),
            ("items", .array(check.checkable.map { item in
                .object([
                    ("item", .string(item.text)),
                    ("covered", .bool(item.isCovered)),
                    ("matched", .array(item.matched.map(JSONValue.string))),
                    ("missing", .array(item.missing.map(JSONValue.string))),
                ])
            })),
        ])
    }

    /// Seconds to one decimal: enough for pacing, stable in snapshots.
    static func seconds(_ s: Double) -> Double { (s * 10).rounded() / 10 }
}
