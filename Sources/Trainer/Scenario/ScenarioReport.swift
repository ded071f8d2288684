import Calculators

/// What `whiteboard scenario` prints: the inputs with their sources, and the
/// derived values with their formulas.
public enum ScenarioReport {
    /// `scenario --list`: one line per bundled scenario.
    public static func list(_ scenarios: [Scenario]) -> String {
        var rows: [[String]] = [["name", "DAU", "peak writes", "title"]]
        for s in scenarios {
            rows.append([s.name, Format.compact(s.values["dau"]), s.quantity("peak_write_qps").map(Format.quantity) ?? "", s.title])
        }
        return CalculatorReport.layout(rows) + "\n"
    }

    public static func table(_ scenario: Scenario, changed: Set<String> = []) -> String {
        let model = Scenario.model
        var text = "Scenario \(scenario.name) — \(scenario.title) (\(scenario.file))\n\n"
        var rows: [[String]] = [["input", "value", "allowed", "source"]]
        for p in model.parameters {
            let source = scenario.sources[p.key].map { $0.text + ($0.date.map { " (\($0))" } ?? "") } ?? "board's value"
            rows.append([p.key, p.display(scenario.values[p.key]) + (changed.contains(p.key) ? " *" : ""), p.rangeDescription,
                         changed.contains(p.key) ? "set on the command line" : source])
        }
        text += CalculatorReport.layout(rows) + "\n\n"
        var derived: [[String]] = [["derived", "value", "formula"]]
        let output = scenario.derived
        for r in output.results { derived.append([r.key, r.display, ScenarioModel.formula(r.key) ?? r.label]) }
        text += CalculatorReport.layout(derived) + "\n"
        for note in output.notes { text += "\nnote: " + note }
        return text + (output.notes.isEmpty ? "" : "\n")
    }

    public static func json(_ scenario: Scenario, changed: Set<String> = []) -> String {
        let model = Scenario.model
        let inputs = model.parameters.map { p -> (String, JSONValue) in
            var fields: [(String, JSONValue)] = [("value", .number(scenario.values[p.key])), ("unit", .string(p.unit.symbol))]
            if let s = scenario.sources[p.key], !changed.contains(p.key) {
                fields.append(("source", .string(s.text)))
                if let d = s.date { fields.append(("date", .string(d))) }
            }
            if changed.contains(p.key) { fields.append(("changed", .bool(true))) }
            return (p.key, .object(fields))
        }
        let output = scenario.derived
        let derived = output.results.map { r -> (String, JSONValue) in
            (r.key, .object([("value", .number(r.quantity.value)), ("unit", .string(r.quantity.unit.symbol)),
                             ("formula", .string(ScenarioModel.formula(r.key) ?? r.label))]))
        }
        return JSONValue.object([
            ("scenario", .string(scenario.name)), ("title", .string(scenario.title)), ("file", .string(scenario.file)),
            ("inputs", .object(inputs)), ("derived", .object(derived)),
            ("notes", .array(output.notes.map(JSONValue.string))),
        ]).rendered() + "\n"
    }
}
