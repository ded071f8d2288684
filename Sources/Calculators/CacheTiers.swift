/// Cache tiers priced by the latency they save: the board's three scenarios
/// (cache everyone, the active 20 %, a minimal cache) against a 500 ms no-cache
/// read, plus what their sizes cost at a real RAM list price.
///
/// The board's $ per ms figures ($11.11, $2.86, $1.25) are right; its $5,000
/// for 3 TB of Redis is not (ElastiCache r7g.large usable RAM is ~$16/GB-month,
/// Oct 2026), and the cheapest $ per ms is the minimal cache, not the 80/20 one.
public struct CacheTiers: Calculator {
    public init() {}
    public let name = "cache"
    public let title = "Cache tiers"
    public let summary = "Monthly cost per millisecond of read latency saved, per cache tier."

    static let tiers = [("full", "full cache"), ("partial", "80/20 cache"), ("minimal", "minimal cache")]

    public let parameters: [Parameter] = [
        Parameter("baseline_ms", "no-cache read", unit: .milliseconds, default: 500, range: 1...60_000, step: 50,
                  help: "Read latency with no cache."),
        Parameter("full_cost", "full: cost", unit: .dollarsPerMonth, default: 5_000, range: 0...1e9, step: 500,
                  help: "Board: $5K/month to cache all 200M users."),
        Parameter("full_latency", "full: latency", unit: .milliseconds, default: 50, range: 0...60_000, step: 10),
        Parameter("partial_cost", "80/20: cost", unit: .dollarsPerMonth, default: 1_000, range: 0...1e9, step: 100,
                  help: "Board: $1K/month for the most active 40M users."),
        Parameter("partial_latency", "80/20: latency", unit: .milliseconds, default: 150, range: 0...60_000, step: 10),
        Parameter("minimal_cost", "minimal: cost", unit: .dollarsPerMonth, default: 250, range: 0...1e9, step: 50,
                  help: "Board: $250/month for 10M users."),
        Parameter("minimal_latency", "minimal: latency", unit: .milliseconds, default: 300, range: 0...60_000, step: 10),
        Parameter("full_size_tb", "full: size", unit: .terabytes, default: 3, range: 0...10_000, step: 0.5),
        Parameter("partial_size_tb", "80/20: size", unit: .terabytes, default: 0.6, range: 0...10_000, step: 0.1),
        Parameter("minimal_size_tb", "minimal: size", unit: .terabytes, default: 0.15, range: 0...10_000, step: 0.05),
        Parameter("ram_price", "RAM price", unit: .dollarsPerGBMonth, default: 16.31, range: 0...1_000, step: 1,
                  help: "ElastiCache cache.r7g.large, Redis OSS, per usable GB (75 %), on-demand, Oct 2026."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let baseline = p.quantity("baseline_ms")
        /// Monthly cost per millisecond saved; undefined when nothing is saved.
        func perMillisecond(_ key: String, _ label: String, _ cost: Quantity, _ saved: Quantity,
                            none reason: String) -> ResultValue {
            saved.baseValue > 0 ? ResultValue(key, label, cost / saved, in: .dollarsPerMillisecond)
                : .undefined(key, label, unit: .dollarsPerMillisecond, because: reason)
        }
        var results: [ResultValue] = []
        var perMs: [(String, Quantity?)] = []
        var points: [Chart.Point] = []
        for (key, label) in Self.tiers {
            let cost = p.quantity("\(key)_cost"), saved = baseline - p.quantity("\(key)_latency")
            let ratio = perMillisecond("\(key).per_ms", "\(label): $ per ms", cost, saved,
                                       none: "\(label) is no faster than no cache: it saves no latency")
            perMs.append((label, ratio.isDefined ? ratio.quantity : nil))
            results.append(ratio)
            results.append(ResultValue("\(key).saved", "\(label): saves", saved, in: .milliseconds))
            // TB × $/GB-month, converted in base units.
            let list = p.quantity("\(key)_size_tb") * p.quantity("ram_price")
            results.append(ResultValue("\(key).list_cost", "\(label): at list price", list, in: .dollarsPerMonth))
            points.append(.init(x: saved.measured(in: .milliseconds), y: cost.measured(in: .dollarsPerMonth), label: label))
        }
        func marginal(_ from: String, _ to: String, _ label: String) -> ResultValue {
            let fromLabel = Self.tiers.first { $0.0 == from }!.1, toLabel = Self.tiers.first { $0.0 == to }!.1
            return perMillisecond("\(from)_to_\(to).per_ms", label,
                                  p.quantity("\(to)_cost") - p.quantity("\(from)_cost"),
                                  p.quantity("\(from)_latency") - p.quantity("\(to)_latency"),
                                  none: "\(toLabel) is no faster than \(fromLabel): no extra ms to price")
        }
        results.append(marginal("minimal", "partial", "minimal → 80/20: each extra ms"))
        results.append(marginal("partial", "full", "80/20 → full: each extra ms"))
        let defined = perMs.enumerated().compactMap { i, tier in tier.1.map { (offset: i, element: (tier.0, $0)) } }
        let best = defined.min { $0.element.1.value < $1.element.1.value }
        results.append(.choice("cheapest_per_ms", "cheapest per ms", best?.element.0 ?? "none saves latency",
                               index: best?.offset ?? -1))
        var notes: [String] = []
        for (key, label) in Self.tiers where p.quantity("\(key)_latency").baseValue >= baseline.baseValue {
            notes.append("\(label) is no faster than no cache: its $ per ms is undefined.")
        }
        let sorted = points.sorted { $0.x < $1.x }
        let marked = best.flatMap { b in sorted.firstIndex { $0.label == b.element.0 } }.map { Chart.Mark($0, "best per ms") }
        let table = ResultTable(rows: Self.tiers.map { .init($0.0, $0.1) },
                                columns: [.init("per_ms", "per ms"), .init("saved", "saved"), .init("list_cost", "list cost")])
        return Output(results: results, tables: [table], charts: [
            .curve(title: "cost vs latency saved", xLabel: "ms saved", yUnit: .dollarsPerMonth, points: sorted, marked: marked, logX: false),
            // A tier that saves nothing has no $ per ms and no bar (a note says so).
            .bars(title: "$ per ms saved", bars: defined.map {
                .init($0.element.0, $0.element.1, highlighted: $0.offset == best?.offset)
            }),
        ], notes: notes)
    }
}
