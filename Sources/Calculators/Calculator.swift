/// A model the trainer can run: a name, its parameters as data, and a pure
/// function from parameter values to results. No UI, no I/O, no clock.
public protocol Calculator: Sendable {
    /// Stable name used by lessons and `whiteboard calc NAME`.
    var name: String { get }
    var title: String { get }
    /// One sentence: what question the calculator answers.
    var summary: String { get }
    var parameters: [Parameter] { get }
    func evaluate(_ inputs: Inputs) -> Output
    /// Parameters that matter for these values (the debt prioritizer hides unused item slots).
    func visibleParameters(_ inputs: Inputs) -> [Parameter]
    /// Parameters that act only in another mode of the model, with where they act
    /// ("applies in quorum mode"): the pane shows them dimmed rather than not at all.
    func dormantParameters(_ inputs: Inputs) -> (parameters: [Parameter], appliesIn: String)?
    /// Why the model runs these inputs at other values than those set (R above N
    /// is run as R = N), in the sentence its notes give; nil when it runs them as
    /// set. A drill draws again rather than ask about a system that cannot exist.
    func overridden(_ inputs: Inputs) -> String?
}

extension Calculator {
    public func visibleParameters(_ inputs: Inputs) -> [Parameter] { parameters }
    public func dormantParameters(_ inputs: Inputs) -> (parameters: [Parameter], appliesIn: String)? { nil }
    public func overridden(_ inputs: Inputs) -> String? { nil }

    public func parameter(_ key: String) -> Parameter? { parameters.first { $0.key == key } }

    /// Default values for every parameter.
    public var defaults: Inputs { Inputs(calculator: self) }

    /// Inputs from defaults plus `key=value` overrides, validated.
    public func inputs(setting overrides: [String: Double]) throws(ParameterError) -> Inputs {
        var inputs = defaults
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) { try inputs.set(key, value) }
        return inputs
    }
}

/// Parameter values for one calculator. Every declared key has a value (its
/// default until set). Reading a key the calculator does not declare is a bug
/// in the calculator, not bad input: debug builds and tests stop at it (see
/// `ParameterReads`); a release build reads 0 and carries on.
public struct Inputs: Hashable, Sendable {
    public private(set) var values: [String: Double]
    let schema: [String: Parameter]
    public let calculatorName: String

    public init(calculator: some Calculator) {
        schema = Dictionary(calculator.parameters.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        values = schema.mapValues(\.defaultValue)
        calculatorName = calculator.name
    }

    public subscript(key: String) -> Double {
        if let value = values[key] { return value }
        ParameterReads.unknown(UnknownParameterRead(calculator: calculatorName, key: key, known: schema.keys.sorted()))
        return 0
    }

    /// The value with its parameter's unit.
    public func quantity(_ key: String) -> Quantity {
        Quantity(self[key], schema[key]?.unit ?? .count)
    }

    /// The value converted to `unit`. A unit of another kind is a bug in the
    /// model: debug builds stop at it.
    public func value(_ key: String, in unit: Unit) -> Double {
        guard schema[key] != nil else { return self[key] }
        return quantity(key).measured(in: unit)
    }

    /// A duration parameter in seconds, whatever unit it is set in (`flush_ms` 500 → 0.5).
    public func seconds(_ key: String) -> Double { value(key, in: .seconds) }
    /// A data parameter in bytes (`size_pb` 5 → 5e15).
    public func bytes(_ key: String) -> Double { value(key, in: .bytes) }
    /// A rate parameter per second (`posts_per_day` 2.7 → 3.1e-5).
    public func perSecond(_ key: String) -> Double { value(key, in: .perSecond) }
    /// A ratio parameter as a plain fraction (`active_percent` 20 → 0.2).
    public func fraction(_ key: String) -> Double { value(key, in: .ratio) }
    /// A money-rate parameter in dollars per month.
    public func dollarsPerMonth(_ key: String) -> Double { value(key, in: .dollarsPerMonth) }

    /// A choice parameter's value as its case (`p.choice("mode", as: Partition.Mode.self)`).
    public func choice<C: Choice>(_ key: String, as type: C.Type = C.self) -> C { C.at(self[key]) }

    /// Whether the calculator declares `key`.
    public func declares(_ key: String) -> Bool { schema[key] != nil }

    /// Sets a value after validating it against the parameter's range.
    public mutating func set(_ key: String, _ value: Double) throws(ParameterError) {
        guard let parameter = schema[key] else {
            throw .unknownKey(key, calculator: calculatorName, known: schema.keys.sorted())
        }
        values[key] = try parameter.validate(value)
    }

    /// Sets without validation, clamping into range (for stepping keys in the UI).
    public mutating func setClamped(_ key: String, _ value: Double) {
        guard let p = schema[key], value.isFinite else { return }
        if p.isLevels { values[key] = p.nearestLevel(value).value; return }
        let v = p.integral ? value.rounded() : value
        values[key] = min(max(v, p.range.lowerBound), p.range.upperBound)
    }

    public func isDefault(_ key: String) -> Bool { values[key].map { $0 == schema[key]?.defaultValue } ?? false }

    /// Keys whose values differ from their defaults.
    public var changedKeys: [String] { values.keys.filter { !isDefault($0) }.sorted() }

    public mutating func reset(_ key: String) {
        if let p = schema[key] { values[key] = p.defaultValue }
    }
}

/// A read of a parameter key that the calculator does not declare: a typo
/// that would otherwise compute a wrong answer silently.
public struct UnknownParameterRead: Hashable, Sendable, CustomStringConvertible {
    public let calculator: String
    public let key: String
    public let known: [String]

