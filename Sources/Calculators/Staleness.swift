/// How stale a read is right after a write, as Probabilistically Bounded
/// Staleness measures it (Bailis et al., "Probabilistically Bounded Staleness
/// for Practical Partial Quorums", VLDB 2012): t-visibility by Monte Carlo of
/// the WARS model, with the latency fits the paper published.
///
/// The closed form C(N−W, R) / C(N, R) is the chance that a read quorum
/// misses a write that reached only W replicas: an upper bound, since the
/// write keeps spreading to the other N − W while the read is on its way.
/// The simulation has the time axis the bound lacks.
public struct Staleness: Calculator {
    public init() {}
    public let name = "staleness"
    public let title = "Staleness after a write (PBS)"
    public let summary = "Chance a read t ms after a write commits sees it, for N, R, W and published latency fits."

    /// The latency fits: LinkedIn's SSD and disk, Yammer's (as simulated and as tabled), an exponential, your own.
    public enum Fit: String, Choice {
        case linkedInSSD = "lnkd-ssd", linkedInDisk = "lnkd-disk", yammer = "ymmr", yammerTable = "ymmr-table"
        case exponential, custom
    }
    public static let fits = Fit.names
    static let exponentialKeys: Set<String> = ["w_mean_ms", "ars_mean_ms"]
    static let customKeys: Set<String> = [
        "w_pareto_percent", "w_xm_ms", "w_alpha", "w_exp_mean_ms",
        "ars_pareto_percent", "ars_xm_ms", "ars_alpha", "ars_exp_mean_ms",
    ]

    public let parameters: [Parameter] = [
        .choice("fit", "latency fit", Fit.self, default: .linkedInDisk,
                help: "Published fits (LinkedIn Voldemort SSD and disk, Yammer Riak), an exponential, or your own mixture."),
        Parameter("n", "replicas N", unit: .replicas, default: 3, range: 1...10, integral: true),
        Parameter("r", "read quorum R", unit: .replicas, default: 1, range: 1...10, integral: true,
                  help: "Responses a read waits for."),
        Parameter("w", "write quorum W", unit: .replicas, default: 1, range: 1...10, integral: true,
                  help: "Acks a write waits for before it commits."),
        Parameter("t_ms", "read after commit", unit: .milliseconds, default: 0, range: 0...100_000, step: 1,
                  scale: .logarithmic, help: "How long after the write commits the read is sent."),
        Parameter("trials", "trials", default: 200_000, range: 1_000...1_000_000, scale: .logarithmic, integral: true,
                  help: "Simulated writes, each followed by one read (standard error ≈ 0.1 point at 200K); at most 600K / N."),
        Parameter("seed", "random seed", default: 1, range: 0...1e9, integral: true),
        // exponential: the paper's synthetic sweep, W λ = 0.1 against A = R = S λ = 1.
        Parameter("w_mean_ms", "W mean", unit: .milliseconds, default: 10, range: 0.001...100_000, scale: .logarithmic,
                  help: "Exponential write delay to a replica, mean 1/λ."),
        Parameter("ars_mean_ms", "A=R=S mean", unit: .milliseconds, default: 1, range: 0.001...100_000, scale: .logarithmic,
                  help: "Exponential ack, read-request and response delays, mean 1/λ."),
        // custom: a Pareto body with an exponential tail for W and for A = R = S (starts at LinkedIn disk).
        Parameter("w_pareto_percent", "W Pareto share", unit: .percent, default: 38, range: 0...100, step: 1),
        Parameter("w_xm_ms", "W Pareto x_m", unit: .milliseconds, default: 1.05, range: 0.001...100_000, scale: .logarithmic),
        Parameter("w_alpha", "W Pareto α", unit: .ratio, default: 1.51, range: 0.1...100, step: 0.05),
        Parameter("w_exp_mean_ms", "W exponential mean", unit: .milliseconds, default: 1 / 0.183, range: 0.001...100_000,
                  scale: .logarithmic),
        Parameter("ars_pareto_percent", "A=R=S Pareto share", unit: .percent, default: 91.22, range: 0...100, step: 1),
        Parameter("ars_xm_ms", "A=R=S Pareto x_m", unit: .milliseconds, default: 0.235, range: 0.001...100_000,
                  scale: .logarithmic),
        Parameter("ars_alpha", "A=R=S Pareto α", unit: .ratio, default: 10, range: 0.1...100, step: 0.05),
        Parameter("ars_exp_mean_ms", "A=R=S exponential mean", unit: .milliseconds, default: 1 / 1.66,
                  range: 0.001...100_000, scale: .logarithmic),
    ]

