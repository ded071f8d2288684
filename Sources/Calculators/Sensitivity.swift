/// Which input moves a result most (a tornado), what value of one input reaches
/// a target (solve), and where a calculator's decision flips (break-even).
///
/// Everything here runs the model itself, at the user's values with one input
/// moved: no formula is derived by hand, so nothing drifts when a model changes.
/// Choice parameters and random seeds are never moved (a seed changes which
/// sample a simulation draws, not the system it describes).
public enum Sensitivity {
    /// How far each parameter moves in a tornado.
    public struct Span: Hashable, Sendable {
        /// 0.2 moves each parameter to ×0.8 and ×1.2 of its value, clamped to its range
        /// (a percentage at 100 % moves down only).
        public let fraction: Double

        public init(_ fraction: Double = 0.2) { self.fraction = fraction }

        public static let standard = Span()

        /// Reads "20%" or "20": a span is always given in percent.
        public static func parse(_ text: String) throws(SensitivityError) -> Span {
            var t = text.trimmingSpaces
            if t.hasSuffix("%") { t.removeLast() }
            guard let v = NumberParser.parse(t), v > 0, v < 100 else { throw .badSpan(text) }
            return Span(v / 100)
        }

        /// "±20 %".
        public var description: String { "±" + Format.significant(fraction * 100) + " %" }

        /// The low and high values of `parameter` around `value`, clamped to its range.
        public func bounds(for parameter: Parameter, at value: Double) -> (low: Double, high: Double, move: Move) {
            let r = parameter.range
            if parameter.isLevels {
                // A scale of fixed values moves to the levels either side.
                return (parameter.stepped(value, by: -1), parameter.stepped(value, by: 1), .step)
            }
            func clamp(_ v: Double) -> Double {
                let x = parameter.integral ? v.rounded() : v
                return min(max(x, r.lowerBound), r.upperBound)
            }
            var low: Double, high: Double, move: Move
            if value != 0 {
                (low, high, move) = (clamp(value * (1 - fraction)), clamp(value * (1 + fraction)), .relative)
                if value < 0 { swap(&low, &high) }
            } else {
                (low, high, move) = (clamp(value - parameter.step), clamp(value + parameter.step), .step)
            }
            // A whole number the span rounds back to itself moves by one instead.
            if parameter.integral, low == value, high == value {
                (low, high, move) = (clamp(value - 1), clamp(value + 1), .step)
            }
            return (low, high, move)
        }
    }

    /// How a tornado moved a parameter.
    public enum Move: String, Hashable, Sendable {
        /// By the span's fraction of its value.
        case relative
        /// By one step (its value is zero, or a whole number the span cannot move).
        case step
    }

    /// Why a parameter is not moved. Nil when it is.
    public static func skipReason(_ parameter: Parameter) -> String? {
        if !parameter.choices.isEmpty { return "a choice" }
        if isSeed(parameter) { return "a random seed" }
        if parameter.range.lowerBound == parameter.range.upperBound { return "fixed" }
        return nil
    }

    static func isSeed(_ p: Parameter) -> Bool { p.key == "seed" || p.key.hasSuffix("_seed") }

    /// Parameters the calculator shows at these values and that can be moved.
    static func movable(_ calculator: any Calculator, _ inputs: Inputs) -> (moved: [Parameter], skipped: [Skipped]) {
        var moved: [Parameter] = [], skipped: [Skipped] = []
        let visible = Set(calculator.visibleParameters(inputs).map(\.key))
        for p in calculator.parameters {
            if !visible.contains(p.key) { skipped.append(Skipped(key: p.key, reason: "not used at these values")); continue }
            if let reason = skipReason(p) { skipped.append(Skipped(key: p.key, reason: reason)); continue }
            moved.append(p)
        }
        return (moved, skipped)
    }

    public struct Skipped: Hashable, Sendable {
        public let key: String
        public let reason: String
    }

    /// A numeric result's value, or why it cannot be used.
    static func numericResult(_ calculator: any Calculator, _ inputs: Inputs, _ key: String) throws(SensitivityError) -> ResultValue {
        let output = calculator.evaluate(inputs)
        guard let result = output[key] else {
            throw .unknownResult(key, calculator: calculator.name, known: output.results.map(\.key))
        }
        guard result.isDefined else { throw .undefinedHere(result: key, reason: result.undefined ?? "") }
        guard !isDecision(result) else { throw .notNumeric(result: key) }
        return result
    }

    /// Whether a result is a categorical answer (a strategy, an option) rather than a quantity.
    public static func isDecision(_ result: ResultValue) -> Bool { result.kind == .choice }

    static func parameter(_ calculator: any Calculator, _ key: String) throws(SensitivityError) -> Parameter {
        guard let p = calculator.parameter(key) else {
            throw .unknownParameter(key, calculator: calculator.name, known: calculator.parameters.map(\.key))
        }
        return p
    }

    static func with(_ inputs: Inputs, _ key: String, _ value: Double) -> Inputs {
        var moved = inputs
        moved.setClamped(key, value)
        return moved
    }

