import Calculators

/// What `whiteboard calc NAME --sensitivity`, `--solve` and `--break-even` print:
/// tables for people, JSON for tools.
public enum SensitivityReport {
    // MARK: - tornado

    public static func table(_ t: Sensitivity.Tornado, _ calculator: any Calculator) -> String {
        let unit = t.unit
        func show(_ v: Double) -> String { Format.quantity(Quantity(v, unit)) }
        var text = "\(calculator.title) — \(t.result.key) (\(t.result.label)) is \(show(t.result.quantity.value)) "
            + "at these values; each parameter moved \(t.span.description) of its value within its range, "
            + "the one that moves it most first.\n\n"
        let widest = t.bars.map(\.swing).filter(\.isFinite).max() ?? 0
        var rows: [[String]] = [["parameter", "now", "low", "high", "result at low", "result at high", "swing", ""]]
        for bar in t.bars {
            let p = bar.parameter
            let length = widest > 0 && bar.swing.isFinite ? Int((bar.swing / widest * 20).rounded()) : 0
            rows.append([p.key, p.display(bar.value), p.display(bar.lowInput), p.display(bar.highInput),
                         show(bar.low), show(bar.high), show(bar.swing),
                         String(repeating: "#", count: bar.swing > 0 ? max(1, length) : 0)])
        }
        text += CalculatorReport.layout(rows).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmedTrailing }.joined(separator: "\n") + "\n"
        text += skippedLine(t.skipped)
        return text
    }

    public static func json(_ t: Sensitivity.Tornado) -> String {
        JSONValue.object([
            ("calculator", .string(t.calculator)),
            ("result", result(t.result)),
            ("span", .number(t.span.fraction)),
            ("parameters", .array(t.bars.map { bar in
                .object([
                    ("key", .string(bar.parameter.key)), ("unit", .string(bar.parameter.unit.symbol)),
                    ("value", .number(bar.value)), ("low_input", .number(bar.lowInput)),
                    ("high_input", .number(bar.highInput)), ("moved", .string(bar.move.rawValue)),
                    ("low", .number(bar.low)), ("high", .number(bar.high)), ("swing", .number(bar.swing)),
                ])
            })),
            ("skipped", skipped(t.skipped)),
            ("evaluations", .number(Double(t.evaluations))),
        ]).rendered() + "\n"
    }

    // MARK: - solve

    public static func table(_ s: Sensitivity.Solution) -> String {
        let p = s.parameter
        func show(_ v: Double) -> String { Format.quantity(Quantity(v, s.unit)) }
        var text = "\(s.calculator): \(p.key) = \(p.display(s.value)) gives \(s.resultKey) = \(show(s.achieved)) "
            + "(target \(Format.precise(Quantity(s.target, s.unit))))\n"
        var rows: [[String]] = []
        rows.append(["  \(p.key)", p.display(s.value) + (p.integral ? "" : "  (\(plain(s.value)))")])
        rows.append(["  \(s.resultKey)", show(s.achieved) + "  (\(plain(s.achieved)))"])
        rows.append(["  before", "\(p.key) = \(p.display(s.start)), \(s.resultKey) = \(show(s.startResult))"])
        rows.append(["  searched", p.rangeDescription])
        rows.append(["  bracket", p.display(s.bracket.lowerBound) + " … " + p.display(s.bracket.upperBound)
                     + " (bisection from there)"])
        if !s.otherCrossings.isEmpty {
            rows.append(["  also crosses", s.otherCrossings.map { p.display($0.lowerBound) + " … " + p.display($0.upperBound) }
                .joined(separator: ", ")])
        }
        return text + CalculatorReport.layout(rows) + "\n"
    }

    public static func json(_ s: Sensitivity.Solution) -> String {
        var fields: [(String, JSONValue)] = [
            ("calculator", .string(s.calculator)),
            ("result", .string(s.resultKey)), ("unit", .string(s.unit.symbol)),
            ("target", .number(s.target)), ("achieved", .number(s.achieved)),
            ("parameter", .string(s.parameter.key)), ("parameter_unit", .string(s.parameter.unit.symbol)),
            ("value", .number(s.value)), ("start", .number(s.start)), ("start_result", .number(s.startResult)),
            ("searched", range(s.searched)), ("bracket", range(s.bracket)),
        ]
        fields.append(("other_crossings", .array(s.otherCrossings.map(range))))
        fields.append(("evaluations", .number(Double(s.evaluations))))
        return JSONValue.object(fields).rendered() + "\n"
    }

    // MARK: - break-even

    public static func table(_ b: Sensitivity.BreakEvens, _ calculator: any Calculator) -> String {
        var text = "\(calculator.title) — where its decisions flip as each parameter moves across its range, "
            + "the others held at these values.\n"
        if b.decisions.isEmpty {
            return text + "\n\(calculator.name) makes no decision to flip: its results are all quantities.\n"
        }
        for d in b.decisions {
            text += "\n" + (d.label == d.key ? d.key : "\(d.label) (\(d.key))") + ": \(d.state) now\n"
            let rows = b.rows.filter { $0.decision == d.key }
            var table: [[String]] = []
            for row in rows where !row.flips.isEmpty {
                let p = row.parameter
                let flips = row.flips.map { f in
                    let at = p.integral ? "from " + p.display(f.at) : "at " + p.display(f.at)
                    return "\(f.from) → \(f.to) \(at)"
                }
                table.append(["  " + p.key, "now " + p.display(row.value), flips.joined(separator: "; ")])
            }
            if !table.isEmpty { text += CalculatorReport.layout(table) + "\n" }
            let steady = rows.filter(\.flips.isEmpty).map(\.parameter.key)
            if !steady.isEmpty { text += "  does not flip in range: " + steady.joined(separator: ", ") + "\n" }
        }
        return text + skippedLine(b.skipped)
    }

    public static func json(_ b: Sensitivity.BreakEvens) -> String {
        JSONValue.object([
            ("calculator", .string(b.calculator)),
            ("decisions", .array(b.decisions.map { d in
                .object([
                    ("key", .string(d.key)), ("label", .string(d.label)), ("now", .string(d.state)),
                    ("parameters", .array(b.rows.filter { $0.decision == d.key }.map { row in
                        .object([
                            ("key", .string(row.parameter.key)), ("unit", .string(row.parameter.unit.symbol)),
                            ("value", .number(row.value)),
                            ("flips", .array(row.flips.map { f in
                                .object([("from", .string(f.from)), ("to", .string(f.to)), ("at", .number(f.at)),
                                         ("below", .number(f.below)), ("above", .number(f.above))])
                            })),
                        ])
                    })),
                ])
            })),
            ("skipped", skipped(b.skipped)),
            ("evaluations", .number(Double(b.evaluations))),
        ]).rendered() + "\n"
    }

    // MARK: - pieces

    static func result(_ r: ResultValue) -> JSONValue {
        .object([("key", .string(r.key)), ("label", .string(r.label)), ("value", r.isDefined ? .number(r.quantity.value) : .null),
                 ("unit", .string(r.quantity.unit.symbol))])
    }

    static func range(_ r: ClosedRange<Double>) -> JSONValue { .array([.number(r.lowerBound), .number(r.upperBound)]) }

    static func skipped(_ s: [Sensitivity.Skipped]) -> JSONValue {
        .array(s.map { .object([("key", .string($0.key)), ("reason", .string($0.reason))]) })
    }

    static func skippedLine(_ s: [Sensitivity.Skipped]) -> String {
        s.isEmpty ? "" : "not moved: " + s.map { "\($0.key) (\($0.reason))" }.joined(separator: ", ") + "\n"
    }

    /// Six significant figures, for the solved value beside its rounded display.
    static func plain(_ v: Double) -> String { Format.significant(v, digits: 6) }
}

extension String {
    var trimmedTrailing: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