    public func dormantParameters(_ inputs: Inputs) -> (parameters: [Parameter], appliesIn: String)? {
        guard inputs.choice("fit", as: Fit.self) != .exponential else { return nil }
        return (parameters.filter { Self.exponentialKeys.contains($0.key) }, "the exponential fit")
    }

    public func visibleParameters(_ inputs: Inputs) -> [Parameter] {
        let fit = inputs.choice("fit", as: Fit.self)
        return parameters.filter {
            (fit == .exponential || !Self.exponentialKeys.contains($0.key)) && (fit == .custom || !Self.customKeys.contains($0.key))
        }
    }

    /// The fit a choice names, with the sentence that says where it comes from.
    static func fit(_ p: Inputs) -> (WARSFit, String) {
        switch p.choice("fit", as: Fit.self) {
        case .linkedInSSD: return (.linkedInSSD, "LinkedIn SSD: W = A = R = S, 91.22 % Pareto(0.235 ms, α 10), 8.78 % exponential (λ 1.66/ms).")
        case .yammer: return (.yammer, "Yammer: W 93.9 % Pareto(3 ms, α 3.5, as the authors' simulator draws it; the table prints 3.35), 6.1 % exponential (λ 0.0028/ms); A = R = S 98.2 % Pareto(1.5 ms, α 3.8), 1.8 % exponential (λ 0.0217/ms).")
        case .yammerTable: return (.yammerTable, "Yammer, table: W 93.9 % Pareto(3 ms, α 3.35), 6.1 % exponential (λ 0.0028/ms); A = R = S as in ymmr.")
        case .exponential:
            return (WARSFit(write: .exponential(mean: p["w_mean_ms"]), ars: .exponential(mean: p["ars_mean_ms"])),
                    "Exponential delays: W mean \(Format.count(p["w_mean_ms"])) ms, A = R = S mean \(Format.count(p["ars_mean_ms"])) ms.")
        case .custom:
            let write = LatencyMix(paretoShare: p["w_pareto_percent"] / 100, xm: p["w_xm_ms"], alpha: p["w_alpha"],
                                   exponentialMean: p["w_exp_mean_ms"])
            let ars = LatencyMix(paretoShare: p["ars_pareto_percent"] / 100, xm: p["ars_xm_ms"], alpha: p["ars_alpha"],
                                 exponentialMean: p["ars_exp_mean_ms"])
            return (WARSFit(write: write, ars: ars), "Custom mixture of a Pareto body and an exponential tail.")
        case .linkedInDisk: return (.linkedInDisk, "LinkedIn disk: W 38 % Pareto(1.05 ms, α 1.51), 62 % exponential (λ 0.183/ms); A = R = S as on SSDs.")
        }
    }

    /// Replica draws (trials × N) one evaluation may make: 200K trials up to N = 3, fewer
    /// beyond (60K at N = 10), so that a run stays near 50 ms in a release build and editing R or W stays
    /// live (Benchmarks/README.md). The standard error in the notes says what that costs.
    static let replicaDrawBudget = 600_000
    static let trialsFloor = 1_000

    /// Versions a read may lag so that 99.9 % of reads are within them, by the
    /// closed form: p_sk = (C(N−W, R) / C(N, R))^k (non-expanding quorums, an upper bound).
    public static func versionsFor999(staleProbability p: Double) -> Double {
        guard p > 0 else { return 1 }
        guard p < 1 else { return .infinity }
        return (ln(0.001) / ln(p) - 1e-9).rounded(.up)
    }

    public func overridden(_ p: Inputs) -> String? {
        Partition.quorumsAboveN(n: Int(p["n"]), r: Int(p["r"]), w: Int(p["w"]))
    }