    /// Points across a parameter's whole range: log-spaced for logarithmic parameters
    /// (with the lower bound itself first when it is zero), evenly spaced otherwise.
    static func grid(_ p: Parameter, intervals: Int) -> [Double] {
        if p.isLevels { return p.levels }
        let lo = p.range.lowerBound, hi = p.range.upperBound
        var points: [Double]
        if p.scale == .logarithmic, hi > 0 {
            let floor = lo > 0 ? lo : logFloor(p)
            points = (0...intervals).map { floor * power(hi / floor, Double($0) / Double(intervals)) }
            if lo < floor { points.insert(lo, at: 0) }
        } else {
            points = (0...intervals).map { lo + (hi - lo) * Double($0) / Double(intervals) }
        }
        if p.integral { points = points.map { $0.rounded() } }
        var unique: [Double] = []
        for x in points where unique.last != x { unique.append(min(max(x, lo), hi)) }
        return unique
    }

    /// Where log spacing starts for a logarithmic parameter whose range starts at zero.
    static func logFloor(_ p: Parameter) -> Double {
        let hi = p.range.upperBound
        return p.integral ? min(1, hi) : min(hi * 1e-9, 1e-3)
    }

    /// The midpoint of [a, b] in the parameter's own scale.
    static func midpoint(_ p: Parameter, _ a: Double, _ b: Double) -> Double {
        if p.isLevels { return p.levels[(p.nearestLevel(a).index + p.nearestLevel(b).index) / 2] }
        if p.integral { return ((a + b) / 2).rounded(.down) }
        if p.scale == .logarithmic, a > 0, b > 0 { return (a * b).squareRoot() }
        return (a + b) / 2
    }

    /// Whether a bracket is as narrow as it usefully gets.
    static func converged(_ p: Parameter, _ a: Double, _ b: Double) -> Bool {
        if p.isLevels { return p.nearestLevel(b).index - p.nearestLevel(a).index <= 1 }
        if p.integral { return b - a <= 1 }
        let width = p.range.upperBound - p.range.lowerBound
        if p.scale == .logarithmic, a > 0 { return b / a - 1 <= 1e-9 }
        return b - a <= max(width, 1e-300) * 1e-15 || b - a <= max(abs(a), abs(b)) * 1e-12
    }

    /// Distance between two values of a parameter in its own scale (for "nearest to the current value").
    static func distance(_ p: Parameter, _ a: Double, _ b: Double) -> Double {
        if p.scale == .logarithmic, a > 0, b > 0 { return abs(ln(a / b)) }
        let width = p.range.upperBound - p.range.lowerBound
        return abs(a - b) / (width > 0 ? width : 1) * 20
    }
}

/// What went wrong in a sensitivity, solve or break-even request. The description
/// names what is known or allowed.
public enum SensitivityError: Error, Equatable, CustomStringConvertible {
    case unknownResult(String, calculator: String, known: [String])
    case unknownParameter(String, calculator: String, known: [String])
    case unknownDecision(String, calculator: String, known: [String])
    case notNumeric(result: String)
    /// The result has no value at the starting inputs (a ratio of nothing to nothing).
    case undefinedHere(result: String, reason: String)
    case notMovable(parameter: String, reason: String)
    case badSpan(String)
    case badTarget(result: String, text: String, unit: String)
    case noSolution(result: String, target: String, parameter: String, searched: String, reached: String)
    case unknownCalculator(String)

    public var description: String {
        switch self {
        case let .unknownResult(key, calculator, known):
            return "\(calculator) has no result \"\(key)\" (results: \(known.joined(separator: ", ")))"
        case let .unknownParameter(key, calculator, known):
            return "\(calculator) has no parameter \"\(key)\" (parameters: \(known.joined(separator: ", ")))"
        case let .unknownDecision(key, calculator, known):
            return known.isEmpty ? "\(calculator) makes no decision here, so \"\(key)\" cannot flip"
                : "\(calculator) makes no decision \"\(key)\" (decisions: \(known.joined(separator: ", ")))"
        case let .notNumeric(key):
            return "\(key) is a decision, not a number: see --break-even for where it flips"
        case let .undefinedHere(key, reason):
            return "\(key) has no value at these inputs (\(reason)): start from values where it has one"
        case let .notMovable(key, reason):
            return "\(key) is \(reason): it cannot be moved or solved for"
        case let .badSpan(text):
            return "span \"\(text)\" is not a percentage between 0 and 100 (for example 20%)"
        case let .badTarget(key, text, unit):
            return "\(key): target \"\(text)\" is not a number in \(unit.isEmpty ? "its unit" : unit)"
        case let .noSolution(result, target, parameter, searched, reached):
            return "no \(parameter) in \(searched) gives \(result) = \(target): across that range it stays within \(reached)"
        case let .unknownCalculator(name):
            return "no calculator \"\(name)\" (calculators: \(Registry.names.joined(separator: ", ")))"
        }
    }
}
