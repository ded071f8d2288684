/// Two data centres, A and B, cut apart for a while: what AP, CP and quorum
/// replication each do to writes and reads, and what the heal costs.
///
/// - AP (the board's choice) accepts writes on both sides; reads on one side
///   miss the other's writes; keys written on both sides conflict at heal,
///   where last-writer-wins keeps one side's writes and a merge keeps all.
/// - CP keeps the primary in A; B rejects writes and reads while cut off.
/// - quorum places N replicas, ⌈N/2⌉ in A. A strict quorum writes on a side
///   only with ≥ W of the key's home replicas there and reads with ≥ R, so the
///   minority side refuses: consistency chosen over availability (PC). A
///   sloppy quorum (Dynamo's) writes to stand-in nodes on the short side,
///   each write carrying a hint naming its home replica, and hands the writes
///   back after heal: both sides stay writable (PA), and R + W > N no longer
///   means a read overlaps the last write. Outside a partition, a read right after a
///   write is stale with probability at most C(N−W, R) / C(N, R): the chance of
///   missing a write that reached only W replicas, zero when R + W > N. The
///   write goes on to all N, so the real rate has a time axis: the `staleness`
///   calculator simulates it (PBS, Bailis et al., VLDB 2012).
///
/// What a conflict loses depends on what a key is. With one row per post
/// (`storage` rows), a new post has its own ID and never collides: only the
/// share of writes that update an existing value (`update_percent`: a like
/// counter, a profile field, an edit) can meet the other side's update to the
/// same key. With the feed stored as one value (`storage` feed), every post
/// rewrites its feed and last-writer-wins drops the losing side's posts too.
///
/// Writes and reads are Poisson arrivals on uniformly chosen keys, drawn from
/// `seed`. Above 200,000 events the run is a sample: rates and the key space
/// are scaled down together, which keeps collision odds, and counts scaled back.
/// The draw-dependent counts (stale reads, conflicts, losses) are a mean ± s.d.
/// over `runs` runs, seeds `seed` … `seed + runs − 1`: one draw is not a figure.
public struct Partition: Calculator {
    public init() {}
    public let name = "partition"
    public let title = "Partition (CAP)"
    public let summary = "Accepted, rejected and stale operations during a partition, conflicts and convergence after."

    /// AP: both sides keep writing. CP: only the majority side (A) does. quorum: by N, R and W.
    public enum Mode: String, Choice { case ap = "AP", cp = "CP", quorum }
    public static let modes = Mode.names
    /// strict: only a key's home replicas count towards W and R. sloppy: stand-ins with hinted handoff do too.
    public enum Quorum: String, Choice { case strict, sloppy }
    /// rows: a row per post, so only updates to a counter or field collide. feed: each feed is one value.
    public enum Storage: String, Choice { case rows, feed }
    /// Random runs averaged for each draw-dependent count.
    public static let runs = 5
    static let eventBudget = 200_000.0

    /// A data centre's states on the timeline.
    static let accepting = Chart.State("accepting", .ok, .heavyLine)
    static let readOnly = Chart.State("read-only", .degraded, .dashedLine)
    static let cutOff = Chart.State("cut off", .failed, .cross)
    static let syncing = Chart.State("syncing", .degraded, .lightShade)

    public let parameters: [Parameter] = [
        .choice("mode", "mode", Mode.self, default: .ap, help: "AP: both sides write. CP: only A. quorum: by N, R, W."),
        Parameter("partition_s", "partition lasts", unit: .seconds, default: 60, range: 0...86_400, step: 10),
        Parameter("writes_a", "writes in A", unit: .writesPerSecond, default: 50, range: 0...1e6, scale: .logarithmic),
        Parameter("writes_b", "writes in B", unit: .writesPerSecond, default: 50, range: 0...1e6, scale: .logarithmic),
        Parameter("reads_a", "reads in A", unit: .readsPerSecond, default: 500, range: 0...1e7, scale: .logarithmic),
        Parameter("reads_b", "reads in B", unit: .readsPerSecond, default: 500, range: 0...1e7, scale: .logarithmic),
        .choice("storage", "stored as", Storage.self, default: .rows,
                help: "rows: one row per post (a new post never collides) and one value per counter or field. feed: each feed is one value that every post rewrites."),
        Parameter("update_percent", "updates", unit: .percent, default: 20, range: 0...100, step: 5,
                  help: "Share of writes that change an existing value (a like counter, a profile field, an edit) rather than add a post. Our assumption: set your own."),
        Parameter("keys", "keys (feeds)", unit: .keys, default: 10_000, range: 1...1e10, scale: .logarithmic,
                  integral: true, help: "Distinct feeds written and read; under rows, each also carries one value that updates change."),
        Parameter("replication_lag_ms", "replication lag", unit: .milliseconds, default: 100, range: 0...600_000, step: 50),
        Parameter("heal_rate", "replay after heal", unit: .writesPerSecond, default: 1_000, range: 1...1e8,
                  scale: .logarithmic, help: "Writes/s replicated across once the link is back."),
        Parameter("replicas", "replicas N", unit: .replicas, default: 3, range: 1...9, integral: true),
        Parameter("read_quorum", "read quorum R", unit: .replicas, default: 1, range: 1...9, integral: true),
        Parameter("write_quorum", "write quorum W", unit: .replicas, default: 1, range: 1...9, integral: true),
        .choice("quorum", "quorum", Quorum.self, default: .strict,
                help: "strict: a side needs W home replicas, so the minority refuses (PC). sloppy: stand-ins take writes with hints, handed off at heal (Dynamo, PA)."),
        Parameter("seed", "random seed", default: 1, range: 0...1e9, integral: true),
    ]

