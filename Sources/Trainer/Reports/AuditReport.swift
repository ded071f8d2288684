import Calculators

/// Every claim of every lesson, evaluated at the lesson's starting values.
/// Failing claims are content (the board's mistakes), not errors.
public enum AuditReport {
    public struct Row: Equatable, Sendable {
        public let lesson: String
        public let check: ClaimCheck
    }

    public static func rows(_ lessons: [Lesson]) -> [Row] {
        lessons.flatMap { lesson -> [Row] in
            guard let name = lesson.calculator, let calculator = Registry.named(name),
                  let inputs = lesson.startingInputs() else { return [] }
            let output = calculator.evaluate(inputs)
            return lesson.claims.map { Row(lesson: lesson.id, check: lesson.check($0, output: output)) }
        }
    }

    public static func json(_ rows: [Row]) -> String {
        JSONValue.array(rows.map { row in
            let c = row.check
            return .object([
                ("lesson", .string(row.lesson)),
                ("id", .string(c.claim.id)),
                ("text", .string(c.claim.text)),
                ("stated", .number(c.claim.stated.value)),
                ("computed", c.computed.map { .number($0.value) } ?? .null),
                ("unit", .string(c.claim.stated.unit.symbol)),
                ("holds", .bool(c.holds)),
                ("reason", .string(c.reason)),
            ])
        }).rendered() + "\n"
    }

    public static func table(_ rows: [Row]) -> String {
        var text = ""
        var lesson = ""
        for row in rows {
            if row.lesson != lesson {
                lesson = row.lesson
                text += (text.isEmpty ? "" : "\n") + lesson + "\n"
            }
            let c = row.check
            text += "  \(c.holds ? "✓" : "✗") \(c.claim.text)\n"
            if !c.holds { text += "      \(c.reason)\n" }
        }
        let failing = rows.filter { !$0.check.holds }.count
        return text + "\n\(rows.count) claims: \(rows.count - failing) hold, \(failing) do not.\n"
    }
}
