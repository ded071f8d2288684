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
        let rate = p.quantity("arrival_rate"), size = p.quantity("batch_size"), interval = p.quantity("flush_ms")
        let fill = size / rate
        let window = Quantity.min(fill, interval)
        // Writes that arrive in one interval, at most a full batch and at least one.
        let arriving = Quantity((rate * interval).value, .writes)
        let effective = Quantity.max(Quantity(1, .writes), Quantity.min(size, arriving))
        // One database operation per batch.
        let ops = Quantity((rate / effective).value, .opsPerSecond)
        return Output(results: [
            ResultValue("effective_batch", "writes per batch", effective),
            ResultValue("ops_per_s", "database ops", ops),
            ResultValue("reduction", "fewer operations", effective / Quantity(1, .writes), in: .times),
            ResultValue("batch_fill_ms", "time to fill a batch", fill, in: .milliseconds),
            ResultValue("avg_added_latency", "added latency, mean", window / 2, in: .milliseconds),
            ResultValue("max_added_latency", "added latency, max", window, in: .milliseconds),
        ], charts: [
            .bars(title: "operations per second", bars: [
                .init("unbatched", Quantity(rate.value, .opsPerSecond)),
                .init("batched", ops, highlighted: true),
            ]),
        ], notes: fill.baseValue > interval.baseValue ? ["Batches flush on the timer before they fill: fewer writes per operation."] : [])
    }
}
