/// Write batching: statements and round trips saved against latency added.
///
/// A batch flushes when full or when the interval passes, whichever is first,
/// so the board's "100× fewer operations" holds only when rows arrive fast
/// enough to fill a batch of 100 inside one interval (≥ 200 rows/s at 0.5 s).
///
/// What it divides is statements (one multi-row INSERT, one round trip and one
/// commit per batch), never rows: every post is still one row, so the rows
/// written per second, and the headroom against a ceiling measured in rows,
/// are what they were before batching.
public struct WriteBatching: Calculator {
    public init() {}
    public let name = "batching"
    public let title = "Write batching"
    public let summary = "Statements per second, rows written and added latency for a batch size and flush interval."

    public let parameters: [Parameter] = [
        Parameter("arrival_rate", "rows arriving", unit: .rowsPerSecond, default: 3_600, range: 0.001...1e9,
                  scale: .logarithmic, help: "Post rows inserted per second, one row per post (board's peak: 3.6K)."),
        Parameter("batch_size", "batch size", unit: .rows, default: 100, range: 1...1e6, scale: .logarithmic,
                  integral: true, help: "Rows per multi-row INSERT when the batch fills."),
        Parameter("flush_ms", "flush interval", unit: .milliseconds, default: 500, range: 1...3_600_000, step: 100),
        Parameter("row_capacity", "database ceiling", unit: .rowsPerSecond, default: 10_000, range: 1...1e9,
                  scale: .logarithmic, help: "Rows/s one primary writes (the board's 10K). A ceiling on rows: batching leaves it where it is."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let rate = p.quantity("arrival_rate"), size = p.quantity("batch_size"), interval = p.quantity("flush_ms")
        let capacity = p.quantity("row_capacity")
        let fill = size / rate
        let window = Quantity.min(fill, interval)
        // Rows that arrive in one interval, at most a full batch and at least one.
        let arriving = Quantity((rate * interval).value, .rows)
        let effective = Quantity.max(Quantity(1, .rows), Quantity.min(size, arriving))
        // One statement (one round trip, one commit) per batch; every row is still written.
        let statements = Quantity((rate / effective).value, .statementsPerSecond)
        let rows = rate.expressed(in: .rowsPerSecond)
        return Output(results: [
            ResultValue("effective_batch", "rows per statement", effective),
            ResultValue("ops_per_s", "statements (round trips)", statements),
            ResultValue("reduction", "fewer statements", effective / Quantity(1, .rows), in: .times),
            ResultValue("rows_per_s", "rows written", rows),
            ResultValue("row_headroom", "headroom in rows", capacity / rate, in: .times),
            ResultValue("batch_fill_ms", "time to fill a batch", fill, in: .milliseconds),
            ResultValue("avg_added_latency", "added latency, mean", window / 2, in: .milliseconds),
            ResultValue("max_added_latency", "added latency, max", window, in: .milliseconds),
        ], charts: [
            .bars(title: "statements per second", bars: [
                .init("unbatched", Quantity(rows.value, .statementsPerSecond)),
                .init("batched", statements, highlighted: true),
            ]),
            .bars(title: "rows per second", bars: [
                .init("written", rows, highlighted: true),
                .init("ceiling", capacity),
            ]),
        ], notes: fill.baseValue > interval.baseValue ? ["Batches flush on the timer before they fill: fewer rows per statement."] : [])
    }
}
