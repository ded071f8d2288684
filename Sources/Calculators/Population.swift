/// Fan-out over a whole follower graph: who is pushed, who is pulled.
///
/// Follower counts follow a power law, density ∝ x^−α with α ≈ 2.28 (Kwak et
/// al., WWW 2010), truncated to [min, max]; with a minimum of 80 followers,
/// 1,000 followers lands near the top 4 % of active accounts (a 2013 sample of
/// ~400K accounts). Accounts below the threshold are pushed to followers'
/// timelines, those above are merged at read time. Cost is in units of one
/// timeline insert; a pulled account merged into one read costs `pull_cost`.
///
/// With uniform per-account rates the cost is monotone in the threshold (the
/// sign of post rate × 1 − read rate × pull cost decides, which is Feeding
/// Frenzy's producer-vs-consumer rate rule, SIGMOD 2010): what caps the
/// threshold in practice is how long one post's push takes, so the best
/// threshold is the cheapest one whose largest push meets the delivery target.
public struct Population: Calculator {
    public init() {}
    public let name = "population"
    public let title = "Fan-out across a population"
    public let summary = "Timeline inserts, read-time merges and the cost curve over the celebrity threshold."

    public let parameters: [Parameter] = [
        Parameter("accounts", "active accounts", unit: .accounts, default: 150_000_000, range: 1...1e10,
                  scale: .logarithmic, integral: true, help: "Twitter 2013: 150M active users."),
        Parameter("alpha", "tail exponent α", unit: .ratio, default: 2.28, range: 1.5...4, step: 0.05,
                  help: "Follower-count density ∝ x^−α (Kwak et al. 2010: 2.276)."),
        Parameter("min_followers", "min followers", unit: .followers, default: 80, range: 1...1e6,
                  scale: .logarithmic, help: "Start of the power law; 80 puts 1K followers near the top 4 %."),
        Parameter("max_followers", "max followers", unit: .followers, default: 100_000_000, range: 10...1e10,
                  scale: .logarithmic, help: "Largest account."),
        Parameter("posts_per_day", "posts per account", unit: .perDay, default: 2.7, range: 0...10_000, step: 0.1,
                  help: "~400M posts/day over 150M accounts (2013)."),
        Parameter("reads_per_day", "reads per account", unit: .perDay, default: 170, range: 0...1e6, step: 10,
                  help: "~300K timeline reads/s over 150M accounts (2013)."),
        Parameter("threshold", "celebrity threshold", unit: .followers, default: 1_000, range: 1...1e10,
                  scale: .logarithmic, help: "Accounts with more followers are pulled at read time."),
        Parameter("pull_cost", "cost of a pull", unit: .ratio, default: 1, range: 0...1_000, step: 0.5,
                  help: "Merging one pulled account into one read, in timeline inserts."),
        Parameter("active_percent", "followers pushed to", unit: .percent, default: 100, range: 0...100, step: 5,
                  help: "Share of followers active enough to get a push (no fan-out to users idle 30 days)."),
        Parameter("fanout_rate", "one post's fan-out", unit: .writesPerSecond, default: 10_000, range: 1...1e9,
                  scale: .logarithmic, help: "Inserts/s one post's fan-out can use (the board's 10K writes/s)."),
        Parameter("delivery_target", "delivery target", unit: .seconds, default: 5, range: 0.01...3_600, step: 1,
                  help: "Twitter aimed to deliver within 5 s."),
        Parameter("timeline_entries", "timeline length", unit: .entries, default: 800, range: 1...1e6,
                  scale: .logarithmic, integral: true, help: "Twitter kept 800 entries per home timeline."),
        Parameter("entry_bytes", "bytes per entry", unit: .bytes, default: 20, range: 1...10_000, step: 4, integral: true,
                  help: "Post ID + author ID + flags."),
        Parameter("replicas", "timeline copies", unit: .replicas, default: 3, range: 1...10, integral: true),
    ]

    /// Truncated power law on [a, b] with density ∝ x^−α.
    struct Tail {
        let alpha: Double, lo: Double, hi: Double
        /// ∫_x0^x1 x^k dx, with the logarithmic case handled.
        static func integral(_ k: Double, _ x0: Double, _ x1: Double) -> Double {
            abs(k + 1) < 1e-9 ? ln(x1 / x0) : (power(x1, k + 1) - power(x0, k + 1)) / (k + 1)
        }
        var norm: Double { 1 / Self.integral(-alpha, lo, hi) }
        /// P(X ≤ t).
        func share(below t: Double) -> Double {
            let c = min(max(t, lo), hi)
            return norm * Self.integral(-alpha, lo, c)
        }
        /// E[X · 1{X ≤ t}].
        func mean(below t: Double) -> Double {
            let c = min(max(t, lo), hi)
            return norm * Self.integral(1 - alpha, lo, c)
        }
        var mean: Double { mean(below: hi) }
    }

