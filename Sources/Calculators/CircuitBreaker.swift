/// A circuit breaker (closed → open → half-open) driven through a failure burst.
///
/// Same rules as the board's sketch: `threshold` consecutive failures open
/// it; after `open_timeout` the next call is a trial (half-open); a success
/// closes it, a failure opens it again. Calls arriving while open are shed.
public struct CircuitBreaker: Calculator {
    public init() {}
    public let name = "breaker"
    public let title = "Circuit breaker"
    public let summary = "Breaker states, failed and shed calls over a burst of cache failures."

    public let parameters: [Parameter] = [
        Parameter("threshold", "failures to open", unit: .calls, default: 5, range: 1...10_000, integral: true),
        Parameter("open_timeout", "open for", unit: .seconds, default: 60, range: 0.1...3_600, step: 5),
        Parameter("call_rate", "calls", unit: .callsPerSecond, default: 10, range: 0.1...1_000, scale: .logarithmic),
        Parameter("burst_start", "burst starts", unit: .seconds, default: 10, range: 0...3_600, step: 5),
        Parameter("burst_length", "burst lasts", unit: .seconds, default: 30, range: 0...3_600, step: 5),
        Parameter("failure_percent", "calls failing in burst", unit: .percent, default: 100, range: 0...100, step: 10),
        Parameter("horizon", "simulate", unit: .seconds, default: 180, range: 1...3_600, step: 30),
        Parameter("seed", "random seed", default: 1, range: 0...1e9, integral: true),
    ]

    enum State: String {
        case closed, open, halfOpen = "half-open"

        /// How the timeline draws it.
        var chart: Chart.State {
            switch self {
            case .closed: Chart.State(rawValue, .ok, .dots)
            case .open: Chart.State(rawValue, .failed, .solid)
            case .halfOpen: Chart.State(rawValue, .degraded, .mediumShade)
            }
        }
    }

    /// The cache failing, on the burst lane.
    static let failing = Chart.State("failing", .failed, .denseShade)

    public func evaluate(_ p: Inputs) -> Output {
        var random = SeededRandom(seed: UInt64(p["seed"]))
        // The simulation runs in seconds and calls per second.
        let rate = p.perSecond("call_rate"), dt = 1 / rate, horizon = p.seconds("horizon")
        let burst = p.seconds("burst_start")..<(p.seconds("burst_start") + p.seconds("burst_length"))
        let failShare = p.fraction("failure_percent")
        let threshold = Int(p["threshold"]), timeout = p.seconds("open_timeout")
        var state = State.closed, failures = 0, openedAt = 0.0
        var calls = 0, failed = 0, shed = 0, opened = 0, openTime = 0.0
        var firstOpen: Double?
        var segments: [Chart.Segment] = []
        var segmentStart = 0.0
        func move(to next: State, at t: Double) {
            guard next != state else { return }
            segments.append(.init(segmentStart, t, state.chart))
            segmentStart = t
            state = next
        }
        let total = Int((horizon * rate).rounded(.up))
        for i in 0..<total {
            // Index-based times: adding dt repeatedly drifts (10.499… instead of 10.4).
            let t = Double(i) * dt
            calls += 1
            if state == .open, t - openedAt >= timeout { move(to: .halfOpen, at: t) }
            if state == .open {
                shed += 1
            } else {
                let fails = burst.contains(t) && random.unit() < failShare
                if fails {
                    failed += 1
                    failures += 1
                    if state == .halfOpen || failures >= threshold {
                        if firstOpen == nil { firstOpen = t }
                        opened += 1
                        openedAt = t
                        move(to: .open, at: t)
                    }
                } else {
                    failures = 0
                    move(to: .closed, at: t)
                }
            }
        }
        segments.append(.init(segmentStart, horizon, state.chart))
        for s in segments where s.state == State.open.chart { openTime += s.end - s.start }
        return Output(results: [
            ResultValue("calls", "calls", Double(calls), .calls),
            ResultValue("failed", "failed calls", Double(failed), .calls),
            ResultValue("shed", "shed while open", Double(shed), .calls),
            ResultValue("opened", "times opened", Double(opened), .count),
            ResultValue("open_time", "time open", openTime, .seconds),
            firstOpen.map { ResultValue("first_open", "first opened at", $0, .seconds) }
                ?? .undefined("first_open", "first opened at", unit: .seconds, because: "the breaker never opened"),
        ], charts: [
            .timeline(title: "breaker state", duration: horizon, lanes: [
                .init("burst", [.init(burst.lowerBound, min(burst.upperBound, horizon), Self.failing)]),
                .init("breaker", segments),
            ]),
        ], notes: opened == 0 ? ["The breaker never opened: every failure went through to the cache."] : [])
    }
}
