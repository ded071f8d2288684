/// One input of a calculator, described as data so that the UI, the command
/// line, lessons and (later) a shared scenario can all set it by its key.
public struct Parameter: Hashable, Sendable {
    public enum Scale: String, Sendable { case linear, logarithmic }

    public let key: String
    public let label: String
    public let unit: Unit
    public let defaultValue: Double
    public let range: ClosedRange<Double>
    /// Linear: the amount one step adds. Logarithmic: ignored (steps walk 1-2-5).
    public let step: Double
    public let scale: Scale
    /// Whole numbers only (counts, replicas, scores).
    public let integral: Bool
    /// For a choice: the labels, and the value is the index.
    public let choices: [String]
    /// For a scale of fixed values (WSJF's 1, 2, 3, 5, 8, 13, 20; RICE impact's 0.25 … 3):
    /// the values in increasing order. The value is one of them, never between; steps walk the list.
    public let levels: [Double]
    /// Names beside the levels, one each ("massive" for RICE impact 3), or empty.
    public let levelNames: [String]
    /// One line on what the parameter means and where its default comes from.
    public let help: String

    public init(_ key: String, _ label: String, unit: Unit = .count, default defaultValue: Double,
                range: ClosedRange<Double>, step: Double = 1, scale: Scale = .linear,
                integral: Bool = false, choices: [String] = [], levels: [Double] = [], levelNames: [String] = [],
                help: String = "") {
        self.key = key
        self.label = label
        self.unit = unit
        self.defaultValue = defaultValue
        self.range = range
        self.step = step
        self.scale = scale
        self.integral = integral || !choices.isEmpty
        self.choices = choices
        self.levels = levels.sorted()
        self.levelNames = levelNames.count == levels.count ? levelNames : []
        self.help = help
    }

    /// A parameter whose value is one of `values` (in any order; kept increasing), named by
    /// `names` when given: a published scale, entered, stepped and checked as that list.
    public static func levels(_ key: String, _ label: String, unit: Unit = .count, _ values: [Double],
                              names: [String] = [], default value: Double, help: String = "") -> Parameter {
        let order = values.indices.sorted { values[$0] < values[$1] }
        let sortedNames = names.count == values.count ? order.map { names[$0] } : []
        return Parameter(key, label, unit: unit, default: value,
                         range: (values.min() ?? 0)...(values.max() ?? 0),
                         levels: order.map { values[$0] }, levelNames: sortedNames, help: help)
    }

    /// Whether the value is one of a fixed list.
    public var isLevels: Bool { !levels.isEmpty }

    /// The level nearest `value` (ties go down), and its place in the list.
    public func nearestLevel(_ value: Double) -> (index: Int, value: Double) {
        var best = 0
        for (i, level) in levels.enumerated() where abs(level - value) < abs(levels[best] - value) { best = i }
        return (best, levels.isEmpty ? value : levels[best])
    }

    /// The place of `value` in the list, if it is one of the levels.
    func levelIndex(_ value: Double) -> Int? {
        levels.firstIndex { abs($0 - value) <= 1e-9 * max(1, abs($0)) }
    }

    /// A choice parameter (AP / CP / quorum).
    public static func choice(_ key: String, _ label: String, _ choices: [String], default index: Int = 0,
                              help: String = "") -> Parameter {
        Parameter(key, label, default: Double(index), range: 0...Double(max(0, choices.count - 1)),
                  choices: choices, help: help)
    }

    /// A choice parameter whose options are the cases of `C`, named by their raw values.
    public static func choice<C: Choice>(_ key: String, _ label: String, _ type: C.Type, default value: C,
                                         help: String = "") -> Parameter {
        .choice(key, label, C.names, default: Array(C.allCases).firstIndex(of: value) ?? 0, help: help)
    }

    /// The value a fraction `u` (0…1) of the way across the range, spaced as the parameter's
    /// steps are: evenly on a linear scale, by ratio on a logarithmic one. Samplers (property
    /// tests, sensitivity spans) draw from here so that a log range is not all top decade.
    public func value(atFraction u: Double) -> Double {
        if isLevels { return levels[Int((min(max(u, 0), 1) * Double(levels.count - 1)).rounded())] }
        let lo = range.lowerBound, hi = range.upperBound
        return scale == .logarithmic && lo > 0 ? lo * power(hi / lo, u) : lo + (hi - lo) * u
    }

