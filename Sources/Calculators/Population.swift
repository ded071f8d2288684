/// Fan-out over a whole follower graph: who is pushed, who is pulled.
///
/// Follower counts have a log-normal body spliced to a power-law tail. The body
/// is set by the median (61 for accounts active in the last 30 days, a 2013
/// sample of ~400K accounts) and by the share of accounts at or above the tail
/// start (1,000 followers was that sample's 96th percentile, so 4 %); those two
/// fix the body's spread σ. From the tail start up, density ∝ x^−α with α ≈ 2.28
/// (Kwak et al., WWW 2010) holds that share, truncated at the largest account.
/// An account under one follower has none, so it adds no edge. Accounts below
/// the threshold are pushed to followers' timelines, those above are merged at
/// read time. Cost is in units of one timeline insert; a pulled account merged
/// into one read costs `pull_cost`. Only the active share of followers gets a
/// push and keeps a timeline, so it scales the inserts, the timeline memory and
/// the size of one post's push.
///
/// With the same post and read rate for every account the cost is linear in the
/// pulled edges: pushing wins everywhere while a pull costs more than
/// active share × posts ÷ reads of an insert (the break-even), pulling below it.
/// So the "best threshold" is not a minimum of the cost curve but the boundary
/// the delivery target sets: the largest push that still lands in time.
///
/// Feeding Frenzy (Silberstein et al., SIGMOD 2010) decides per (producer,
/// consumer) pair instead: push when the consumer's read rate × pull cost
/// exceeds the producer's post rate. With uneven rates (log-normal, spreads
/// `post_spread` and `read_spread`) that choice is interior: some of each
/// author's followers are pushed, the rest pull, and the total is below both
/// corners. Authors whose per-pair push would still miss the target are pulled.
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
        Parameter("median_followers", "median followers", unit: .followers, default: 61, range: 1...1e6,
                  scale: .logarithmic, help: "Median account; accounts active in the last 30 days had 61 (2013 sample of ~400K accounts)."),
        Parameter("tail_start", "tail starts at", unit: .followers, default: 1_000, range: 2...1e8,
                  scale: .logarithmic, help: "Where the power law takes over from the log-normal body; 1,000 was the 96th percentile (2013)."),
        Parameter("tail_percent", "accounts in the tail", unit: .percent, default: 4, range: 0.1...49.9, step: 0.5,
                  help: "Share of accounts at or above the tail start: ~4 % of active accounts had 1,000+ followers (2013)."),
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
        Parameter("post_spread", "post-rate spread σ", unit: .ratio, default: 2.1, range: 0...4, step: 0.1,
                  help: "Log-normal σ of posts per account; 2.1 puts 80 % of posts on the top 10 % of accounts (Pew Research, 2019, US adults)."),
        Parameter("read_spread", "read-rate spread σ", unit: .ratio, default: 1, range: 0...4, step: 0.1,
                  help: "Log-normal σ of reads per active follower (assumed; 0 gives every reader the same rate)."),
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

    /// Follower counts: a log-normal body below `start` (median `median`, spread σ chosen so
    /// the share `tailShare` lies at or above `start`) and a truncated power law on
    /// [start, max] holding that share. Values under one follower count as none.
    struct Followers {
        let median: Double, start: Double, tailShare: Double, sigma: Double, tail: Tail
        /// Whether the median lies below the tail start, as a body under a tail needs.
        let coherent: Bool

        init(median: Double, start: Double, tailShare: Double, alpha: Double, max hi: Double) {
            self.start = start
            self.tailShare = tailShare
            tail = Tail(alpha: alpha, lo: start, hi: Swift.max(hi, start * 1.0001))
            coherent = median < start && tailShare > 0 && tailShare < 0.5
            // Without a median below the start (or a tail share in (0, ½)) the body collapses onto the start.
            self.median = coherent ? median : start
            sigma = coherent ? ln(start / median) / Self.upperQuantile(tailShare) : 0
        }

        /// z with P(Z > z) = q for a standard normal Z (0 < q < ½), by bisection.
        static func upperQuantile(_ q: Double) -> Double {
            var lo = 0.0, hi = 40.0
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if normalCDF(-mid) > q { lo = mid } else { hi = mid }
            }
            return (lo + hi) / 2
        }

        /// Log-normal P(X ≤ x) and E[X · 1{1 ≤ X ≤ x}] of the body's own distribution.
        private func body(_ x: Double) -> (share: Double, mean: Double) {
            guard x > 0 else { return (0, 0) }
            guard sigma > 0 else { return x >= median ? (1 - tailShare, median >= 1 ? (1 - tailShare) * median : 0) : (0, 0) }
            let mu = ln(median), s2 = sigma * sigma
            let share = normalCDF((ln(x) - mu) / sigma)
            // median · e^(σ²/2) · (Φ(b) − Φ(a)), in logs: with a wide body e^(σ²/2) overflows while Φ(b) underflows.
            let upper = logNormalCDF((ln(x) - mu - s2) / sigma), lower = logNormalCDF((-mu - s2) / sigma)
            let partial = x >= 1 ? -exponential(mu + s2 / 2 + upper) * exponentialMinusOne(lower - upper) : 0
            return (share, partial)
        }

        /// P(X ≤ t).
        func share(below t: Double) -> Double {
            t < start ? body(t).share : (1 - tailShare) + tailShare * tail.share(below: t)
        }
        /// E[X · 1{X ≤ t}].
        func mean(below t: Double) -> Double {
            t < start ? body(t).mean : body(start).mean + tailShare * tail.mean(below: t)
        }
        var mean: Double { mean(below: tail.hi) }
    }

    struct Costs { let inserts: Double, merges: Double, total: Double }

    func costs(_ p: Inputs, tail: Followers, threshold t: Double) -> Costs {
        // Per second, whatever period the rates are given in.
        let n = p["accounts"]
        let inserts = n * p.perSecond("posts_per_day") * tail.mean(below: t) * p.fraction("active_percent")
        let merges = n * p.perSecond("reads_per_day") * (tail.mean - tail.mean(below: t))
        return Costs(inserts: inserts, merges: merges, total: inserts + merges * p["pull_cost"])
    }

    /// Feeding Frenzy's per-pair choice over the whole graph, per second.
    struct PairChoice {
        /// Cost in inserts/s, and the share of the active followers' edges that are pushed.
        let cost: Double, pushedShare: Double
    }

    /// Equal-weight log-normal nodes with mean 1: (weight, value) pairs, weights summing to 1.
    static func logNormalNodes(spread s: Double) -> [(w: Double, x: Double)] {
        guard s > 0 else { return [(1, 1)] }
        let steps = 320, span = 8.0
        var nodes: [(w: Double, x: Double)] = []
        for i in 0...steps {
            let z = -span + 2 * span * Double(i) / Double(steps)
            let end = i == 0 || i == steps ? 0.5 : 1.0
            nodes.append((end * exponential(-z * z / 2), exponential(s * z)))
        }
        let w = nodes.reduce(0) { $0 + $1.w }
        let mean = nodes.reduce(0) { $0 + $1.w * $1.x } / w
        return nodes.map { ($0.w / w, $0.x / mean) }
    }

    /// For a log-normal Y with mean 1 and spread s: P(Y > y) and E[Y · 1{Y ≤ y}].
    static func above(_ y: Double, spread s: Double) -> (share: Double, partialMean: Double) {
        if y <= 0 { return (1, 0) }
        if !y.isFinite { return (0, 1) }
        guard s > 0 else { return y < 1 ? (1, 0) : (0, 1) }
        let ly = ln(y)
        return (normalCDF((-ly - s * s / 2) / s), normalCDF((ly - s * s / 2) / s))
    }

    /// Push a pair when the follower's read rate × pull cost exceeds the author's post rate;
    /// an author whose pushes would miss the delivery target is pulled by every follower.
    func pairChoice(_ p: Inputs, tail: Followers, pushLimit: Double) -> PairChoice {
        let n = p["accounts"], a = p.fraction("active_percent"), c = p["pull_cost"]
        let posts = p.perSecond("posts_per_day"), reads = p.perSecond("reads_per_day")
        var cost = 0.0, pushed = 0.0
        for author in Self.logNormalNodes(spread: p["post_spread"]) {
            let rate = posts * author.x
            // An active follower reads at reads ÷ a on average (the idle ones never read).
            let cut = a > 0 && c > 0 && reads > 0 ? rate * a / (c * reads) : (a > 0 && rate == 0 ? 0 : .infinity)
            let (q, partial) = Self.above(cut, spread: p["read_spread"])
            // Per follow edge: pushes to the active followers who read often, merges for the rest.
            let edge = a * rate * q + c * reads * partial
            let largest = a * q > 0 ? pushLimit / (a * q) : .infinity
            let under = tail.mean(below: largest)
            cost += author.w * (under * edge + (tail.mean - under) * c * reads)
            pushed += author.w * under * q
        }
        return PairChoice(cost: n * cost, pushedShare: tail.mean > 0 ? pushed / tail.mean : 0)
    }

    /// The follower distribution these inputs describe.
    static func followers(_ p: Inputs) -> Followers {
        Followers(median: p["median_followers"], start: p["tail_start"], tailShare: p.fraction("tail_percent"),
                  alpha: p["alpha"], max: p["max_followers"])
    }

    public func evaluate(_ p: Inputs) -> Output {
        let tail = Self.followers(p)
        // Thresholds run from one follower (push nobody with any) to the largest account.
        let lo = 1.0, hi = max(tail.tail.hi, lo * 1.0001)
        var notes: [String] = []
        if p["max_followers"] <= p["tail_start"] {
            notes.append("max followers is not above the tail start: the tail runs from \(Format.count(p["tail_start"])) to just above it.")
        }
        if !tail.coherent {
            notes.append("The median (\(Format.count(p["median_followers"]))) is not below the tail start (\(Format.count(p["tail_start"]))): the body is taken to sit at the tail start.")
        }
        let threshold = p["threshold"]
        let here = costs(p, tail: tail, threshold: threshold)
        let active = p.fraction("active_percent")
        // Entries one post's fan-out writes within the target, and the largest account that
        // fits: a post reaches only the active share of its author's followers.
        let pushLimit = p.perSecond("fanout_rate") * p.seconds("delivery_target")
        let limit = active > 0 ? pushLimit / active : .infinity

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
        let pullAll = costs(p, tail: tail, threshold: lo).total
        // No account can be pushed in time (even the smallest misses the target) and pulling
        // every account costs more than now: there is no best to report, only the one way to meet it.
        let noThreshold = best == nil && pullAll > here.total
        let bestT = best?.t ?? lo, bestCost = best?.cost ?? pullAll
        let atLimit = best.map { abs(ln($0.t / min(limit, hi))) < 1e-9 && limit < hi } ?? false
        let marked = noThreshold ? nil : points.indices.min { abs(ln(points[$0].x / bestT)) < abs(ln(points[$1].x / bestT)) }
        // The marked point is the best threshold itself, not its nearest sample.
        if let m = marked { points[m] = .init(x: bestT, y: bestCost) }
        let memory = p.quantity("accounts") * active * p.quantity("timeline_entries") * p.quantity("entry_bytes") * p.quantity("replicas")
        let largestPush = min(max(threshold, lo), hi)
        let largestPushTime = Quantity(largestPush * active, .writes) / p.quantity("fanout_rate")
        let target = p.quantity("delivery_target")
        let posts = p.perSecond("posts_per_day"), reads = p.perSecond("reads_per_day")
        let breakEven: ResultValue = reads > 0
            ? ResultValue("break_even_pull_cost", "push = pull at pull cost", active * posts / reads, .ratio)
            : .undefined("break_even_pull_cost", "push = pull at pull cost", unit: .ratio,
                         because: "nobody reads, so a pull costs nothing at any price and pushing never pays")
        let pair = pairChoice(p, tail: tail, pushLimit: pushLimit)

        if largestPushTime.baseValue > target.baseValue {
            notes.append("The largest pushed account takes \(Format.quantity(largestPushTime)) to deliver, over the \(Format.quantity(target)) target.")
        }
        if noThreshold {
            let smallest = Quantity(lo * active, .writes) / p.quantity("fanout_rate")
            notes.append("No threshold meets the \(Format.quantity(target)) target: even a one-follower account takes \(Format.quantity(smallest)) to push. Only pulling every account meets it, at \(Format.compact(pullAll)) ops/s, more than now.")
        } else if atLimit, breakEven.isDefined {
            let v = breakEven.quantity.value
            notes.append("The best threshold is where the delivery target binds, not a low point of the curve: the cost keeps falling as more accounts are pushed, because a pull costs more than \(Format.compact(v)) of an insert (the break-even).")
        }
        let bestResults: [ResultValue] = noThreshold ? [
            .undefined("best_threshold", "best threshold", unit: .followers,
                       because: "no threshold meets the delivery target: even the smallest account's push is too slow; only pulling every account meets it"),
            .undefined("best_cost", "cost at best", unit: .opsPerSecond, because: "no threshold meets the delivery target"),
            .undefined("cost_vs_best", "cost vs best", unit: .times, because: "no threshold meets the delivery target"),
        ] : [
            ResultValue("best_threshold", atLimit ? "best threshold (delivery limit)" : "best threshold", bestT, .followers),
            ResultValue("best_cost", "cost at best", bestCost, .opsPerSecond),
            bestCost > 0 ? ResultValue("cost_vs_best", "cost vs best", here.total / bestCost, .times)
                : .undefined("cost_vs_best", "cost vs best", unit: .times,
                             because: "the best threshold costs nothing (no reads, or merges are free), so there is no ratio to it"),
        ]
        return Output(results: [
            ResultValue("inserts_per_s", "timeline inserts", here.inserts, .writesPerSecond),
            ResultValue("merges_per_s", "read-time merges", here.merges, .opsPerSecond),
            ResultValue("pushed_accounts_percent", "accounts pushed", Quantity(tail.share(below: threshold), .ratio), in: .percent),
            // The tail's share (at least 0.1 %) of accounts at 2+ followers keeps the mean above zero.
            ResultValue("pulled_edges_percent", "follow edges pulled", Quantity(1 - tail.mean(below: threshold) / tail.mean, .ratio), in: .percent),
            ResultValue("mean_followers", "mean followers", tail.mean, .followers),
            ResultValue("body_spread", "body spread σ", tail.sigma, .ratio),
            ResultValue("follow_edges", "follow edges", p["accounts"] * tail.mean, .count),
            ResultValue("timeline_memory", "timeline memory", memory, in: .bytes),
            ResultValue("largest_push_time", "largest push takes", largestPushTime, in: .seconds),
            ResultValue("cost", "cost, in inserts/s", here.total, .opsPerSecond),
        ] + bestResults + [
            ResultValue("pull_all_cost", "cost, pulling all", pullAll, .opsPerSecond),
            breakEven,
            ResultValue("pair_cost", "cost, per pair", pair.cost, .opsPerSecond),
            ResultValue("pair_pushed_percent", "edges pushed, per pair", Quantity(pair.pushedShare, .ratio), in: .percent),
            bestCost > 0 && !noThreshold ? ResultValue("pair_vs_best", "per pair vs best", pair.cost / bestCost, .times)
                : .undefined("pair_vs_best", "per pair vs best", unit: .times,
                             because: noThreshold ? "no threshold meets the delivery target" : "the best threshold costs nothing, so there is no ratio to it"),
        ], charts: [
            .curve(title: "cost over threshold", xLabel: "followers", yUnit: .opsPerSecond, points: points,
                   marked: marked.map { Chart.Mark($0, atLimit ? "limit" : "best") }, logX: true),
        ], notes: notes)
    }
}