    public var description: String {
        "\(calculator) reads parameter \"\(key)\", which it does not declare (parameters: \(known.joined(separator: ", ")))"
    }
}

/// What happens when a calculator reads a key it does not declare. By
/// default a debug build stops with an assertion naming the calculator and
/// the key; a test can collect the reads instead, to fail with a list.
public enum ParameterReads {
    /// Set for the duration of a task (`ParameterReads.$report.withValue(…)`) to collect unknown reads.
    @TaskLocal public static var report: (@Sendable (UnknownParameterRead) -> Void)?

    static func unknown(_ read: UnknownParameterRead) {
        if let report { report(read) } else { assertionFailure(read.description) }
    }
}

/// One named result with a unit (or a text, for categorical answers).
public struct ResultValue: Hashable, Sendable {
    /// What a result is, as the calculator declares it: views, claims and
    /// analyses read this, never the shape of the key.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A number with a unit (writes, seconds, $ per month).
        case quantity
        /// A place in an order, 1 first: read as "1st", never as a ratio.
        case rank
        /// A categorical answer ("hybrid"): `text` holds it, the quantity its index among the options.
        case choice
    }

    public let key: String
    public let label: String
    public let kind: Kind
    /// The value in its unit. For an undefined result the unit is the one it would be
    /// shown in and the value is 0: read `isDefined` (or `Output.value`, which is nil) first.
    public let quantity: Quantity
    /// What to show instead of the number: a choice's answer ("hybrid"), or a
    /// quantity's words for an edge ("already full").
    public let text: String?
    /// Set when the result has no value at these inputs, saying why
    /// ("no tier is faster than no cache"). Never a NaN standing in for it.
    public let undefined: String?
    /// For a mean over repeated random runs: the standard deviation across them, in the
    /// result's unit ("725 ± 31 writes"); nil for a result that is not a mean of draws.
    public let spread: Double?
    /// How many runs the mean and its spread come from (0 when there is no spread).
    public let draws: Int

    /// A quantity; `text`, when given, is shown instead of the number.
    public init(_ key: String, _ label: String, _ value: Double, _ unit: Unit, text: String? = nil) {
        self.init(key, label, .quantity, Quantity(value, unit), text: text, undefined: nil)
    }

    private init(_ key: String, _ label: String, _ kind: Kind, _ quantity: Quantity, text: String?, undefined: String?,
                 spread: Double? = nil, draws: Int = 0) {
        self.key = key
        self.label = label
        self.kind = kind
        self.quantity = quantity
        self.text = text
        self.undefined = undefined
        self.spread = spread
        self.draws = draws
    }

    /// The mean of `samples` (one per random run) with their standard deviation (n − 1) as its spread.
    public static func mean(_ key: String, _ label: String, of samples: [Double], _ unit: Unit) -> ResultValue {
        let n = Double(samples.count)
        let mean = samples.isEmpty ? 0 : samples.reduce(0, +) / n
        let variance = samples.count > 1 ? samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        return ResultValue(key, label, .quantity, Quantity(mean, unit), text: nil, undefined: nil,
                           spread: variance.squareRoot(), draws: samples.count)
    }

    /// A categorical answer: `text` is the option chosen, `index` its place among the options
    /// (0 first; −1 when none applies and `text` says so).
    public static func choice(_ key: String, _ label: String, _ text: String, index: Int) -> ResultValue {
        ResultValue(key, label, .choice, Quantity(Double(index), .count), text: text, undefined: nil)
    }

    /// A place in an order (1 for first).
    public static func rank(_ key: String, _ label: String, _ place: Int) -> ResultValue {
        ResultValue(key, label, .rank, Quantity(Double(place), .count), text: nil, undefined: nil)
    }

    /// The same result shown as `text` (the estimate's "?" while it is hidden); its kind is kept.
    public func showing(_ text: String) -> ResultValue {
        ResultValue(key, label, kind, quantity, text: text, undefined: undefined, spread: spread, draws: draws)
    }

    /// A result that has no value at these inputs (a ratio of nothing to nothing), with the
    /// reason; `text` is what to show instead of "n/a" ("never").
    public static func undefined(_ key: String, _ label: String, unit: Unit, text: String? = nil,
                                 because reason: String) -> ResultValue {
        ResultValue(key, label, .quantity, Quantity(0, unit), text: text, undefined: reason)
    }