    static let quorumKeys: Set<String> = ["replicas", "read_quorum", "write_quorum", "quorum"]

    public func visibleParameters(_ inputs: Inputs) -> [Parameter] {
        inputs.choice("mode", as: Mode.self) == .quorum ? parameters : parameters.filter { !Self.quorumKeys.contains($0.key) }
    }

    public func dormantParameters(_ inputs: Inputs) -> (parameters: [Parameter], appliesIn: String)? {
        guard inputs.choice("mode", as: Mode.self) != .quorum else { return nil }
        return (parameters.filter { Self.quorumKeys.contains($0.key) }, "quorum mode")
    }

    struct Side { var canWrite: Bool; var canRead: Bool }

    /// One key's writes on one side: enough to find stale reads and settle conflicts.
    struct KeyWrites {
        var first: Double, last: Double = 0, count = 0, posts = 0
        init(first: Double) { self.first = first }
        mutating func add(_ t: Double, post: Bool) { last = t; count += 1; if post { posts += 1 } }
    }

    /// The counts one random run decides, before scaling back from a sample.
    struct Draw { var stale = 0.0, rejectedReads = 0.0, conflicts = 0.0, lost = 0.0, lostPosts = 0.0, lostAsFeed = 0.0 }

    static func sides(mode: Mode, n: Int, r: Int, w: Int, quorum: Quorum = .strict) -> (Side, Side) {
        switch mode {
        case .cp: return (Side(canWrite: true, canRead: true), Side(canWrite: false, canRead: false))
        case .quorum where quorum == .sloppy:
            // Stand-in nodes on each side make up the count: both sides write and read.
            return (Side(canWrite: true, canRead: true), Side(canWrite: true, canRead: true))
        case .quorum:
            let inA = (n + 1) / 2, inB = n - inA
            return (Side(canWrite: inA >= w, canRead: inA >= r), Side(canWrite: inB >= w, canRead: inB >= r))
        case .ap: return (Side(canWrite: true, canRead: true), Side(canWrite: true, canRead: true))
        }
    }

    /// C(N−W, R) / C(N, R): chance a read quorum misses every replica of a just-committed write.
    public static func staleProbability(n: Int, r: Int, w: Int) -> Double {
        guard r + w <= n, r <= n else { return 0 }
        return binomial(n - w, r) / binomial(n, r)
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result
    }