    /// Checks a value against the range. Whole-number parameters round first.
    public func validate(_ value: Double) throws(ParameterError) -> Double {
        guard value.isFinite else { throw .notANumber(key: key, text: String(value), allowed: rangeDescription) }
        if isLevels {
            guard let i = levelIndex(value) else {
                throw .notAChoice(key: key, text: Format.significant(value, digits: 6), allowed: rangeDescription)
            }
            return levels[i]
        }
        let v = integral ? value.rounded() : value
        guard range.contains(v) else { throw .outOfRange(key: key, value: value, allowed: rangeDescription) }
        return v
    }

    /// Parses what a person types ("1M", "10k", "1e6", "1,000,000", "20%", "CP") and validates it.
    public func parse(_ text: String) throws(ParameterError) -> Double {
        let trimmed = text.trimmingSpaces
        if !choices.isEmpty {
            if let i = choices.firstIndex(where: { $0.lowercased() == trimmed.lowercased() }) { return Double(i) }
        }
        if !choices.isEmpty, Double(trimmed) == nil {
            throw .notAChoice(key: key, text: text, allowed: rangeDescription)
        }
        // A level by its name ("high" for RICE impact 2) or by its value.
        if let i = levelNames.firstIndex(where: { $0.lowercased() == trimmed.lowercased() }) { return levels[i] }
        if isLevels, NumberParser.parse(trimmed.hasSuffix("%") && unit == .percent ? String(trimmed.dropLast()) : trimmed) == nil {
            throw .notAChoice(key: key, text: text, allowed: rangeDescription)
        }
        // "20%" only means something for a percentage parameter; elsewhere it is a unit mismatch.
        var plain = trimmed
        if plain.hasSuffix("%") {
            guard unit == .percent else { throw .notANumber(key: key, text: text, allowed: rangeDescription) }
            plain.removeLast()
        }
        // On a time, letters are time units: "1m" is a minute, never a million.
        if unit.dimension == .time { return try parseTime(trimmed, text: text) }
        if let v = NumberParser.parse(plain) { return try validate(v) }
        // A number with a unit of the same kind: "3PB" for a TB parameter, "5 min" for seconds,
        // "100 TB/day" for TB/month (×30.4). A bare volume typed into a data rate is per the
        // parameter's own period: "3PB" in a TB/month field is 3 PB a month.
        if var q = NumberParser.parseWithUnit(trimmed) {
            if unit.dimension == .dataRate, q.unit.dimension == .data, let volume = unit.dataPart {
                q = Quantity(volume.fromBase(q.baseValue), unit)
            }
            guard q.unit.dimension == unit.dimension, let converted = try? q.converted(to: unit) else {
                throw .wrongUnit(key: key, text: text, reason: "is \(q.unit.dimension.article), \(label) is \(unit.dimension.article)",
                                 allowed: rangeDescription)
            }
            guard range.contains(converted.value) else {
                throw .outOfRange(key: key, value: converted.value, allowed: rangeDescription, shown: Format.quantity(q))
            }
            return try validate(converted.value)
        }
        throw .notANumber(key: key, text: text, allowed: rangeDescription)
    }

    /// Time spellings a person types, to the unit they mean. `M` is not here: it
    /// means mega on a count, and on a time it is refused rather than guessed.
    public static let timeSpellings: [(String, Unit)] = [
        ("ns", .nanoseconds), ("us", .microseconds), ("µs", .microseconds), ("ms", .milliseconds),
        ("s", .seconds), ("sec", .seconds), ("secs", .seconds), ("second", .seconds), ("seconds", .seconds),
        ("m", .minutes), ("min", .minutes), ("mins", .minutes), ("minute", .minutes), ("minutes", .minutes),
        ("h", .hours), ("hr", .hours), ("hrs", .hours), ("hour", .hours), ("hours", .hours),
        ("d", .days), ("day", .days), ("days", .days),
    ]

    static let acceptedTimeUnits = "accepted units: ns, us, ms, s, min (or m), h, day"

