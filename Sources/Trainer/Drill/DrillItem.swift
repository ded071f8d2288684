import Calculators
import Foundation

/// `{key}` and `{=key}` placeholders in a drill question: `{key}` is a
/// parameter the drill varies, `{=key}` one it states at the lesson's value
/// (a list price, a fixed policy), so every number the answer depends on is
/// in the question and written the way the calculator pane writes it.
public enum DrillTemplate {
    /// The parameter keys named, varied or stated, in order of first use (`=`
    /// taken off); or what is wrong with the braces.
    public static func placeholders(_ template: String) -> Result<[String], TemplateProblem> {
        slots(template).map { slots in slots.map(\.key) }
    }

    /// The keys a drill varies: those named `{key}`, not `{=key}`.
    public static func varied(_ template: String) -> Result<[String], TemplateProblem> {
        slots(template).map { slots in slots.filter(\.varied).map(\.key) }
    }

    struct Slot: Equatable { let key: String; let varied: Bool }

    static func slots(_ template: String) -> Result<[Slot], TemplateProblem> {
        rawPlaceholders(template).flatMap { raws in
            var slots: [Slot] = []
            for raw in raws {
                let stated = raw.hasPrefix("=")
                let key = stated ? String(raw.dropFirst()) : raw
                guard !key.isEmpty else { return .failure(TemplateProblem("empty placeholder {=}")) }
                // Named both ways, the key is varied: the question shows its new value everywhere.
                if let i = slots.firstIndex(where: { $0.key == key }) {
                    if !stated { slots[i] = Slot(key: key, varied: true) }
                } else {
                    slots.append(Slot(key: key, varied: !stated))
                }
            }
            return .success(slots)
        }
    }

    /// The text between braces, in order of first use.
    static func rawPlaceholders(_ template: String) -> Result<[String], TemplateProblem> {
        var keys: [String] = []
        var current: String?
        for ch in template {
            switch (ch, current) {
            case ("{", nil): current = ""
            case ("{", _?): return .failure(TemplateProblem("\"{\" inside a placeholder"))
            case ("}", let key?):
                guard !key.isEmpty else { return .failure(TemplateProblem("empty placeholder {}")) }
                if !keys.contains(key) { keys.append(key) }
                current = nil
            case ("}", nil): return .failure(TemplateProblem("\"}\" without \"{\""))
            case (_, let key?): current = key + String(ch)
            default: break
            }
        }
        if current != nil { return .failure(TemplateProblem("placeholder not closed (add \"}\")")) }
        return .success(keys)
    }

    /// The template with each `{key}` replaced by the parameter's value as the
    /// calculator pane shows it ("90 s", "70 writes/s").
    public static func render(_ template: String, calculator: any Calculator, inputs: Inputs) -> String {
        var out = ""
        var current: String?
        for ch in template {
            if ch == "{", current == nil { current = ""; continue }
            if ch == "}", let key = current {
                let name = key.hasPrefix("=") ? String(key.dropFirst()) : key
                out += calculator.parameter(name).map { $0.display(inputs[name]) } ?? "{\(key)}"
                current = nil
                continue
            }
            if current != nil { current! += String(ch) } else { out.append(ch) }
        }
        if let current { out += "{" + current }
        return out
    }

    public struct TemplateProblem: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ text: String) { description = text }
    }
}

/// One estimate the trainer can drill: a lesson's question about one
/// calculator result. Its id (`lesson/result`) ties attempts across sessions.
public struct DrillItem: Equatable, Sendable, Identifiable {
    public let lesson: Lesson
    public let estimate: Lesson.Estimate

    public var id: String { lesson.id + "/" + estimate.resultKey }

    /// Every estimate of the deck whose calculator exists, in lesson order.
    public static func all(in lessons: [Lesson]) -> [DrillItem] {
        lessons.flatMap { lesson -> [DrillItem] in
            guard let name = lesson.calculator, Registry.named(name) != nil else { return [] }
            return lesson.estimates.map { DrillItem(lesson: lesson, estimate: $0) }
        }
    }

    /// The parameters a drill varies: those its template names as `{key}`.
    public var variedKeys: [String] {
        guard let template = estimate.drill, case let .success(keys) = DrillTemplate.varied(template) else { return [] }
        return keys
    }

    /// The parameters a drill question states, varied or not: the numbers its
    /// working starts from. Without a template, all the lesson sets.
    public var statedKeys: [String] {
        guard let template = estimate.drill, case let .success(keys) = DrillTemplate.placeholders(template),
              !keys.isEmpty else { return lesson.parameters.map(\.key) }
        return keys
    }