    /// One random run: arrivals, the reads they make stale, and what last-writer-wins drops at heal.
    static func draw(seed: UInt64, window: Double, sample: Double, keys: Double, rates: [Double], updateShare: Double,
                     storage: Storage, a: Side, b: Side) -> Draw {
        var random = SeededRandom(seed: seed)

        // Writes: per side and key, the first and last arrival and how many (all writes, and updates alone).
        // A side that cannot write only counts its refused writes: no per-key record is needed.
        func writes(rate: Double, accepted: Bool) -> (all: [Int: KeyWrites], updates: [Int: KeyWrites]) {
            var all: [Int: KeyWrites] = [:], updates: [Int: KeyWrites] = [:]
            guard rate > 0, window > 0 else { return (all, updates) }
            if accepted { all.reserveCapacity(Int(min(rate * sample * window, keys))) }
            var t = random.gap(rate: rate * sample)
            while t < window {
                let key = Int(random.unit() * keys)
                let post = random.unit() >= updateShare
                if accepted {
                    all[key, default: KeyWrites(first: t)].add(t, post: post)
                    if !post { updates[key, default: KeyWrites(first: t)].add(t, post: false) }
                }
                t += random.gap(rate: rate * sample)
            }
            return (all, updates)
        }
        let writesA = writes(rate: rates[0], accepted: a.canWrite)
        let writesB = writes(rate: rates[1], accepted: b.canWrite)

        // Reads: stale when the other side accepted a write to the key (a post or an update) earlier in the partition.
        var draw = Draw()
        func reads(rate: Double, side: Side, other: [Int: KeyWrites], otherWrites: Bool) {
            guard rate > 0, window > 0 else { return }
            var t = random.gap(rate: rate * sample)
            while t < window {
                let key = Int(random.unit() * keys)
                if !side.canRead { draw.rejectedReads += 1 } else if otherWrites, let first = other[key]?.first, first < t { draw.stale += 1 }
                t += random.gap(rate: rate * sample)
            }
        }
        reads(rate: rates[2], side: a, other: writesB.all, otherWrites: b.canWrite)
        reads(rate: rates[3], side: b, other: writesA.all, otherWrites: a.canWrite)

        // Heal: keys written on both sides conflict; last-writer-wins keeps the later side's value.
        guard a.canWrite, b.canWrite else { return draw }
        func settle(_ x: [Int: KeyWrites], _ y: [Int: KeyWrites]) -> (conflicts: Double, lost: Double, posts: Double) {
            var conflicts = 0.0, lost = 0.0, posts = 0.0
            for (key, a) in x {
                guard let b = y[key] else { continue }
                conflicts += 1
                let loser = a.last > b.last ? b : a
                lost += Double(loser.count)
                posts += Double(loser.posts)
            }
            return (conflicts, lost, posts)
        }
        let asFeed = settle(writesA.all, writesB.all)
        draw.lostAsFeed = asFeed.lost
        switch storage {
        case .feed:
            (draw.conflicts, draw.lost, draw.lostPosts) = asFeed
        case .rows:
            // Posts are rows of their own; only updates to the same value collide.
            (draw.conflicts, draw.lost, draw.lostPosts) = settle(writesA.updates, writesB.updates)
        }
        return draw
    }

    /// Quorums larger than the replica count act only in quorum mode.
    public func overridden(_ p: Inputs) -> String? {
        guard p.choice("mode", as: Mode.self) == .quorum else { return nil }
        return Self.quorumsAboveN(n: Int(p["replicas"]), r: Int(p["read_quorum"]), w: Int(p["write_quorum"]))
    }

    /// The note for R or W above N, which both quorum models run as R, W = N.
    static func quorumsAboveN(n: Int, r: Int, w: Int) -> String? {
        guard r > n || w > n else { return nil }
        return "R and W cannot exceed N: using R = \(min(r, n)), W = \(min(w, n)) of N = \(n)."
    }