    /// A time: a number, then an optional time unit; a bare number is in the parameter's unit.
    func parseTime(_ trimmed: String, text: String) throws(ParameterError) -> Double {
        // The trailing letters are the unit; what is before them must be a plain number ("1,500", "2.5e3").
        var number = Substring(trimmed), symbol = ""
        while let last = number.last, last.isLetter { symbol = String(last) + symbol; number.removeLast() }
        while number.last == " " { number.removeLast() }
        guard let end = number.last, end.isNumber || end == ".", let v = NumberParser.parse(String(number)) else {
            throw .wrongUnit(key: key, text: text, reason: "is not a time", allowed: rangeDescription + "; " + Self.acceptedTimeUnits)
        }
        if symbol.isEmpty { return try validate(v) }
        if symbol == "M" {
            throw .wrongUnit(key: key, text: text, reason: "is ambiguous: M means mega only on counts (say 1min or 1ms)",
                             allowed: Self.acceptedTimeUnits)
        }
        guard let (_, spelled) = Self.timeSpellings.first(where: { $0.0 == symbol.lowercased() || $0.0 == symbol }) else {
            let reason = ["k", "b", "g", "t"].contains(symbol.lowercased()) ? "is a count, \(label) is a time" : "has no time unit \"\(symbol)\""
            throw .wrongUnit(key: key, text: text, reason: reason, allowed: rangeDescription + "; " + Self.acceptedTimeUnits)
        }
        let value = v * spelled.toBase / unit.toBase
        guard range.contains(value) else {
            throw .outOfRange(key: key, value: value, allowed: rangeDescription, shown: Format.quantity(Quantity(v, spelled)))
        }
        return try validate(value)
    }

    /// One step up (`by: 1`) or down (`by: -1`); `large` is the ×10 step. Clamped to the range.
    public func stepped(_ value: Double, by direction: Int, large: Bool = false) -> Double {
        guard direction != 0 else { return value }
        let up = direction > 0
        if isLevels {
            // The next level along the list; the large step jumps three.
            let here = nearestLevel(value).index
            let moved = here + (up ? 1 : -1) * (large ? 3 : 1) * abs(direction)
            return levels[min(max(moved, 0), levels.count - 1)]
        }
        var next: Double
        switch scale {
        case .logarithmic where value > 0:
            if large {
                next = up ? value * 10 : value / 10
            } else {
                next = up ? Self.nextOneTwoFive(above: value) : Self.nextOneTwoFive(below: value)
            }
        default:
            let amount = (large ? 10 : 1) * step * Double(abs(direction))
            next = up ? value + amount : value - amount
            // Snap to the step grid so 0.1 steps do not drift.
            if step > 0, !integral { next = (next / step).rounded() * step }
        }
        if integral { next = next.rounded() }
        if integral, next == value { next = up ? value + 1 : value - 1 }
        return min(max(next, range.lowerBound), range.upperBound)
    }

    /// "1 … 1,000,000,000 followers" — what error messages and the UI show.
    public var rangeDescription: String { rangeDescription(through: " … ") }

    /// The range with `through` between its ends (the trainer's ASCII mode writes " .. ").
    public func rangeDescription(through: String) -> String {
        if !choices.isEmpty { return choices.joined(separator: ", ") }
        if isLevels {
            return levels.enumerated().map { i, v in
                Format.quantity(Quantity(v, unit)) + (levelNames.isEmpty ? "" : " (\(levelNames[i]))")
            }.joined(separator: ", ")
        }
        switch unit.dimension {
        case .count, .rate:
            // "1 … 1B followers": the unit once, big bounds short.
            let text = Format.compact(range.lowerBound) + through + Format.compact(range.upperBound)
            return unit.symbol.isEmpty ? text : text + " " + unit.symbol
        default:
            return Format.quantity(Quantity(range.lowerBound, unit)) + through + Format.quantity(Quantity(range.upperBound, unit))
        }
    }

    /// The value as shown beside the label.
    public func display(_ value: Double) -> String {
        if !choices.isEmpty {
            let i = Int(value.rounded())
            return choices.indices.contains(i) ? choices[i] : "?"
        }
        if !levelNames.isEmpty, let i = levelIndex(value) {
            return Format.quantity(Quantity(value, unit)) + " (" + levelNames[i] + ")"
        }
        return Format.quantity(Quantity(value, unit))
    }

