import Calculators
import Foundation

/// A finished session as text: Markdown for people (pasted into notes), JSON for tools.
///
/// Both list the panels visited or changed, in lesson order, with time spent,
/// parameters changed from the lesson's starting values, key results for the
/// final values, claims checked, the estimate, the checklist and notes; then
/// pacing by section, estimation accuracy and checklist coverage. Both are
/// built from one `SessionSummary`, so they agree.
///
/// JSON shape (version 1; keys in this order; times in seconds; `docs/session-json.md`):
///
/// ```
/// { "version": 1,
///   "started": "2023-11-14T22:13:20Z",   // ISO 8601, UTC
///   "finished": "2023-11-14T22:25:00Z",
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
///     "estimate": { "question": "…", "guess": 90, "actual": 100, "unit": "s", "score": "good" } | null,
///                  // null when the lesson asks none; guess and score null when not answered
///     "checklist": [ { "item": "…", "ticked": true } ],
///     "notes": "…" } ] }
/// ```
public enum SessionExport {
    public static func markdown(_ s: PracticeSession, lessons: [Lesson], finishedAt: Double,
                                timeZone: TimeZone = .current) -> String {
        let summary = SessionSummary(s, lessons: lessons)
        var out: [String] = []
        out.append("# Whiteboard session, " + ExportNaming.readable(at: s.startedAt, timeZone: timeZone))
        out.append("")
        out.append("- Started \(ExportNaming.readable(at: s.startedAt, timeZone: timeZone, seconds: true)), "
            + "finished \(ExportNaming.readable(at: finishedAt, timeZone: timeZone, seconds: true)) (\(timeZone.identifier))")
        out.append("- Mode: " + (s.practiceMode ? "practice (ten-minute clock)" : "explore (no clock)"))
        let left = PracticeClock.total - summary.timeUsed
        out.append("- Time used: \(TimeText.clock(summary.timeUsed)) of \(TimeText.clock(PracticeClock.total))"
            + (left >= 0 ? " (\(TimeText.clock(left)) left)" : " (\(TimeText.clock(-left)) over)"))
        let e = summary.estimates
        let asked = summary.panels.filter { $0.estimate != nil }.count
        out.append("- Estimates: \(e.good) good, \(e.fair) fair, \(e.off) off (\(e.total) of \(asked) answered)")
        out.append("- Checklist: \(summary.checklistTicked) of \(summary.checklistTotal) ticked"
            + TimeText.percent(summary.checklistTicked, of: summary.checklistTotal))
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
        for panel in summary.panels { out += [""] + markdown(panel) }
        return out.joined(separator: "\n") + "\n"
    }

    public static func json(_ s: PracticeSession, lessons: [Lesson], finishedAt: Double) -> String {
        let summary = SessionSummary(s, lessons: lessons)
        let document = JSONValue.object([
            ("version", .number(Double(PracticeSession.formatVersion))),
            ("started", .string(ExportNaming.iso8601(s.startedAt))),
            ("finished", .string(ExportNaming.iso8601(finishedAt))),
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

    static func markdown(_ panel: PanelSummary) -> [String] {
        var out = ["## \(panel.lesson.minutes) · \(clean(panel.lesson.title))", ""]
        out.append("Time on panel: " + TimeText.clock(panel.record.seconds))
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
        if let estimate = panel.estimate {
            out += ["", "### Estimate", "", clean(estimate.question), ""]
            let actual = (estimate.actual?.display ?? "n/a") + (panel.changes.isEmpty ? "" : " at the lesson's values")
            if let outcome = estimate.outcome {
                out.append((estimate.guessDisplay.map { "Guess \($0)" } ?? "Revealed without a guess")
                    + ", actual \(actual): **\(outcome.score.rawValue)**, \(outcome.grade.summary)")
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
        return out
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
        let estimate: JSONValue
        if let e = panel.estimate {
            estimate = .object([
                ("question", .string(e.question)),
                ("guess", e.guess.map(JSONValue.number) ?? .null),
                ("actual", e.actual.map { .number($0.quantity.value) } ?? .null),
                ("unit", .string(e.actual?.quantity.unit.symbol ?? "")),
                ("score", e.score.map { .string($0.rawValue) } ?? .null),
            ])
        } else {
            estimate = .null
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
            ("estimate", estimate),
            ("checklist", .array(panel.checklist.map { .object([("item", .string($0.text)), ("ticked", .bool($0.ticked))]) })),
            ("notes", .string(panel.record.notes)),
        ])
    }

    /// Seconds to one decimal: enough for pacing, stable in snapshots.
    static func seconds(_ s: Double) -> Double { (s * 10).rounded() / 10 }
}
