import Calculators

/// `audit --consistency`: every scenario quantity that a panel's lesson sets to
/// something other than the scenario's value, so two panels telling one story
/// cannot quietly disagree (150M accounts on one, 200M DAU on another).
public enum ConsistencyAudit {
    public struct Finding: Equatable, Sendable {
        /// The scenario quantity ("dau", "peak_write_qps").
        public let quantity: String
        public let lesson: String
        public let file: String
        public let parameter: String
        public let lessonValue: String
        public let scenarioValue: String
        /// The lesson's reason for the departure (its `departures`), when it states one.
        public let reason: String?
        /// Whether the lesson explains the departure with a stated reason.
        public var explained: Bool { reason != nil }

        public init(quantity: String, lesson: String, file: String, parameter: String, lessonValue: String,
                    scenarioValue: String, reason: String?) {
            self.quantity = quantity
            self.lesson = lesson
            self.file = file
            self.parameter = parameter
            self.lessonValue = lessonValue
            self.scenarioValue = scenarioValue
            self.reason = reason
        }
    }

    /// Each panel's value of a linked quantity, as the panel opens under `scenario`
    /// (its links followed, its departures kept), against the scenario's, quantity by quantity.
    public static func findings(_ lessons: [Lesson], scenario: Scenario) -> [Finding] {
        var out: [Finding] = []
        for lesson in lessons {
            guard let name = lesson.calculator, let calc = Registry.named(name),
                  let start = lesson.startingInputs(scenario: scenario.values) else { continue }
            for link in ScenarioLinks.defaults(for: name).values.sorted(by: { $0.parameter < $1.parameter }) {
                guard let p = calc.parameter(link.parameter), let linked = link.value(in: scenario.values) else { continue }
                let own = start[link.parameter]
                guard !ScenarioLinks.agree(own, linked) else { continue }
                out.append(Finding(quantity: link.source, lesson: lesson.id, file: lesson.file, parameter: link.parameter,
                                   lessonValue: p.display(own), scenarioValue: p.display(linked),
                                   reason: lesson.departureReason(link.parameter)))
            }
        }
        return out.sorted { ($0.quantity, $0.lesson) < ($1.quantity, $1.lesson) }
    }

    public static func table(_ findings: [Finding], scenario: Scenario) -> String {
        guard !findings.isEmpty else { return "Every linked value agrees with the \(scenario.name) scenario.\n" }
        var rows: [[String]] = [["quantity", "panel", "parameter", "panel's value", "\(scenario.name)'s value", "explained"]]
        for f in findings {
            rows.append([f.quantity, f.lesson, f.parameter, f.lessonValue, f.scenarioValue, f.explained ? "yes" : "no"])
        }
        let unexplained = findings.filter { !$0.explained }.count
        var reasons = ""
        for f in findings {
            if let reason = f.reason { reasons += "\(f.lesson) \(f.parameter): \(reason)\n" }
        }
        return CalculatorReport.layout(rows) + "\n\n" + (reasons.isEmpty ? "" : "Why they differ:\n" + reasons + "\n")
            + "\(findings.count) difference\(findings.count == 1 ? "" : "s"), \(unexplained) unexplained\n"
    }

    public static func json(_ findings: [Finding], scenario: Scenario) -> String {
        JSONValue.object([
            ("scenario", .string(scenario.name)),
            ("differences", .array(findings.map { f in
                .object([("quantity", .string(f.quantity)), ("panel", .string(f.lesson)), ("file", .string(f.file)),
                         ("parameter", .string(f.parameter)), ("panel_value", .string(f.lessonValue)),
                         ("scenario_value", .string(f.scenarioValue)), ("explained", .bool(f.explained)),
                         ("reason", f.reason.map(JSONValue.string) ?? .null)])
            })),
            ("unexplained", .number(Double(findings.filter { !$0.explained }.count))),
        ]).rendered() + "\n"
    }
}