    static func nextOneTwoFive(above v: Double) -> Double {
        var decade = Format.pow10(Int(decimalLog(v).rounded(.down)))
        while true {
            for m in [1.0, 2.0, 5.0, 10.0] where decade * m > v * (1 + 1e-9) { return decade * m }
            decade *= 10
        }
    }

    static func nextOneTwoFive(below v: Double) -> Double {
        var decade = Format.pow10(Int(decimalLog(v).rounded(.down)))
        while true {
            for m in [5.0, 2.0, 1.0] where decade * m < v * (1 - 1e-9) { return decade * m }
            decade /= 10
        }
    }
}

/// The options of a choice parameter as a Swift enum. The raw values are the
/// names lessons and `--set` write (`mode: AP`, `--set mode=quorum`); the
/// stored value is the case's position, which models never read as a number.
public protocol Choice: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {}

extension Choice {
    /// The names, in order: what `Parameter.choices` lists.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The case at a stored position; the first case for one out of range.
    static func at(_ value: Double) -> Self {
        let cases = Array(allCases)
        let i = Int(value.rounded())
        return cases.indices.contains(i) ? cases[i] : cases[0]
    }
}

/// Why a value was refused. The description names the allowed range.
public enum ParameterError: Error, Equatable, CustomStringConvertible {
    case unknownKey(String, calculator: String, known: [String])
    case notANumber(key: String, text: String, allowed: String)
    case notAChoice(key: String, text: String, allowed: String)
    case outOfRange(key: String, value: Double, allowed: String, shown: String? = nil)
    /// A value of another kind ("3PB" for a count) or an ambiguous unit ("1M" for a time).
    case wrongUnit(key: String, text: String, reason: String, allowed: String)
    case malformedAssignment(String)

    public var description: String {
        switch self {
        case let .unknownKey(key, calculator, known):
            return "\(calculator) has no parameter \"\(key)\" (parameters: \(known.joined(separator: ", ")))"
        case let .notANumber(key, text, allowed):
            return "\(key): \"\(text)\" is not a number (allowed: \(allowed))"
        case let .notAChoice(key, text, allowed):
            return "\(key): \"\(text)\" is not one of \(allowed)"
        case let .outOfRange(key, value, allowed, shown):
            return "\(key): \(shown ?? (abs(value) < 1e12 ? Format.count(value) : String(value))) is out of range (allowed: \(allowed))"
        case let .wrongUnit(key, text, reason, allowed):
            return "\(key): \"\(text)\" \(reason) (\(allowed.hasPrefix("accepted") ? "" : "allowed: ")\(allowed))"
        case let .malformedAssignment(text):
            return "\"\(text)\" is not key=value"
        }
    }
}

/// Reads numbers as people write them: separators, SI suffixes, percent signs.
public enum NumberParser {
    /// "3PB", "5 min", "600 GB", "250ms": a number followed by a known unit symbol.
    public static func parseWithUnit(_ text: String) -> Quantity? {
        let t = text.trimmingSpaces
        guard let split = t.firstIndex(where: { $0.isLetter || $0 == "$" || $0 == "/" }) else { return nil }
        let number = String(t[..<split]), symbol = String(t[split...]).trimmingSpaces
        guard let v = parse(number), let unit = try? Unit.named(symbol) else { return nil }
        return Quantity(v, unit)
    }

    public static func parse(_ text: String) -> Double? {
        var s = text.trimmingSpaces.lowercased()
        // A comma only groups thousands: "3,5" is refused rather than read as 35.
        let groups = (s.split(separator: ".", maxSplits: 1).first ?? "").split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) { return nil }
        // Hex, "inf" and "nan" are not what a person means by a value.
        if s.contains("x") || s.contains("inf") || s.contains("nan") { return nil }
        s.removeAll { $0 == "," || $0 == "_" || $0 == " " || $0 == "$" }
        var factor = 1.0
        let suffixes: [(String, Double)] = [("k", 1e3), ("m", 1e6), ("b", 1e9), ("g", 1e9), ("t", 1e12)]
        if let (suffix, f) = suffixes.first(where: { s.hasSuffix($0.0) }), s.count > 1 {
            // "1e6" ends in a digit; only strip a trailing letter.
            s.removeLast(suffix.count)
            factor = f
        }
        guard !s.isEmpty, let v = Double(s), v.isFinite else { return nil }
        return v * factor
    }
}