    struct Costs { let inserts: Double, merges: Double, total: Double }

    func costs(_ p: Inputs, tail: Tail, threshold t: Double) -> Costs {
        // Per second, whatever period the rates are given in.
        let n = p["accounts"]
        let inserts = n * p.perSecond("posts_per_day") * tail.mean(below: t) * p.fraction("active_percent")
        let merges = n * p.perSecond("reads_per_day") * (tail.mean - tail.mean(below: t))
        return Costs(inserts: inserts, merges: merges, total: inserts + merges * p["pull_cost"])
    }

    public func evaluate(_ p: Inputs) -> Output {
        let lo = p["min_followers"], hi = max(p["max_followers"], lo * 1.0001)
        var notes: [String] = []
        if p["max_followers"] <= lo {
            notes.append("max followers is not above min followers: the tail runs from \(Format.count(lo)) to just above it.")
        }
        let tail = Tail(alpha: p["alpha"], lo: lo, hi: hi)
        let threshold = p["threshold"]
        let here = costs(p, tail: tail, threshold: threshold)
        // The largest account one post's fan-out reaches within the target.
        let limit = p.perSecond("fanout_rate") * p.seconds("delivery_target")

        // The curve: log-spaced thresholds from min to max followers.
        var points: [Chart.Point] = []
        var best: (t: Double, cost: Double)?
        let steps = 48
        for i in 0...steps {
            let t = lo * power(hi / lo, Double(i) / Double(steps))
            let c = costs(p, tail: tail, threshold: t).total
            points.append(.init(x: t, y: c))
            if t <= limit * (1 + 1e-9), best == nil || c < best!.cost { best = (t, c) }
        }
        // The delivery limit itself is a candidate: the largest push that still meets the target.
        if limit >= lo, limit <= hi {
            let c = costs(p, tail: tail, threshold: limit).total
            if best == nil || c < best!.cost { best = (limit, c) }
        }
        let bestT = best?.t ?? lo, bestCost = best?.cost ?? costs(p, tail: tail, threshold: lo).total
        let marked = points.indices.min { abs(ln(points[$0].x / bestT)) < abs(ln(points[$1].x / bestT)) }
        // The marked point is the best threshold itself, not its nearest sample.
        if let m = marked { points[m] = .init(x: bestT, y: bestCost) }
        let memory = p.quantity("accounts") * p.quantity("timeline_entries") * p.quantity("entry_bytes") * p.quantity("replicas")
        let largestPush = min(max(threshold, lo), hi)
        let largestPushTime = Quantity(largestPush, .writes) / p.quantity("fanout_rate")
        let target = p.quantity("delivery_target")

        if largestPushTime.baseValue > target.baseValue {
            notes.append("The largest pushed account takes \(Format.quantity(largestPushTime)) to deliver, over the \(Format.quantity(target)) target.")
        }
        return Output(results: [
            ResultValue("inserts_per_s", "timeline inserts", here.inserts, .writesPerSecond),
            ResultValue("merges_per_s", "read-time merges", here.merges, .opsPerSecond),
            ResultValue("pushed_accounts_percent", "accounts pushed", Quantity(tail.share(below: threshold), .ratio), in: .percent),
            ResultValue("mean_followers", "mean followers", tail.mean, .followers),
            ResultValue("timeline_memory", "timeline memory", memory, in: .bytes),
            ResultValue("largest_push_time", "largest push takes", largestPushTime, in: .seconds),
            ResultValue("cost", "cost, in inserts/s", here.total, .opsPerSecond),
            ResultValue("best_threshold", "best threshold", bestT, .followers),
            ResultValue("best_cost", "cost at best", bestCost, .opsPerSecond),
            bestCost > 0 ? ResultValue("cost_vs_best", "cost vs best", here.total / bestCost, .times)
                : .undefined("cost_vs_best", "cost vs best", unit: .times,
                             because: "the best threshold costs nothing (no reads, or merges are free), so there is no ratio to it"),
        ], charts: [
            .curve(title: "cost over threshold", xLabel: "followers", yUnit: .opsPerSecond, points: points,
                   marked: marked.map { Chart.Mark($0, "best") }, logX: true),
        ], notes: notes)
    }
}
