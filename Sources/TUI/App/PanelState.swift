import Calculators
import Trainer

/// What one panel remembers while the user moves around: its calculator's
/// values, the selected parameter and how far the lesson is scrolled.
public struct PanelState: Equatable, Sendable {
    public let lesson: Lesson
    /// Nil for panels without a calculator (framework, alternatives, wrap-up).
    public var inputs: Inputs?
    /// Index into the calculator's visible parameters.
    public var selected: Int = 0
    public var lessonScroll: Int = 0

    public init(lesson: Lesson) {
        self.lesson = lesson
        self.inputs = lesson.startingInputs()
    }

    public var calculator: (any Calculator)? { lesson.calculator.flatMap(Registry.named) }

    /// The lesson's starting inputs: what `R` returns to and "changed" compares against.
    public var startingInputs: Inputs? { lesson.startingInputs() }

    public var visibleParameters: [Parameter] {
        guard let calculator, let inputs else { return [] }
        return calculator.visibleParameters(inputs)
    }

    public var selectedParameter: Parameter? {
        let visible = visibleParameters
        return visible.indices.contains(selected) ? visible[selected] : visible.last
    }

    public var output: Output? {
        guard let calculator, let inputs else { return nil }
        return calculator.evaluate(inputs)
    }

    public func claimChecks(_ output: Output?) -> [ClaimCheck] {
        guard let output else { return [] }
        return lesson.claims.map { $0.evaluate(output) }
    }

    /// True when any value differs from where the lesson started it.
    public var isChanged: Bool { !changedValues.isEmpty }

    /// True when the value differs from where the lesson started it.
    public func isChanged(_ key: String) -> Bool {
        guard let inputs, let start = startingInputs else { return false }
        return inputs[key] != start[key]
    }

    /// Values that differ from the lesson's start (what autosave and export record).
    public var changedValues: [String: Double] {
        guard let inputs, let start = startingInputs else { return [:] }
        var out: [String: Double] = [:]
        for (key, value) in inputs.values where start[key] != value { out[key] = value }
        return out
    }
}
