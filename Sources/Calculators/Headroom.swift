/// Database write headroom now and after growth (the 3.6K-of-10K example).
///
/// Load and ceiling are in rows written per second: one post is one row, and a
/// multi-row INSERT of 100 posts is 100 rows. Batching divides statements and
/// round trips, so it leaves these figures, and the headroom, where they are.
public struct Headroom: Calculator {
    public init() {}
    public let name = "headroom"
    public let title = "Write headroom"
    public let summary = "How far current write load is from capacity, and what growth needs."

    public let parameters: [Parameter] = [
        Parameter("current_qps", "peak rows written", unit: .rowsPerSecond, default: 3_600, range: 1...1e9,
                  scale: .logarithmic, help: "Rows written per second at peak today, one per post (board: 3.6K/s)."),
        Parameter("capacity", "one database", unit: .rowsPerSecond, default: 10_000, range: 1...1e9,
                  scale: .logarithmic, help: "Rows/s one database (or shard) writes, measured (board: 10K)."),
        Parameter("growth", "growth", unit: .times, default: 5, range: 0.1...1_000, step: 0.5,
                  help: "Traffic multiple to plan for (board: 5×)."),
        Parameter("annual_growth", "growth per year", unit: .percent, default: 20, range: 0...1_000, step: 5,
                  help: "Year-on-year growth, for when capacity runs out."),
        Parameter("target_utilization", "target utilization", unit: .percent, default: 70, range: 1...100, step: 5,
                  help: "Plan shards to run at most this busy."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let current = p.quantity("current_qps"), capacity = p.quantity("capacity")
        let future = current * p.fraction("growth")
        let usable = capacity * p.fraction("target_utilization")
        let shards = Quantity(max(1, (future / usable).measured(in: .ratio).rounded(.up)), .shards)
        let g = p.fraction("annual_growth")
        let full = current.baseValue >= capacity.baseValue
        let years: ResultValue
        if full {
            years = ResultValue("years_to_full", "full in", 0, .years, text: "already full")
        } else if g <= 0 {
            years = .undefined("years_to_full", "full in", unit: .years, text: "never", because: "with no growth the database never fills")
        } else {
            years = ResultValue("years_to_full", "full in", ln((capacity / current).measured(in: .ratio)) / ln(1 + g), .years)
        }
        var notes: [String] = []
        if !years.isDefined { notes.append("With no growth the database never fills.") }
        if full { notes.append("Already at or over capacity.") }
        return Output(results: [
            ResultValue("headroom", "headroom in rows", capacity / current, in: .times),
            ResultValue("future_qps", "after growth", future, in: .rowsPerSecond),
            ResultValue("shards_needed", "shards needed", shards),
            years,
        ], charts: [
            .bars(title: "rows/s vs capacity", bars: [
                .init("now", current),
                .init("grown", future, highlighted: future.baseValue > capacity.baseValue),
                .init("capacity", capacity),
            ]),
        ], notes: notes)
    }
}
