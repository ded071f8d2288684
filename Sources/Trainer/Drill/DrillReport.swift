import Calculators
import CSV
import Foundation

/// What `whiteboard drill --list` and `--export-csv` print.
public enum DrillReport {
    /// One row per item: due or not, the lesson, the question, why.
    public static func table(_ schedule: DrillSchedule, all: Bool) -> String {
        let shown = all ? schedule.entries : schedule.due
        let dueCount = schedule.due.count
        var out = "\(dueCount) of \(schedule.entries.count) estimate\(schedule.entries.count == 1 ? "" : "s") due"
            + (dueCount > 0 ? ", misses first" : "") + ".\n"
        guard !shown.isEmpty else {
            let next = schedule.entries.compactMap(\.state.due).min()
            return out + (next.map { "Next due " + ExportNaming.readable(at: $0, timeZone: .current) + ".\n" } ?? "")
        }
        var rows: [[String]] = [["", "item", "answers", "why"]]
        for e in shown {
            rows.append([e.isDue ? "due" : "later", e.item.id, String(e.state.answers), e.why])
        }
        out += CalculatorReport.layout(rows) + "\n"
        return out
    }

    /// The same as JSON: `{ "due": N, "items": [ { "id", "lesson", "result", "question", "due", "due_at",
    /// "answers", "repetitions", "easiness", "interval_days", "last": { "date", "score", "method", "summary" } | null,
    /// "why" } ] }`, due items first.
    public static func json(_ schedule: DrillSchedule, all: Bool) -> String {
        let shown = all ? schedule.entries : schedule.due
        let items: [JSONValue] = shown.map { e in
            let last: JSONValue = e.last.map { a in
                .object([("date", .string(ExportNaming.iso8601(a.date))), ("score", .string(a.score.rawValue)),
                         ("method", .string(a.method.rawValue)), ("summary", .string(a.grade.summary))])
            } ?? .null
            return .object([
                ("id", .string(e.item.id)), ("lesson", .string(e.item.lesson.id)),
                ("result", .string(e.item.estimate.resultKey)), ("question", .string(e.item.estimate.question)),
                ("due", .bool(e.isDue)), ("due_at", e.state.due.map { .string(ExportNaming.iso8601($0)) } ?? .null),
                ("answers", .number(Double(e.state.answers))), ("repetitions", .number(Double(e.state.repetitions))),
                ("easiness", .number((e.state.easiness * 100).rounded() / 100)),
                ("interval_days", .number(e.state.intervalDays)),
                ("last", last), ("why", .string(e.why)),
            ])
        }
        return JSONValue.object([("due", .number(Double(schedule.due.count))), ("items", .array(items))]).rendered() + "\n"
    }

    /// Missed items (latest answer off, or revealed without a guess) as CSV
    /// that Anki imports (File › Import): the `#` header lines tell it the
    /// separator, that fields hold HTML, and the columns. Front: the question
    /// with the numbers it was asked at; back: the answer, the calculator's
    /// working at those numbers, and the source lesson; tagged with the
    /// lesson id. With nothing missed, only the header lines.
    ///
    /// CSV.swift does the quoting (commas, quotes and line breaks in fields).
    public static func ankiCSV(_ schedule: DrillSchedule) throws -> (text: String, rows: Int) {
        let missed = schedule.entries.filter { $0.last.map { $0.score == .off } ?? false }
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        for entry in missed {
            guard let last = entry.last else { continue }
            let asked = question(entry.item, at: last)
            // A drill's question already states its numbers; a panel's may not.
            let numbersInQuestion = last.drill && !entry.item.variedKeys.isEmpty
            let front = html(last.question)
                + (asked.map { numbersInQuestion ? "" : "<br><br>" + html($0.given.joined(separator: "; ")) } ?? "")
            var back = "<b>" + html(last.display(last.truth)) + "</b><br>"
                + (last.guess.map { "You said " + html(last.display($0)) + " (" + html(last.grade.summary) + ")" }
                    ?? "Revealed without a guess")
            if let asked { back += "<br><br>" + asked.working.map(html).joined(separator: "<br>") }
            back += "<br><br>" + html("\(entry.item.lesson.title) (\(entry.item.lesson.file))")
            try writer.write(row: [front, back, "whiteboard " + entry.item.lesson.id])
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        // Anki's file headers, written as they are (not as CSV fields: the
        // column list holds the separator itself).
        let header = "#separator:Comma\n#html:true\n#columns:Front,Back,Tags\n#tags column:3\n"
        let body = String(decoding: data, as: UTF8.self)
        return (header + body + (body.isEmpty ? "" : "\n"), missed.count)
    }

    /// The item re-evaluated at the numbers an attempt was asked at.
    static func question(_ item: DrillItem, at attempt: AttemptRecord) -> (given: [String], working: [String])? {
        guard let calculator = item.lesson.calculator.flatMap(Registry.named) else { return nil }
        var inputs = calculator.defaults
        for (key, value) in attempt.parameters where calculator.parameter(key) != nil { inputs.setClamped(key, value) }
        let output = calculator.evaluate(inputs)
        guard let truth = output[item.estimate.resultKey] else { return nil }
        let asked = DrillQuestion(item: item, inputs: inputs, truth: truth, question: attempt.question, output: output)
        let given = item.statedKeys.compactMap { key in calculator.parameter(key).map { "\($0.label) = \($0.display(inputs[key]))" } }
        return (given, asked.working)
    }

    /// A field's text as HTML, control characters shown visibly (`^[`) so a
    /// `cat` of the file cannot drive a terminal.
    static func html(_ text: String) -> String {
        VisibleText.escape(text, .cell).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
