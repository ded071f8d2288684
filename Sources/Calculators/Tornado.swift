extension Sensitivity {
    /// One parameter of a tornado: where it was moved to and what the result did.
    public struct Bar: Hashable, Sendable {
        public let parameter: Parameter
        /// The parameter's value at the user's inputs, and the two it was moved to.
        public let value: Double, lowInput: Double, highInput: Double
        /// The result with the parameter at `lowInput` and at `highInput`.
        public let low: Double, high: Double
        public let move: Move

        /// How far the result moves across the span: |high − low| (NaN when either is not a number).
        public var swing: Double { low.isFinite && high.isFinite ? abs(high - low) : .nan }
    }

    /// Every movable parameter moved across the span, the one that moves the result most first.
    public struct Tornado: Hashable, Sendable {
        public let calculator: String
        public let result: ResultValue
        public let span: Span
        /// Ordered by swing, largest first; parameters whose result is not a number last.
        public let bars: [Bar]
        /// Parameters not moved, and why (choices, seeds, hidden at these values).
        public let skipped: [Skipped]
        /// Model runs it took.
        public let evaluations: Int

        public var unit: Unit { result.quantity.unit }
    }

    /// The tornado of one numeric result at the given inputs.
    public static func tornado(_ calculator: any Calculator, _ inputs: Inputs, result key: String,
                               span: Span = .standard) throws(SensitivityError) -> Tornado {
        let base = try numericResult(calculator, inputs, key)
        let (moved, skippedUpFront) = movable(calculator, inputs)
        var skipped = skippedUpFront
        var bars: [Bar] = []
        var evaluations = 1
        for p in moved {
            let value = inputs[p.key]
            let (lowInput, highInput, move) = span.bounds(for: p, at: value)
            if lowInput == value, highInput == value {
                skipped.append(Skipped(key: p.key, reason: "cannot move within its range"))
                continue
            }
            func result(at x: Double) -> Double {
                if x == value { return base.quantity.value }
                evaluations += 1
                return calculator.evaluate(with(inputs, p.key, x)).value(key) ?? .nan
            }
            bars.append(Bar(parameter: p, value: value, lowInput: lowInput, highInput: highInput,
                            low: result(at: lowInput), high: result(at: highInput), move: move))
        }
        let order = Dictionary(uniqueKeysWithValues: calculator.parameters.enumerated().map { ($1.key, $0) })
        bars.sort { a, b in
            switch (a.swing.isNaN, b.swing.isNaN) {
            case (false, true): return true
            case (true, false): return false
            case (false, false) where a.swing != b.swing: return a.swing > b.swing
            default: return order[a.parameter.key, default: 0] < order[b.parameter.key, default: 0]
            }
        }
        return Tornado(calculator: calculator.name, result: base, span: span, bars: bars, skipped: skipped,
                       evaluations: evaluations)
    }
}