    public var isDefined: Bool { undefined == nil }

    /// A result computed as a quantity, shown in `unit` (converted; a unit of
    /// another kind stops debug builds) or in its own unit.
    public init(_ key: String, _ label: String, _ quantity: Quantity, in unit: Unit? = nil, text: String? = nil) {
        self.init(key, label, .quantity, unit.map { Quantity(quantity.measured(in: $0), $0) } ?? quantity,
                  text: text, undefined: nil)
    }

    /// "n/a" for an undefined result; its reason is in `undefined`. A mean of random runs
    /// reads "725 ± 31 writes".
    public var display: String { display(plusMinus: "±") }

    /// As `display`, with the plus-minus sign the screen can draw ("+/-" in ASCII).
    public func display(plusMinus: String) -> String {
        if let text { return text }
        if undefined != nil { return "n/a" }
        if let spread, spread > 0 { return Format.mean(quantity, spread: spread, plusMinus: plusMinus) }
        return Format.quantity(quantity)
    }
}

/// What a calculator returns: results, the tables they form, a chart or two, and warnings.
public struct Output: Hashable, Sendable {
    public var results: [ResultValue]
    /// Results that read as rows × columns (push/pull/hybrid × writes/time/…), as the calculator groups them.
    public var tables: [ResultTable]
    public var charts: [Chart]
    /// Plain sentences about the inputs ("hot + warm exceed 100 %: cold set to 0").
    public var notes: [String]

    public init(results: [ResultValue] = [], tables: [ResultTable] = [], charts: [Chart] = [], notes: [String] = []) {
        self.results = results
        self.tables = tables
        self.charts = charts
        self.notes = notes
    }

    public subscript(key: String) -> ResultValue? { results.first { $0.key == key } }

    /// The result's value; nil when there is no such result or it is undefined at these inputs.
    public func value(_ key: String) -> Double? { self[key].flatMap { $0.isDefined ? $0.quantity.value : nil } }
}

/// Chart data. Views decide how to draw it; calculators only say what it is.
public enum Chart: Hashable, Sendable {
    /// Horizontal bars sharing one scale (push / pull / hybrid write time).
    case bars(title: String, bars: [Bar])
    /// A curve over x, with one point marked (the cost curve and its best threshold).
    case curve(title: String, xLabel: String, yUnit: Unit, points: [Point], marked: Mark?, logX: Bool)
    /// Lanes of labelled segments over time (breaker states, partition timeline).
    case timeline(title: String, duration: Double, lanes: [Lane])

    public struct Bar: Hashable, Sendable {
        public let label: String
        public let quantity: Quantity
        public let highlighted: Bool
        public init(_ label: String, _ quantity: Quantity, highlighted: Bool = false) {
            self.label = label
            self.quantity = quantity
            self.highlighted = highlighted
        }
    }

    public struct Point: Hashable, Sendable {
        public let x: Double, y: Double, label: String
        public init(x: Double, y: Double, label: String = "") { self.x = x; self.y = y; self.label = label }
    }

    /// The point a curve singles out, and what to call it ("best", "best per ms").
    public struct Mark: Hashable, Sendable {
        public let index: Int
        public let label: String
        public init(_ index: Int, _ label: String) { self.index = index; self.label = label }
    }

    public struct Lane: Hashable, Sendable {
        public let label: String
        public let segments: [Segment]
        public init(_ label: String, _ segments: [Segment]) { self.label = label; self.segments = segments }
    }

    public struct Segment: Hashable, Sendable {
        public let start: Double, end: Double
        public let state: State
        public init(_ start: Double, _ end: Double, _ state: State) {
            self.start = start
            self.end = end
            self.state = state
        }
    }

    /// A state a timeline lane can be in: its name, how bad it is, and the
    /// pattern that tells it from the lane's other states without colour.
    public struct State: Hashable, Sendable {
        /// Short name for the legend ("closed", "open", "half-open", "cut off").
        public let name: String
        public let severity: Severity
        public let pattern: Pattern
        public init(_ name: String, _ severity: Severity, _ pattern: Pattern) {
            self.name = name
            self.severity = severity
            self.pattern = pattern
        }
    }

    /// How bad a state is for the system it describes.
    public enum Severity: String, Hashable, Sendable, CaseIterable {
        /// Working as meant (closed, accepting writes).
        case ok
        /// Working with less (half-open, read-only, catching up).
        case degraded
        /// Not serving (open, cut off, failing).
        case failed
    }

    /// A fill for a timeline cell; the view picks the glyph for its character set.
    public enum Pattern: String, Hashable, Sendable, CaseIterable {
        case dots, solid, lightShade, mediumShade, denseShade, heavyLine, dashedLine, cross
    }

    public var title: String {
        switch self {
        case let .bars(title, _), let .curve(title, _, _, _, _, _), let .timeline(title, _, _): return title
        }
    }
}
