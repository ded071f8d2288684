/// Write batching: database operations saved against latency added.
///
/// A batch flushes when full or when the interval passes, whichever is first,
/// so the board's "100× fewer operations" holds only when writes arrive fast
/// enough to fill a batch of 100 inside one interval (≥ 200 writes/s at 0.5 s).
public struct WriteBatching: Calculator {
    public init() {}
    public let name = "batching"
    public let title = "Write batching"
    public let summary = "Database operations per second and added latency for a batch size and flush interval."

    public let parameters: [Parameter] = [
        Parameter("arrival_rate", "writes arriving", unit: .writesPerSecond, default: 3_600, range: 0.001...1e9,
                  scale: .logarithmic, help: "Post writes per second (board's peak: 3.6K)."),
        Parameter("batch_size", "batch size", unit: .writes, default: 100, range: 1...1e6, scale: .logarithmic,
                  integral: true),
        Parameter("flush_ms", "flush interval", unit: .milliseconds, default: 500, range: 1...3_600_000, step: 100),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let rate = p["arrival_rate"], size = p["batch_size"], interval = p["flush_ms"] / 1_000
        let fill = size / rate
        let window = min(fill, interval)
        let effective = max(1, min(size, rate * interval))
        let ops = rate / effective
        return Output(results: [
            ResultValue("effective_batch", "writes per batch", effective, .writes),
            ResultValue("ops_per_s", "database ops", ops, .opsPerSecond),
            ResultValue("reduction", "fewer operations", effective, .times),
            ResultValue("batch_fill_ms", "time to fill a batch", fill * 1_000, .milliseconds),
            ResultValue("avg_added_latency", "added latency, mean", window / 2 * 1_000, .milliseconds),
            ResultValue("max_added_latency", "added latency, max", window * 1_000, .milliseconds),
        ], charts: [
            .bars(title: "operations per second", bars: [
                .init("unbatched", Quantity(rate, .opsPerSecond)),
                .init("batched", Quantity(ops, .opsPerSecond), highlighted: true),
            ]),
        ], notes: fill > interval ? ["Batches flush on the timer before they fill: fewer writes per operation."] : [])
    }
}
