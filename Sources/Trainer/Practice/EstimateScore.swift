import Calculators
import Foundation

/// How close a guess came to the calculator's answer, by ratio rather than
/// difference: in an interview, being within 2× is good napkin maths and
/// within an order of magnitude is usable; beyond that the design changes.
public enum EstimateScore: String, Codable, Sendable, CaseIterable {
    case good, fair, off

    /// ratio = max(guess, actual) / min(guess, actual): <= 2 good, <= 10 fair,
    /// else off. A sign mismatch, zero against non-zero, or a non-finite value
    /// is off; both zero is good.
    ///
    /// Kind-blind: for a percentage use `grade(guess:truth:kind:)`, which
    /// compares percentage points or odds (6 % against 54 % is off there,
    /// "fair" here).
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

    /// Scores by what the number measures. `guess` and `truth` are in base
    /// units (a percent as a fraction: 54 % is 0.54). A nil guess is an answer
    /// revealed without guessing: off, by method `.revealed`.
    ///
    /// - magnitudes (rate, count, bytes, money, latency, ratio): by ratio,
    ///   within 2× good, within 10× fair, else off;
    /// - percentages with the truth between 10 % and 90 %: by percentage
    ///   points, within 5 good, within 15 fair, else off;
    /// - percentages near 0 or 100 % (where 0.1 % against 1 % is a 10× miss
    ///   but under one point): by the odds ratio p/(1−p), with the magnitude
    ///   thresholds. Values outside 0…100 % fall back to points.
    public static func grade(guess: Double?, truth: Double, kind: QuantityKind) -> EstimateGrade {
        guard let guess else {
            return EstimateGrade(score: .off, method: .revealed, logRatio: nil, distance: nil)
        }
        guard guess.isFinite, truth.isFinite else {
            return EstimateGrade(score: .off, method: kind == .percent ? .points : .ratio, logRatio: nil, distance: nil)
        }
        guard kind == .percent else { return byRatio(guess, truth) }
        let points = abs(guess - truth) * 100
        let inside = (0...1).contains(guess) && (0...1).contains(truth)
        if inside, truth < 0.1 || truth > 0.9, guess > 0, guess < 1, truth > 0, truth < 1 {
            let odds = { (p: Double) in p / (1 - p) }
            let log = log10(odds(guess) / odds(truth))
            let factor = Foundation.pow(10, abs(log))
            return EstimateGrade(score: factor <= 2 ? .good : factor <= 10 ? .fair : .off,
                                 method: .odds, logRatio: log, distance: factor)
        }
        let log: Double? = guess > 0 && truth > 0 && guess < 1 && truth < 1
            ? log10((guess / (1 - guess)) / (truth / (1 - truth))) : nil
        return EstimateGrade(score: points <= 5 ? .good : points <= 15 ? .fair : .off,
                             method: .points, logRatio: log, distance: points)
    }

    private static func byRatio(_ guess: Double, _ truth: Double) -> EstimateGrade {
        let legacy = score(guess: guess, actual: truth)
        guard guess != 0, truth != 0, (guess < 0) == (truth < 0) else {
            return EstimateGrade(score: legacy, method: .ratio, logRatio: guess == truth ? 0 : nil,
                                 distance: guess == truth ? 1 : nil)
        }
        let log = log10(abs(guess) / abs(truth))
        return EstimateGrade(score: legacy, method: .ratio, logRatio: log, distance: Foundation.pow(10, abs(log)))
    }
}

/// What a number measures, for scoring and calibration: magnitudes are
/// compared by ratio, percentages by points or odds.
public enum QuantityKind: String, Codable, Sendable, CaseIterable {
    case rate, count, bytes, money, latency, percent, ratio

    /// From the unit the calculator gives its answer in.
    public init(_ unit: Calculators.Unit) {
        switch unit.dimension {
        case .rate, .dataRate: self = .rate
        case .count: self = .count
        case .data: self = .bytes
        case .money, .moneyRate, .pricePerData, .pricePerDataMonth, .costPerLatency: self = .money
        case .time: self = .latency
        case .ratio: self = unit == .percent ? .percent : .ratio
        }
    }