    public func evaluate(_ p: Inputs) -> Output {
        let n = Int(p["n"])
        let r = min(Int(p["r"]), n), w = min(Int(p["w"]), n)
        let t = p["t_ms"], asked = Int(p["trials"])
        let trials = min(asked, max(Self.trialsFloor, Self.replicaDrawBudget / n))
        let (fit, source) = Self.fit(p)
        let sim = WARSSimulation(fit: fit, n: n, r: r, w: w, t: t, trials: trials, seed: UInt64(p["seed"]))
        let consistent = sim.consistentShare
        let t999 = sim.visibility(0.999, r: r, w: w)
        let bound = Partition.staleProbability(n: n, r: r, w: w)
        let writeP = [0.5, 0.99, 0.999].map { sim.writeLatency($0, w: w) }
        let readP = [0.5, 0.99, 0.999].map { sim.readLatency($0, r: r) }

        // The cheapest strict quorum at the tail, to price consistency (PACELC's "else").
        var strict = Double.infinity, strictLabel = ""
        for sw in 1...n {
            for sr in 1...n where sr + sw > n {
                let latency = sim.readLatency(0.999, r: sr) + sim.writeLatency(0.999, w: sw)
                if latency < strict { strict = latency; strictLabel = "R=\(sr) W=\(sw)" }
            }
        }

        var notes = [source]
        if trials < asked {
            notes.append("Ran \(Format.count(Double(trials))) of \(Format.count(Double(asked))) trials: at N = \(n) a run is capped at \(Format.count(Double(Self.replicaDrawBudget))) replica draws so edits stay live.")
        }
        if let overridden = overridden(p) { notes.append(overridden) }
        if r + w > n {
            notes.append("R + W > N: every read quorum overlaps the write quorum, so no read is stale.")
        } else {
            let se = (consistent * (1 - consistent) / Double(trials)).squareRoot() * 100
            notes.append("± \(Format.significant(max(se, 0.001), digits: 2)) points (one standard error, \(Format.count(Double(trials))) trials); the closed form assumes the write stops at W replicas.")
        }

        let results = [
            ResultValue("consistent_percent", "reads consistent at t (simulated)", consistent * 100, .percent),
            ResultValue("stale_percent", "reads stale at t (simulated)", (1 - consistent) * 100, .percent),
            ResultValue("t_999_ms", "t for 99.9 % consistent reads", t999, .milliseconds),
            ResultValue("stale_bound_percent", "stale at commit, at most (closed form)", bound * 100, .percent),
            ResultValue("k_999", "k: versions behind, 99.9 % of reads (bound)",
                        Self.versionsFor999(staleProbability: bound), .count),
            ResultValue("write_p50_ms", "write latency p50", writeP[0], .milliseconds),
            ResultValue("write_p99_ms", "write latency p99", writeP[1], .milliseconds),
            ResultValue("write_p999_ms", "write latency p99.9", writeP[2], .milliseconds),
            ResultValue("read_p50_ms", "read latency p50", readP[0], .milliseconds),
            ResultValue("read_p99_ms", "read latency p99", readP[1], .milliseconds),
            ResultValue("read_p999_ms", "read latency p99.9", readP[2], .milliseconds),
            ResultValue("latency_p999_ms", "read + write latency p99.9", readP[2] + writeP[2], .milliseconds),
            ResultValue("strict_latency_p999_ms", "strict quorum \(strictLabel), read + write p99.9", strict, .milliseconds),
        ]
        return Output(results: results, charts: [curve(sim, r: r, w: w, t: t, t999: t999), tradeOff(sim)], notes: notes)
    }

    /// P(consistent) against the time since commit, for the chosen R and W.
    func curve(_ sim: WARSSimulation, r: Int, w: Int, t: Double, t999: Double) -> Chart {
        let span = max(t999 * 1.5, t * 1.25, 0.01)
        let count = 48
        let points = (0..<count).map { i -> Chart.Point in
            let x = span * Double(i) / Double(count - 1)
            return Chart.Point(x: x, y: sim.consistent(at: x, r: r, w: w) * 100)
        }
        return .curve(title: "consistent reads, R=\(r) W=\(w) (%)", xLabel: "ms after commit", yUnit: .percent,
                      points: points, marked: nil, logX: false)
    }

    /// For each partial quorum (R + W ≤ N): the wait for 99.9 % consistency against the p99.9 latency paid.
    func tradeOff(_ sim: WARSSimulation) -> Chart {
        let rows = sim.configurations.map { c in
            (label: "R=\(c.r) W=\(c.w)", t: sim.visibility(0.999, r: c.r, w: c.w),
             latency: sim.readLatency(0.999, r: c.r) + sim.writeLatency(0.999, w: c.w))
        }.sorted { $0.latency < $1.latency }
        let title = "p99.9 read + write latency vs t for 99.9 % consistent"
        if rows.count <= 8 {
            return .curve(title: title, xLabel: "ms to 99.9 %", yUnit: .milliseconds,
                          points: rows.map { Chart.Point(x: $0.t, y: $0.latency, label: $0.label) }, marked: nil, logX: false)
        }
        return .bars(title: "t for 99.9 % consistent, by R/W (fastest first)",
                     bars: rows.map { Chart.Bar($0.label, Quantity($0.t, .milliseconds)) })
    }
}
