/// Fan-out worker replicas from Kafka consumer lag, by the board's rule of one
/// replica per 10K queued messages between a floor and a ceiling, and how long
/// the backlog takes to drain.
///
/// At the alert threshold (1M messages) the rule already asks for 100
/// replicas, the ceiling: past that point lag grows with no further scaling.
public struct QueueLag: Calculator {
    public init() {}
    public let name = "lag"
    public let title = "Queue lag → workers"
    public let summary = "Replicas the autoscaling rule picks for a backlog, and the time to drain it."

    public let parameters: [Parameter] = [
        Parameter("lag", "consumer lag", unit: .messages, default: 1_000_000, range: 0...1e12, scale: .logarithmic,
                  integral: true, help: "Messages behind (alert at 1M)."),
        Parameter("per_replica", "messages per replica", unit: .messages, default: 10_000, range: 1...1e9,
                  scale: .logarithmic, integral: true, help: "Rule: one replica per this many queued messages."),
        Parameter("min_replicas", "min replicas", unit: .replicas, default: 10, range: 0...100_000, integral: true),
        Parameter("max_replicas", "max replicas", unit: .replicas, default: 100, range: 1...100_000, integral: true),
        Parameter("replica_rate", "per replica", unit: .messagesPerSecond, default: 1_000, range: 1...1e7,
                  scale: .logarithmic, help: "Fan-out messages one replica handles per second."),
        Parameter("inflow", "arriving", unit: .messagesPerSecond, default: 20_000, range: 0...1e9, scale: .logarithmic,
                  help: "New messages per second while draining."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let uncapped = (p["lag"] / p["per_replica"]).rounded(.down)
        let floor = p["min_replicas"], ceiling = max(p["max_replicas"], floor)
        let replicas = min(max(uncapped, floor), ceiling)
        let drainRate = p.quantity("replica_rate") * replicas - p.quantity("inflow")
        let drain: ResultValue = p["lag"] == 0 ? ResultValue("drain_time", "drained in", 0, .seconds)
            : drainRate.value > 0 ? ResultValue("drain_time", "drained in", p.quantity("lag") / drainRate, in: .seconds)
            : .undefined("drain_time", "drained in", unit: .seconds,
                         because: "workers are no faster than arrivals: the backlog never drains")
        var notes: [String] = []
        if uncapped > ceiling { notes.append("The rule wants \(Format.count(uncapped)) replicas; the ceiling holds it at \(Format.count(ceiling)).") }
        if drainRate.value <= 0, p["lag"] > 0 { notes.append("Workers are slower than arrivals: the backlog never drains.") }
        return Output(results: [
            ResultValue("replicas", "replicas", replicas, .replicas),
            ResultValue("uncapped_replicas", "rule without caps", uncapped, .replicas),
            ResultValue("drain_rate", "net drain", drainRate, in: .messagesPerSecond),
            drain,
        ], charts: [
            .bars(title: "replicas", bars: [
                .init("rule", Quantity(uncapped, .replicas)),
                .init("running", Quantity(replicas, .replicas), highlighted: uncapped > ceiling),
                .init("ceiling", Quantity(ceiling, .replicas)),
            ]),
        ], notes: notes)
    }
}