    /// For sentences: "you underestimate money by 3×".
    public var noun: String {
        switch self {
        case .rate: return "rates"
        case .count: return "counts"
        case .bytes: return "sizes"
        case .money: return "money"
        case .latency: return "times"
        case .percent: return "percentages"
        case .ratio: return "ratios"
        }
    }
}

/// A score with the method that produced it and how far off the guess was.
public struct EstimateGrade: Equatable, Sendable {
    public var score: EstimateScore
    public var method: Method
    /// log10(guess / truth) for magnitudes; log10 of the odds ratio for
    /// percentages (both strictly between 0 and 100 %); nil when undefined.
    /// Negative means the guess was low.
    public var logRatio: Double?
    /// The factor (ratio, odds ratio: ≥ 1) or the percentage points between
    /// guess and truth; nil when it has no value (no guess, zero against non-zero).
    public var distance: Double?

    public enum Method: String, Codable, Sendable, CaseIterable {
        /// max/min of guess and truth.
        case ratio
        /// |guess − truth| in percentage points.
        case points
        /// max/min of the odds p/(1−p).
        case odds
        /// Answer shown without a guess: a miss.
        case revealed
    }

    /// "1.4× high (ratio)", "4 % low (ratio)", "48 points low (percentage points)",
    /// "odds 3.2× too high (odds ratio)", "revealed without a guess".
    public var summary: String {
        let low = logRatio ?? 0 < 0
        switch method {
        case .revealed: return "revealed without a guess"
        case .ratio:
            guard let distance else { return "\(score.rawValue): no ratio (zero or opposite sign)" }
            if distance < 1.005 { return "exact (ratio)" }
            // Near one a factor would print "1×", which says neither how far nor that it is off.
            if distance < 1.095 {
                let percent = (low ? 1 - 1 / distance : distance - 1) * 100
                return "\(Format.count(percent.rounded())) % " + (low ? "low" : "high") + " (ratio)"
            }
            return "\(Self.factor(distance)) " + (low ? "low" : "high") + " (ratio)"
        case .points:
            guard let distance else { return "\(score.rawValue): not a number" }
            if distance < 0.05 { return "exact (percentage points)" }
            // The direction comes from the odds, which exist strictly between 0 and 100 %.
            let side = logRatio.map { $0 < 0 ? "low" : "high" } ?? "off"
            return "\(Self.number(distance)) points \(side) (percentage points)"
        case .odds:
            guard let distance else { return "\(score.rawValue): not a number" }
            return "odds \(Self.factor(distance)) too " + (low ? "low" : "high") + " (odds ratio)"
        }
    }

    /// "1.4×", "12×".
    static func factor(_ x: Double) -> String { number(x) + "×" }

    /// "12", "2.8", "2" (one decimal below 10, none when it is zero).
    static func number(_ x: Double) -> String {
        if x >= 9.95 { return Format.count(x.rounded()) }
        let text = String(format: "%.1f", x)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// A number typed for a percentage without a % sign, between 0 and 1: did
/// "0.5" mean 0.5 % or 50 %? The trainer asks before scoring.
public struct PercentAmbiguity: Equatable, Sendable {
    /// The value read as percent (0.5 → 0.5 %).
    public var asPercent: Double
    /// The value read as a fraction (0.5 → 50 %).
    public var asFraction: Double

    /// "0.5 % or 50 %?"
    public var question: String {
        "\(Format.count(asPercent)) % or \(Format.count(asFraction)) %?"
    }

    /// Nil unless `typed` is a plain number strictly between 0 and 1 or exactly
    /// 1 (no "%" sign, no unit) and the answer is a percentage. `0` and numbers
    /// above 1 read one way only.
    public static func check(typed: String, unit: Calculators.Unit) -> PercentAmbiguity? {
        guard unit == .percent else { return nil }
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.hasSuffix("%"), let value = NumberParser.parse(text), value > 0, value <= 1 else { return nil }
        return PercentAmbiguity(asPercent: value, asFraction: value * 100)
    }
}
