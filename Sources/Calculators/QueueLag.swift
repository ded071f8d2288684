/// Fan-out worker replicas from Kafka consumer lag, by the board's rule of one
/// replica per 10K queued messages between a floor and a ceiling, and how long
/// the backlog takes to drain.
///
/// At the alert threshold (1M messages) the rule already asks for 100
/// replicas, the ceiling: past that point lag grows with no further scaling.
///
/// The drain time holds the fleet the rule picks for today's lag. The rule is
/// re-applied as the lag falls, though, and shrinks the fleet with it, so the
/// closed loop is simulated too: every `check_interval` the rule sets the
/// replicas from the backlog then, scale-downs act at once and new replicas
/// start consuming `scale_up_delay` later. Where the backlog comes to rest (and
/// how many seconds of delivery delay that is), or the range it keeps swinging
/// over, is what the rule really delivers.
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
        Parameter("check_interval", "rule re-applied every", unit: .seconds, default: 15, range: 0.1...3_600, step: 5,
                  help: "How often the scaler reads the lag and applies the rule (Kubernetes' autoscaler: every 15 s by default)."),
        Parameter("scale_up_delay", "scale-up delay", unit: .seconds, default: 30, range: 0...3_600, step: 10,
                  help: "From the rule asking for replicas to their consuming: start-up plus consumer rebalance (assumed)."),
    ]

    /// The rule re-applied over time: the backlog it leads to.
    struct Loop {
        enum End: Equatable {
            /// After `after` seconds the backlog stays between `low` and `high`, `mean` on average
            /// over time; `swings` when that band is wider than 1 %.
            case rests(mean: Double, low: Double, high: Double, after: Double, swings: Bool)
            /// Even the ceiling is slower than arrivals: it grows by `rate` msg/s.
            case grows(rate: Double)
        }
        let end: End
        /// The first moment the backlog is empty, if it ever is.
        let firstEmpty: Double?
        let peak: Double
        let horizon: Double
        let points: [Chart.Point]
    }

    /// Replicas the rule asks for at a backlog.
    static func rule(_ backlog: Double, per: Double, floor: Double, ceiling: Double) -> Double {
        min(max((backlog / per).rounded(.down), floor), ceiling)
    }

    func closedLoop(_ p: Inputs) -> Loop {
        let per = p["per_replica"], floor = p["min_replicas"], ceiling = max(p["max_replicas"], floor)
        let rate = p.perSecond("replica_rate"), inflow = p.perSecond("inflow")
        let check = p.seconds("check_interval"), delay = p.seconds("scale_up_delay")
        // Tens of rule cycles after any stretch spent saturated at the ceiling (skipped in one
        // step, since nothing changes there), with at most 50K re-checks.
        let span = min(max(600, 60 * (check + delay)), 50_000 * check)
        var horizon = span
        var backlog = p["lag"]
        // The fleet starts where the rule puts it for the starting lag.
        var running = Self.rule(backlog, per: per, floor: floor, ceiling: ceiling)
        var pending: [(at: Double, count: Double)] = []
        var t = 0.0, nextCheck = check
        var firstEmpty: Double? = backlog == 0 ? 0 : nil
        var peak = backlog
        var trace: [(t: Double, backlog: Double, replicas: Double)] = [(0, backlog, running)]
        while t < horizon {
            let net = running * rate - inflow
            // Saturated at the ceiling, draining, well above where the rule would shrink it:
            // every re-check until then changes nothing, so jump over them.
            let shrinksBelow = (ceiling + 1) * per
            if pending.isEmpty, running == ceiling, net > 0, backlog - net * (nextCheck - t) > shrinksBelow + 2 * net * check {
                let skip = ((backlog - net * (nextCheck - t) - shrinksBelow) / (net * check)).rounded(.down) - 1
                if skip >= 1 {
                    let dt = nextCheck - t + (skip - 1) * check
                    backlog -= net * dt
                    t += dt
                    nextCheck += skip * check
                    horizon += dt
                    trace.append((t, backlog, running))
                    continue
                }
            }
            let next = min(nextCheck, pending.first?.at ?? .infinity, horizon)
            let dt = next - t
            if net > 0, backlog > 0, backlog < net * dt {
                // The moment it empties is a point of its own: the backlog is flat at zero after it.
                if firstEmpty == nil { firstEmpty = t + backlog / net }
                trace.append((t + backlog / net, 0, running))
            }
            backlog = max(0, backlog - net * dt)
            if backlog == 0, firstEmpty == nil { firstEmpty = next }
            peak = max(peak, backlog)
            t = next
            // Replicas asked for earlier start consuming once their delay is over.
            while let first = pending.first, first.at <= t + 1e-9 {
                running += first.count
                pending.removeFirst()
            }
            if t >= nextCheck - 1e-9 {
                nextCheck += check
                let want = Self.rule(backlog, per: per, floor: floor, ceiling: ceiling)
                let ordered = running + pending.reduce(0) { $0 + $1.count }
                if want > ordered {
                    pending.append((t + delay, want - ordered))
                } else if want < ordered {
                    // Shrinking cancels replicas not yet started, newest first, then stops running ones.
                    var excess = ordered - want
                    while excess > 0, let last = pending.last {
                        let cut = min(excess, last.count)
                        excess -= cut
                        if cut == last.count { pending.removeLast() } else { pending[pending.count - 1].count -= cut }
                    }
                    running -= excess
                }
            }
            trace.append((t, backlog, running))
        }
        // About a hundred points, evenly spaced in time, for the chart.
        var points: [Chart.Point] = []
        var mark = 0.0
        for step in trace where step.t >= mark || step.t == t {
            points.append(.init(x: step.t, y: step.backlog))
            mark = step.t + t / 100
        }
        if ceiling * rate < inflow {
            return Loop(end: .grows(rate: inflow - ceiling * rate), firstEmpty: firstEmpty, peak: peak, horizon: horizon, points: points)
        }
        // The last quarter of the run: where the backlog rests, or the band it swings over.
        let tail = trace.filter { $0.t >= t - span / 4 }
        let low = tail.map(\.backlog).min() ?? backlog, high = tail.map(\.backlog).max() ?? backlog
        var area = 0.0
        for (a, b) in zip(tail, tail.dropFirst()) { area += (b.t - a.t) * (a.backlog + b.backlog) / 2 }
        let duration = (tail.last?.t ?? 0) - (tail.first?.t ?? 0)
        let mean = duration > 0 ? area / duration : (tail.last?.backlog ?? backlog)
        // At rest from the point after the last one more than 5 % outside that band.
        let margin = max(0.05 * high, 1)
        let after = trace.lastIndex { $0.backlog < low - margin || $0.backlog > high + margin }
            .map { trace[min($0 + 1, trace.count - 1)].t } ?? 0
        return Loop(end: .rests(mean: mean, low: low, high: high, after: after, swings: high - low > max(0.01 * high, 1)),
                    firstEmpty: firstEmpty, peak: peak, horizon: horizon, points: points)
    }

    public func evaluate(_ p: Inputs) -> Output {
        let uncapped = (p["lag"] / p["per_replica"]).rounded(.down)
        let floor = p["min_replicas"], ceiling = max(p["max_replicas"], floor)
        let replicas = min(max(uncapped, floor), ceiling)
        let drainRate = p.quantity("replica_rate") * replicas - p.quantity("inflow")
        let drain: ResultValue = p["lag"] == 0 ? ResultValue("drain_time", "drained in, fleet held", 0, .seconds)
            : drainRate.value > 0 ? ResultValue("drain_time", "drained in, fleet held", p.quantity("lag") / drainRate, in: .seconds)
            : .undefined("drain_time", "drained in, fleet held", unit: .seconds,
                         because: "workers are no faster than arrivals: the backlog never drains")
        var notes: [String] = []
        if uncapped > ceiling { notes.append("The rule wants \(Format.count(uncapped)) replicas; the ceiling holds it at \(Format.count(ceiling)).") }
        if drainRate.value <= 0, p["lag"] > 0 { notes.append("Workers are slower than arrivals: the backlog never drains.") }

        let loop = closedLoop(p)
        let inflow = p.perSecond("inflow")
        var loopResults: [ResultValue]
        switch loop.end {
        case let .rests(mean, low, high, after, swings):
            // Arrivals are what leave the queue on average once it rests: a new message waits
            // behind the backlog for backlog ÷ inflow.
            let delay: ResultValue = mean == 0 ? ResultValue("loop_delay", "delivery delay there", 0, .seconds)
                : inflow > 0 ? ResultValue("loop_delay", "delivery delay there", mean / inflow, .seconds)
                : .undefined("loop_delay", "delivery delay there", unit: .seconds, because: "nothing arrives, so nothing waits")
            loopResults = [
                ResultValue("loop_backlog", "rule re-applied: backlog around", mean, .messages),
                ResultValue("loop_low", "backlog band, low", low, .messages),
                ResultValue("loop_high", "backlog band, high", high, .messages),
                delay,
                ResultValue("loop_settle_time", "in that band after", after, .seconds),
            ]
            if swings {
                notes.append("Re-applied every \(Format.quantity(p.quantity("check_interval"))) with a \(Format.quantity(p.quantity("scale_up_delay"))) scale-up delay, the rule never settles: the backlog swings between \(Format.count(low)) and \(Format.count(high)) messages.")
            } else if mean > 0 {
                notes.append("Re-applied as the lag falls, the rule shrinks the fleet and the backlog comes to rest at \(Format.count(mean)) messages (\(delay.display) of delay), not at empty.")
            }
        case let .grows(rate):
            let why = "even the ceiling's replicas are slower than arrivals: the backlog grows by \(Format.count(rate)) msg/s"
            loopResults = [
                .undefined("loop_backlog", "rule re-applied: backlog around", unit: .messages, because: why),
                .undefined("loop_low", "backlog band, low", unit: .messages, because: why),
                .undefined("loop_high", "backlog band, high", unit: .messages, because: why),
                .undefined("loop_delay", "delivery delay there", unit: .seconds, because: why),
                .undefined("loop_settle_time", "in that band after", unit: .seconds, because: why),
            ]
        }
        loopResults.append(ResultValue("loop_peak", "largest backlog", loop.peak, .messages))
        loopResults.append(loop.firstEmpty.map { ResultValue("loop_first_empty", "first empty after", $0, .seconds) }
            ?? .undefined("loop_first_empty", "first empty after", unit: .seconds,
                          because: "in \(Format.quantity(Quantity(loop.horizon, .seconds))) of the rule at work the backlog is never empty"))
        return Output(results: [
            ResultValue("replicas", "replicas", replicas, .replicas),
            ResultValue("uncapped_replicas", "rule without caps", uncapped, .replicas),
            ResultValue("drain_rate", "net drain", drainRate, in: .messagesPerSecond),
            drain,
        ] + loopResults, charts: [
            .bars(title: "replicas", bars: [
                .init("rule", Quantity(uncapped, .replicas)),
                .init("running", Quantity(replicas, .replicas), highlighted: uncapped > ceiling),
                .init("ceiling", Quantity(ceiling, .replicas)),
            ]),
            .curve(title: "backlog, rule re-applied", xLabel: "seconds", yUnit: .messages, points: loop.points,
                   marked: nil, logX: false),
        ], notes: notes)
    }
}