    public func evaluate(_ p: Inputs) -> Output {
        let mode = p.choice("mode", as: Mode.self), n = Int(p["replicas"])
        let r = min(Int(p["read_quorum"]), n), w = min(Int(p["write_quorum"]), n)
        let quorum = p.choice("quorum", as: Quorum.self)
        let sloppy = mode == .quorum && quorum == .sloppy
        let (a, b) = Self.sides(mode: mode, n: n, r: r, w: w, quorum: quorum)
        // Under a sloppy quorum, a side's writes beyond its home replicas wait on stand-ins as hints.
        let homeA = (n + 1) / 2, homeB = n - homeA
        // The simulation runs in seconds and events per second, whatever units the parameters use.
        let window = p.seconds("partition_s")
        let writeRateA = p.perSecond("writes_a"), writeRateB = p.perSecond("writes_b")
        let rates = [writeRateA, writeRateB, p.perSecond("reads_a"), p.perSecond("reads_b")]
        let expected = rates.reduce(0, +) * window
        let sample = expected > Self.eventBudget ? Self.eventBudget / expected : 1
        let keys = max(1, (p["keys"] * sample).rounded())
        let updateShare = p.fraction("update_percent")
        let storage = p.choice("storage", as: Storage.self)
        let draws = (0..<Self.runs).map { run in
            Self.draw(seed: UInt64(p["seed"]) + UInt64(run), window: window, sample: sample, keys: keys, rates: rates,
                      updateShare: updateShare, storage: storage, a: a, b: b)
        }
        let scale = 1 / sample
        // Write counts are expectations (rate × window): exact figures to reason with.
        // The draw above decides only which keys collide and which reads are stale.
        let issuedA = writeRateA * window, issuedB = writeRateB * window
        let acceptedA = a.canWrite ? issuedA : 0, acceptedB = b.canWrite ? issuedB : 0
        let rejectedA = issuedA - acceptedA, rejectedB = issuedB - acceptedB
        let backlog = acceptedA + acceptedB
        let hinted = sloppy ? (homeA < w ? acceptedA : 0) + (homeB < w ? acceptedB : 0) : 0
        let converge = window > 0 ? p.seconds("replication_lag_ms") + backlog / p.perSecond("heal_rate") : 0
        let issued = issuedA + issuedB

        var notes: [String] = []
        if sample < 1 { notes.append("Sampled 1 in \(Format.count((1 / sample).rounded())) events; counts scaled back.") }
        notes.append("Stale reads, conflicts and losses: mean ± s.d. over \(Self.runs) runs (seeds \(Format.count(p["seed"])) to \(Format.count(p["seed"] + Double(Self.runs - 1)))).")
        if mode == .quorum, !a.canWrite, !b.canWrite { notes.append("Neither side holds W replicas: no write is accepted.") }
        if let overridden = overridden(p) { notes.append(overridden) }
        if mode == .quorum, r + w > n, !sloppy { notes.append("R + W > N: reads always overlap the latest write.") }
        if sloppy {
            notes.append("Sloppy quorum: a side short of W home replicas writes to stand-ins with hints, handed off after heal. Both sides stay writable (PA), and R + W > N no longer promises that a read overlaps the last write.")
        } else if mode == .quorum, !a.canWrite || !b.canWrite {
            notes.append("Strict quorum: the side without W home replicas refuses writes, choosing consistency over availability (PC).")
        }
        if mode == .cp {
            notes.append("CP keeps the primary's side (A) writable, as a third-site witness or a leader lease allows; with two sites and majority votes both sides would refuse.")
        }
        func state(_ s: Side) -> Chart.State { s.canWrite ? Self.accepting : (s.canRead ? Self.readOnly : Self.cutOff) }
        let total = window + converge
        return Output(results: [
            ResultValue("a.accepted", "A: writes accepted", acceptedA, .writes),
            ResultValue("a.rejected", "A: writes rejected", rejectedA, .writes),
            ResultValue("b.accepted", "B: writes accepted", acceptedB, .writes),
            ResultValue("b.rejected", "B: writes rejected", rejectedB, .writes),
            ResultValue("writes.issued", "writes issued", issued, .writes),
            ResultValue("writes.accepted", "writes accepted", acceptedA + acceptedB, .writes),
            ResultValue("writes.rejected", "writes rejected", rejectedA + rejectedB, .writes),
            .mean("reads.stale", "stale reads", of: draws.map { $0.stale * scale }, .reads),
            ResultValue("reads.rejected", "reads refused", (draws.map(\.rejectedReads).reduce(0, +) / Double(draws.count)) * scale, .reads),
            .mean("conflicts", "keys in conflict", of: draws.map { $0.conflicts * scale }, .keys),
            .mean("lww.lost", "lost to last-writer-wins", of: draws.map { $0.lost * scale }, .writes),
            .mean("lww.lost_posts", "posts among them", of: draws.map { $0.lostPosts * scale }, .writes),
            ResultValue("merge.lost", "lost with a merge (CRDT)", 0, .writes),
            ResultValue("converge_time", "agree again after heal", converge, .seconds),
            ResultValue("pbs.stale_probability",
                        mode == .quorum && !sloppy ? "stale at commit, at most (C(N−W,R)/C(N,R))"
                            : mode == .cp ? "stale after a committed write" : "other DC, right after a write: stale",
                        Quantity(mode == .quorum && !sloppy ? Self.staleProbability(n: n, r: r, w: w) : (mode == .cp ? 0 : 1), .ratio), in: .percent),
        ] + (storage == .rows ? [.mean("lww.lost_as_feed", "lost if each feed were one value", of: draws.map { $0.lostAsFeed * scale }, .writes)] : [])
          + (mode == .quorum ? [ResultValue("hinted", "held as hints, handed off at heal", hinted, .writes)] : []), tables: [
            ResultTable(rows: [.init("a", "A"), .init("b", "B"), .init("writes", "writes")],
                        columns: [.init("accepted", "accepted"), .init("rejected", "rejected")]),
        ], charts: [
            .timeline(title: "partition, then heal", duration: max(total, 0.001), lanes: [
                .init("DC A", [.init(0, window, state(a)), .init(window, total, Self.syncing)]),
                .init("DC B", [.init(0, window, state(b)), .init(window, total, Self.syncing)]),
            ]),
        ], notes: notes)
    }
}
