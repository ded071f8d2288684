/// How close a guess came to the calculator's answer, by ratio rather than
/// difference: in an interview, being within 2× is good napkin maths and
/// within an order of magnitude is usable; beyond that the design changes.
public enum EstimateScore: String, Codable, Sendable, CaseIterable {
    case good, fair, off

    /// ratio = max(guess, actual) / min(guess, actual): <= 2 good, <= 10 fair,
    /// else off. A sign mismatch, zero against non-zero, or a non-finite value
    /// is off; both zero is good.
    public static func score(guess: Double, actual: Double) -> EstimateScore {
        guard guess.isFinite, actual.isFinite else { return .off }
        if guess == 0, actual == 0 { return .good }
        guard guess != 0, actual != 0, (guess < 0) == (actual < 0) else { return .off }
        let a = abs(guess), b = abs(actual)
        let ratio = max(a, b) / min(a, b)
        if ratio <= 2 { return .good }
        if ratio <= 10 { return .fair }
        return .off
    }
}
