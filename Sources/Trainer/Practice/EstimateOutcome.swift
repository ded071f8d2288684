import Calculators

/// A guess next to the calculator's answer: the one value that the lesson
/// pane, the status line, the export and the history all show, so they can
/// never disagree about a score.
public struct EstimateOutcome: Equatable, Sendable {
    /// What the user typed, in the unit of the answer.
    public let guess: Quantity
    public let truth: ResultValue
    public let score: EstimateScore
    /// max / min of guess and truth (∞ when one is zero and the other is not).
    public let ratio: Double

    public init(guess: Double, truth: ResultValue) {
        self.guess = Quantity(guess, truth.quantity.unit)
        self.truth = truth
        score = EstimateScore.score(guess: guess, actual: truth.quantity.value)
        let a = abs(guess), b = abs(truth.quantity.value)
        ratio = a == b ? 1 : (min(a, b) == 0 ? .infinity : max(a, b) / min(a, b))
    }

    /// "good, within 2×"
    public var meaning: String {
        switch score {
        case .good: "good, within 2×"
        case .fair: "fair, within 10×"
        case .off: "off by more than 10×"
        }
    }

    /// "You said 90 s; it is 100 s"
    public var sentence: String { "You said \(Format.quantity(guess)); it is \(truth.display)" }
}

extension Lesson {
    /// The estimate's answer at the lesson's starting values: the question
    /// quotes those numbers, so later edits on the panel do not move it.
    public func estimateTruth() -> ResultValue? {
        guard let estimate, let name = calculator, let calc = Registry.named(name),
              let start = startingInputs() else { return nil }
        // An answer undefined at the starting values cannot be estimated.
        return calc.evaluate(start)[estimate.resultKey].flatMap { $0.isDefined ? $0 : nil }
    }

    /// The guess recorded for this lesson, scored; nil before a guess.
    public func estimateOutcome(_ record: PanelRecord) -> EstimateOutcome? {
        guard let guess = record.estimate, let truth = estimateTruth() else { return nil }
        return EstimateOutcome(guess: guess, truth: truth)
    }
}
