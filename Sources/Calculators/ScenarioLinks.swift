/// A calculator parameter that means a scenario quantity: an input by its key
/// ("dau") or a derived value ("peak_write_qps"). The scenario's value is
/// converted to the parameter's unit; a link between different kinds of
/// quantity is a bug the tests catch.
public struct ScenarioLink: Hashable, Sendable {
    public let calculator: String
    public let parameter: String
    public let source: String

    public init(_ calculator: String, _ parameter: String, _ source: String) {
        self.calculator = calculator
        self.parameter = parameter
        self.source = source
    }

    /// The scenario's value in the parameter's unit, clamped into its range; nil when
    /// the calculator, the parameter or the source is unknown.
    public func value(in scenario: Inputs) -> Double? {
        guard let calc = Registry.named(calculator), let p = calc.parameter(parameter),
              let q = ScenarioModel().quantity(source, in: scenario),
              q.unit.dimension == p.unit.dimension || q.unit.dimension == .count && p.unit.dimension == .count
        else { return nil }
        let v = q.measured(in: p.unit)
        guard v.isFinite else { return nil }
        let r = p.integral ? v.rounded() : v
        return min(max(r, p.range.lowerBound), p.range.upperBound)
    }

    /// "scenario: peak writes (DAU × posts/day ÷ 86,400 × peak factor)": where a linked value comes from.
    public var origin: String {
        let model = ScenarioModel()
        if let input = model.parameter(source) { return "scenario: \(input.label)" }
        let label = model.evaluate(model.defaults)[source]?.label ?? source
        return "scenario: \(label)" + (ScenarioModel.formula(source).map { " = \($0)" } ?? "")
    }
}

/// The links every lesson gets unless it states a departure.
public enum ScenarioLinks {
    public static let defaults: [ScenarioLink] = [
        .init("headroom", "current_qps", "peak_write_qps"),
        .init("headroom", "capacity", "db_write_capacity"),
        .init("batching", "arrival_rate", "peak_write_qps"),
        .init("batching", "row_capacity", "db_write_capacity"),
        .init("fanout", "write_capacity", "fanout_insert_rate"),
        .init("fanout", "entry_bytes", "entry_bytes"),
        .init("population", "accounts", "dau"),
        .init("population", "alpha", "follower_alpha"),
        .init("population", "median_followers", "follower_median"),
        .init("population", "tail_start", "follower_tail_start"),
        .init("population", "tail_percent", "follower_tail_percent"),
        .init("population", "active_percent", "follower_active_percent"),
        .init("population", "max_followers", "follower_max"),
        .init("population", "posts_per_day", "posts_per_day"),
        .init("population", "reads_per_day", "reads_per_day"),
        .init("population", "fanout_rate", "fanout_insert_rate"),
        .init("population", "timeline_entries", "timeline_entries"),
        .init("population", "entry_bytes", "entry_bytes"),
        .init("population", "replicas", "replicas"),
        .init("hitrate", "items", "dau"),
        .init("bill", "dau", "dau"),
        .init("bill", "transfer_tb_per_day", "egress_tb_per_day"),
        .init("bill", "transfer_price", "price_egress"),
        .init("bill", "s3_price", "price_s3"),
        .init("bill", "ram_price", "price_cache"),
        .init("bill", "cache_tb", "cache_tb"),
        .init("cache", "ram_price", "price_cache"),
        .init("cache", "full_size_tb", "cache_tb"),
        .init("storage", "hot_price", "price_s3"),
    ]

    /// The default links of one calculator, by parameter key.
    public static func defaults(for calculator: String) -> [String: ScenarioLink] {
        Dictionary(defaults.filter { $0.calculator == calculator }.map { ($0.parameter, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The calculator's defaults with every linked parameter set from the scenario.
    public static func inputs(for calculator: any Calculator, scenario: Inputs) -> Inputs {
        var inputs = calculator.defaults
        for link in defaults(for: calculator.name).values.sorted(by: { $0.parameter < $1.parameter }) {
            if let v = link.value(in: scenario) { inputs.setClamped(link.parameter, v) }
        }
        return inputs
    }
}
