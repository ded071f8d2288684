import Calculators

/// What `whiteboard calc` prints: a table for people, JSON for tools.
public enum CalculatorReport {
    /// Parses `key=value` assignments against a calculator's parameters.
    /// `base` is where the values start (a scenario's linked values); the calculator's defaults without one.
    public static func inputs(for calculator: any Calculator, assignments: [String], base: Inputs? = nil) throws(ParameterError) -> Inputs {
        var inputs = base ?? calculator.defaults
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "=") else { throw .malformedAssignment(assignment) }
            let key = String(assignment[..<eq]).trimmed, text = String(assignment[assignment.index(after: eq)...])
            guard let parameter = calculator.parameter(key) else {
                throw .unknownKey(key, calculator: calculator.name, known: calculator.parameters.map(\.key))
            }
            try inputs.set(key, try parameter.parse(text))
        }
        return inputs
    }

    public static func table(_ calculator: any Calculator, _ inputs: Inputs) -> String {
        let output = calculator.evaluate(inputs)
        var rows: [[String]] = [["parameter", "value", "allowed"]]
        for p in calculator.visibleParameters(inputs) {
            rows.append([p.key, p.display(inputs[p.key]) + (inputs.isDefault(p.key) ? "" : " *"), p.rangeDescription])
        }
        var text = "\(calculator.title) — \(calculator.summary)\n\n" + layout(rows) + "\n"
        var results: [[String]] = [["result", "value", "meaning"]]
        for r in output.results { results.append([r.key, r.display, r.label]) }
        text += layout(results)
        for note in output.notes { text += "\nnote: " + note }
        return text + "\n"
    }

    public static func json(_ calculator: any Calculator, _ inputs: Inputs) -> String {
        let output = calculator.evaluate(inputs)
        let parameters = calculator.visibleParameters(inputs).map { p -> (String, JSONValue) in
            var fields: [(String, JSONValue)] = [("value", .number(inputs[p.key])), ("unit", .string(p.unit.symbol))]
            if !p.choices.isEmpty { fields.append(("choice", .string(p.display(inputs[p.key])))) }
            return (p.key, .object(fields))
        }
        let results = output.results.map { r -> (String, JSONValue) in
            var fields: [(String, JSONValue)] = [
                ("value", r.isDefined ? .number(r.quantity.value) : .null), ("unit", .string(r.quantity.unit.symbol)),
                ("label", .string(r.label)),
            ]
            if let text = r.text { fields.append(("text", .string(text))) }
            if let undefined = r.undefined { fields.append(("undefined", .string(undefined))) }
            if let spread = r.spread {
                fields.append(("sd", .number(spread)))
                fields.append(("draws", .number(Double(r.draws))))
            }
            return (r.key, .object(fields))
        }
        return JSONValue.object([
            ("calculator", .string(calculator.name)),
            ("parameters", .object(parameters)),
            ("results", .object(results)),
            ("notes", .array(output.notes.map(JSONValue.string))),
        ]).rendered() + "\n"
    }

    /// `calc --list`: every calculator with its parameters, units, defaults and ranges.
    public static func list(_ calculators: [any Calculator]) -> String {
        var text = ""
        for c in calculators {
            text += "\(c.name) — \(c.title): \(c.summary)\n"
            var rows: [[String]] = []
            for p in c.parameters {
                rows.append(["  " + p.key, p.unit.symbol, "default " + p.display(p.defaultValue), p.rangeDescription])
            }
            text += layout(rows) + "\n"
        }
        for (family, members) in Registry.families.sorted(by: { $0.key < $1.key }) {
            text += "\(family) — runs \(members.joined(separator: ", ")) together (no --set)\n"
        }
        return text
    }

    /// Left-aligned columns separated by two spaces, widths in terminal columns.
    public static func layout(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell + (i == row.count - 1 ? "" : String(repeating: " ", count: widths[i] - cell.count + 2))
            }
            return line
        }.joined(separator: "\n")
    }
}
