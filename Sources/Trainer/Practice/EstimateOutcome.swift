import Calculators

/// A guess next to the calculator's answer: the one value that the lesson
/// pane, the status line, the export and the history all show, so they can
/// never disagree about a score.
public struct EstimateOutcome: Equatable, Sendable {
    /// What the user typed, in the unit of the answer; nil when the answer was
    /// revealed without a guess (a miss).
    public let guess: Quantity?
    public let truth: ResultValue
    /// Scored by what the number measures (ratio, percentage points or odds).
    public let grade: EstimateGrade
    /// max / min of guess and truth (∞ when one is zero and the other is not, or there is no guess).
    public let ratio: Double

    public init(guess: Double?, truth: ResultValue) {
        let unit = truth.quantity.unit
        self.guess = guess.map { Quantity($0, unit) }
        self.truth = truth
        grade = EstimateScore.grade(guess: guess.map { $0 * unit.toBase }, truth: truth.quantity.baseValue,
                                    kind: QuantityKind(unit))
        guard let guess else { ratio = .infinity; return }
        let a = abs(guess), b = abs(truth.quantity.value)
        ratio = a == b ? 1 : (min(a, b) == 0 ? .infinity : max(a, b) / min(a, b))
    }

    public var score: EstimateScore { grade.score }

    /// "good: 1.1× high (ratio)", "off: revealed without a guess"
    public var meaning: String { score.rawValue + ": " + grade.summary }

    /// "You said 90 s; it is 100 s", "Revealed without a guess: it is 100 s"
    public var sentence: String {
        guard let guess else { return "Revealed without a guess: it is \(truth.display)" }
        return "You said \(Format.quantity(guess)); it is \(truth.display)"
    }
}

extension Lesson {
    /// Each estimate's answer at the lesson's starting values, in the lesson's
    /// order: the questions quote those numbers, so later edits on the panel
    /// do not move them. Nil for an answer undefined there (it cannot be estimated).
    public func estimateTruths() -> [ResultValue?] {
        guard !estimates.isEmpty, let name = calculator, let calc = Registry.named(name),
              let start = startingInputs() else { return estimates.map { _ in nil } }
        return estimateTruths(from: calc.evaluate(start))
    }

    /// Each estimate's answer read from the calculator's output at the starting values.
    public func estimateTruths(from output: Output) -> [ResultValue?] {
        estimates.map { e in output[e.resultKey].flatMap { $0.isDefined ? $0 : nil } }
    }

    /// The first estimate's answer (see `estimateTruths`).
    public func estimateTruth() -> ResultValue? { estimateTruths().first ?? nil }

    /// Each recorded guess, scored, once its answer is revealed; nil before.
    public func estimateOutcomes(_ record: PanelRecord) -> [EstimateOutcome?] {
        zip(estimateTruths(), estimates.indices).map { truth, i in
            let guess = record[guess: i]
            guard guess.revealed, let truth else { return nil }
            return EstimateOutcome(guess: guess.value, truth: truth)
        }
    }
}
