import Foundation

/// How well calibrated the guesses are, per quantity kind, over time.
///
/// For magnitudes the error of one attempt is log10(guess / truth): the
/// median is the bias ("you underestimate money by 3×") and the spread is
/// half the interquartile range, as a factor (±2× means the middle half of
/// the guesses lie within a factor of 2 either side of the bias). For
/// percentages the error is guess − truth in percentage points, read the
/// same way. Attempts with no error (revealed without a guess, a zero) are
/// counted, not averaged.
public struct Calibration: Equatable, Sendable {
    public struct Kind: Equatable, Sendable {
        public let kind: QuantityKind
        /// Attempts with an error value.
        public let measured: Int
        /// Attempts without one (revealed, zero, opposite sign).
        public let unmeasured: Int
        /// Median error: log10 ratio, or percentage points for percentages.
        public let bias: Double
        /// Half the interquartile range of the errors, same scale.
        public let spread: Double
        public let trend: [Point]
        /// Items whose median error lies furthest in the direction of the bias, at most three.
        public let pulling: [Item]

        /// "you underestimate money by 3.1×", "you overestimate percentages by 12 points",
        /// "no clear bias on times (within 1.3×)".
        public var sentence: String { Calibration.sentence(kind, bias) }

        /// "±2.4×" or "±8 points"; one attempt has no spread to speak of.
        public var spreadText: String {
            measured < 2 ? "none yet (1 attempt)" : Calibration.magnitude(kind, spread, plusMinus: true)
        }
    }

    /// One session's median error for a kind.
    public struct Point: Equatable, Sendable {
        public let sessionID: String
        /// The session's first attempt, Unix seconds.
        public let date: Double
        public let attempts: Int
        public let bias: Double
    }

    public struct Item: Equatable, Sendable {
        public let id: String
        public let attempts: Int
        public let bias: Double
    }

    public let kinds: [Kind]

    /// Below this a median is "no clear bias": a factor of 1.25, or 3 points.
    static let neutralLog = log10(1.25)
    static let neutralPoints = 3.0

    public init(_ attempts: [AttemptRecord]) {
        kinds = QuantityKind.allCases.compactMap { kind in
            let own = attempts.filter { $0.kind == kind }.sorted { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }
            let measured = own.compactMap { a in Self.error(a).map { (a, $0) } }
            guard let bias = Self.median(measured.map(\.1)) else { return nil }
            let spread = Self.halfIQR(measured.map(\.1))
            var order: [String] = []
            var bySession: [String: [(AttemptRecord, Double)]] = [:]
            for m in measured {
                if bySession[m.0.sessionID] == nil { order.append(m.0.sessionID) }
                bySession[m.0.sessionID, default: []].append(m)
            }
            let trend = order.map { id in
                let list = bySession[id]!
                return Point(sessionID: id, date: list[0].0.date, attempts: list.count,
                             bias: Self.median(list.map(\.1)) ?? 0)
            }
            var order2: [String] = []
            var byItem: [String: [Double]] = [:]
            for m in measured {
                if byItem[m.0.itemID] == nil { order2.append(m.0.itemID) }
                byItem[m.0.itemID, default: []].append(m.1)
            }
            let neutral = kind == .percent ? Self.neutralPoints : Self.neutralLog
            let sign: Double = bias < 0 ? -1 : 1
            let pulling = order2.map { Item(id: $0, attempts: byItem[$0]!.count, bias: Self.median(byItem[$0]!) ?? 0) }
                .filter { $0.bias * sign > neutral }
                .enumerated().sorted { ($0.element.bias * sign, -$0.offset) > ($1.element.bias * sign, -$1.offset) }
                .prefix(3).map(\.element)
            return Kind(kind: kind, measured: measured.count, unmeasured: own.count - measured.count, bias: bias,
                        spread: spread, trend: trend, pulling: Array(pulling))
        }
    }

    /// The error of one attempt on its kind's scale, or nil.
    static func error(_ a: AttemptRecord) -> Double? {
        guard let guess = a.guess, guess.isFinite, a.truth.isFinite else { return nil }
        if a.kind == .percent { return (guess - a.truth) * 100 }
        guard guess != 0, a.truth != 0, (guess < 0) == (a.truth < 0) else { return nil }
        return log10(abs(guess) / abs(a.truth))
    }

    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Half the distance between the first and third quartiles (linear interpolation).
    static func halfIQR(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let s = values.sorted()
        func quantile(_ q: Double) -> Double {
            let position = q * Double(s.count - 1)
            let low = Int(position.rounded(.down)), high = min(low + 1, s.count - 1)
            return s[low] + (s[high] - s[low]) * (position - Double(low))
        }
        return (quantile(0.75) - quantile(0.25)) / 2
    }

    static func sentence(_ kind: QuantityKind, _ bias: Double) -> String {
        let neutral = kind == .percent ? neutralPoints : neutralLog
        if abs(bias) < neutral {
            return "no clear bias on \(kind.noun) (within \(kind == .percent ? "3 points" : "1.25×"))"
        }
        return "you \(bias < 0 ? "underestimate" : "overestimate") \(kind.noun) by "
            + magnitude(kind, bias)
    }

    /// An error as people read it: "3.1×" (from a log10 ratio) or "12 points".
    /// A factor close to one keeps two decimals ("1.04×"), so a small spread
    /// does not read as "±1×", which would say there is none.
    static func magnitude(_ kind: QuantityKind, _ value: Double, plusMinus: Bool = false) -> String {
        let prefix = plusMinus ? "±" : ""
        if kind == .percent { return prefix + EstimateGrade.number(abs(value)) + " points" }
        let factor = pow(10, abs(value))
        if factor < 1.095 {
            let text = String(format: "%.2f", factor)
            return prefix + (text == "1.00" ? "1" : text) + "×"
        }
        return prefix + EstimateGrade.factor(factor)
    }

    /// An error with its direction, as the sentence reads it: "3.1× low",
    /// "12 points high", and inside the no-bias band "within 1.25×" (a
    /// median of 1.04× is not "high", the same call the sentence makes).
    public static func reading(_ kind: QuantityKind, _ value: Double) -> String {
        let neutral = kind == .percent ? neutralPoints : neutralLog
        if abs(value) < neutral { return "within " + (kind == .percent ? "3 points" : "1.25×") }
        return magnitude(kind, value) + (value < 0 ? " low" : " high")
    }
}