    /// The item asked at fresh numbers: each varied parameter moved from the
    /// lesson's value by a factor between 1/3 and 3 (percentages by ±50 %),
    /// rounded to two significant figures and kept in range; drawn from
    /// `seed`, so the same seed asks the same numbers. Draws again (up to 20
    /// times) when the model would override the numbers (R above N), when the
    /// answer would be zero or not finite, or when the numbers are the lesson's.
    /// Without a template, or when no draw serves, the lesson's own numbers are asked.
    public func ask(seed: UInt64) -> DrillQuestion? {
        guard let name = lesson.calculator, let calculator = Registry.named(name),
              let start = lesson.startingInputs() else { return nil }
        func asked(at inputs: Inputs) -> DrillQuestion? {
            let output = calculator.evaluate(inputs)
            guard let truth = output[estimate.resultKey] else { return nil }
            let question = estimate.drill.map { DrillTemplate.render($0, calculator: calculator, inputs: inputs) }
                ?? estimate.question
            return DrillQuestion(item: self, inputs: inputs, truth: truth, question: question, output: output)
        }
        let keys = variedKeys
        guard !keys.isEmpty else { return asked(at: start) }
        var generator = SeededRandom(seed: seed)
        var fallback: DrillQuestion?
        for _ in 0..<20 {
            var inputs = start
            for key in keys {
                guard let p = calculator.parameter(key), p.choices.isEmpty else { continue }
                inputs.setClamped(key, Self.vary(start[key], p, using: &generator))
            }
            // Numbers the model would not run as drawn (R above N) ask about no real system.
            if calculator.overridden(inputs) != nil { continue }
            guard let question = asked(at: inputs) else { return nil }
            let truth = question.truth
            guard truth.isDefined, truth.quantity.value.isFinite, truth.quantity.value != 0 else { continue }
            if keys.contains(where: { inputs[$0] != start[$0] }) { return question }
            fallback = fallback ?? question
        }
        // Twenty draws the model could not use: the lesson's own numbers, as it chose them.
        return fallback ?? asked(at: start)
    }

    static func vary(_ value: Double, _ p: Parameter, using generator: inout SeededRandom) -> Double {
        let next: Double
        if p.unit == .percent {
            next = value * (0.5 + generator.unit())
        } else if value == 0 {
            next = p.range.lowerBound + (p.range.upperBound - p.range.lowerBound) * generator.unit() * 0.1
        } else {
            // log-uniform between a third and three times
            next = value * exp(log(3) * (2 * generator.unit() - 1))
        }
        var v = roundToTwoFigures(next)
        if p.isLevels { return p.nearestLevel(v).value }
        if p.integral { v = max(v.rounded(), 1) }
        return min(max(v, p.range.lowerBound), p.range.upperBound)
    }

    /// 3,847 → 3,800; 0.01234 → 0.012.
    static func roundToTwoFigures(_ v: Double) -> Double {
        guard v.isFinite, v != 0 else { return v }
        let magnitude = pow(10, (log10(abs(v)).rounded(.down)) - 1)
        return (v / magnitude).rounded() * magnitude
    }
}

/// An item asked at particular numbers: the question as shown, the inputs,
/// and the calculator's answer and working at those inputs.
public struct DrillQuestion: Equatable, Sendable {
    public let item: DrillItem
    public let inputs: Inputs
    public let truth: ResultValue
    public let question: String
    public let output: Output

    /// The calculator's working at these numbers, the lines that lead to the
    /// answer and nothing else: the inputs the question states (or, without a
    /// drill template, all the lesson sets), then the results one step from
    /// the answer (those the trainer hides while the estimate is asked,
    /// `GiveAway.revealing`), in the calculator's order, then the answer.
    public var working: [String] {
        guard let calculator = item.lesson.calculator.flatMap(Registry.named) else { return [] }
        let given = item.statedKeys.compactMap { key in calculator.parameter(key).map { "\($0.label) = \($0.display(inputs[key]))" } }
        let steps = GiveAway.revealing(truth.key, output: output, inputs: inputs,
                                       parameters: calculator.visibleParameters(inputs))
        let results = output.results.filter { steps.contains($0.key) }.map { "\($0.label) = \($0.display)" }
        return given + results + ["\(truth.label) = \(truth.display)"]
    }
}

/// Seeds for drills: the numbers come from the calculators' own seeded
/// generator (`SeededRandom`), so one seed asks the same numbers everywhere.
public enum DrillSeed {
    /// FNV-1a of a text: a stable seed from an item id and a date.
    public static func seed(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
