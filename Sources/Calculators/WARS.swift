/// One one-way message latency of the WARS model, in milliseconds: a mixture
/// of a Pareto body and an exponential tail, as the PBS paper fits production
/// latencies (Bailis et al., VLDB 2012, table of distribution fits).
///
/// With probability `paretoShare` a draw is Pareto(x_m, α), otherwise
/// exponential with the given mean (1/λ). A share of 0 is a plain exponential.
public struct LatencyMix: Hashable, Sendable {
    public let paretoShare: Double
    public let xm: Double
    public let alpha: Double
    public let exponentialMean: Double

    public init(paretoShare: Double, xm: Double, alpha: Double, exponentialMean: Double) {
        self.paretoShare = min(max(paretoShare, 0), 1)
        self.xm = xm
        self.alpha = alpha
        self.exponentialMean = exponentialMean
    }

    /// The paper's notation: share of the Pareto body, x_m, α, and the exponential's rate λ (per ms).
    public static func pareto(_ share: Double, xm: Double, alpha: Double, lambda: Double) -> LatencyMix {
        LatencyMix(paretoShare: share, xm: xm, alpha: alpha, exponentialMean: 1 / lambda)
    }

    public static func exponential(mean: Double) -> LatencyMix {
        LatencyMix(paretoShare: 0, xm: 0, alpha: 1, exponentialMean: mean)
    }

    /// Mean latency in ms (infinite for a Pareto body with α ≤ 1).
    public var mean: Double {
        let body = paretoShare == 0 ? 0 : (alpha > 1 ? paretoShare * alpha * xm / (alpha - 1) : .infinity)
        return body + (1 - paretoShare) * exponentialMean
    }
}

/// A latency model for the four WARS delays: W (write to a replica), and
/// A = R = S (ack, read request, read response) drawn from one mixture, as the
/// paper assumes for every production fit.
public struct WARSFit: Hashable, Sendable {
    public let write: LatencyMix
    public let ars: LatencyMix

    public init(write: LatencyMix, ars: LatencyMix) {
        self.write = write
        self.ars = ars
    }

    // The fits as the paper's table prints them and as the authors' Monte Carlo
    // simulator (nrw_solver/src/Simulator.java in pbs-vldb-historical-paper-material)
    // draws them. They agree except for Yammer's write shape: 3.35 in the table,
    // 3.5 in the simulator that produced the published t-visibility figures.

    /// LinkedIn Voldemort on SSDs: W = A = R = S, 91.22 % Pareto(0.235, 10), 8.78 % exponential λ = 1.66.
    public static let linkedInSSD = WARSFit(write: ssdOneWay, ars: ssdOneWay)
    /// LinkedIn Voldemort on spinning disks: W is 38 % Pareto(1.05, 1.51), 62 % exponential λ = 0.183; A = R = S as on SSDs.
    public static let linkedInDisk = WARSFit(write: .pareto(0.38, xm: 1.05, alpha: 1.51, lambda: 0.183), ars: ssdOneWay)
    /// Yammer Riak, as simulated: W is 93.9 % Pareto(3, 3.5), 6.1 % exponential λ = 0.0028;
    /// A = R = S 98.2 % Pareto(1.5, 3.8), 1.8 % exponential λ = 0.0217.
    public static let yammer = WARSFit(write: .pareto(0.939, xm: 3, alpha: 3.5, lambda: 0.0028), ars: yammerARS)
    /// Yammer with the write shape the paper's table prints (α = 3.35).
    public static let yammerTable = WARSFit(write: .pareto(0.939, xm: 3, alpha: 3.35, lambda: 0.0028), ars: yammerARS)

    static let ssdOneWay = LatencyMix.pareto(0.9122, xm: 0.235, alpha: 10, lambda: 1.66)
    static let yammerARS = LatencyMix.pareto(0.982, xm: 1.5, alpha: 3.8, lambda: 0.0217)
}

/// Counts of positive values in log-spaced bins, read straight off the bits of
/// a Double: 2^subBits bins per power of two, from 2^-16 to 2^24 ms. Adding a
/// value is a clamp, a shift and an increment: no logarithm, no branch, no allocation.
struct LogScale: Sendable {
    let shift: UInt64
    let base: Int
    let count: Int
    static let lowest = 0x1p-16
    static let highest = 0x1p24

    init(subBits: Int) {
        shift = UInt64(52 - subBits)
        base = Int(Self.lowest.bitPattern >> shift)
        count = Int(Self.highest.bitPattern >> shift) - base
    }

    /// The bin of `x`; values at or below `lowest` share the first, values at or above `highest` the last.
    @inline(__always) func index(_ x: Double) -> Int {
        let clamped = min(max(x, Self.lowest), Self.highest.nextDown)
        return Int(truncatingIfNeeded: clamped.bitPattern >> shift) &- base
    }

    /// The values bin `i` holds: [lower, upper).
    func bounds(_ i: Int) -> (Double, Double) {
        let lower = Double(bitPattern: UInt64(i + base) << shift)
        let upper = Double(bitPattern: UInt64(i + base + 1) << shift)
        return (i == 0 ? 0 : lower, upper)
    }
}

/// Latencies and waits: 128 bins per power of two (each under 0.8 % wide).
enum LogBins {
    static let scale = LogScale(subBits: 7)
    static var count: Int { scale.count }
    @inline(__always) static func index(_ x: Double) -> Int { scale.index(x) }
    static func bounds(_ i: Int) -> (Double, Double) { scale.bounds(i) }
}

/// A sorting network for `n` values: Batcher's odd-even merge sort as a list of
/// compare-exchange pairs (lower index first). Every trial sorts N write and N
/// read latencies; a fixed sequence of min/max steps has no data-dependent
/// branch to mispredict, where an insertion sort of 10 random values has a
/// dozen (at N = 10 they cost more than drawing the 40 delays).
struct SortingNetwork {
    let pairs: [(Int, Int)]

    init(_ n: Int) {
        var pairs: [(Int, Int)] = []
        var p = 1
        while p < n {
            var k = p
            while k >= 1 {
                var j = k % p
                while j < n - k {
                    for i in 0..<min(k, n - j - k) where (i + j) / (2 * p) == (i + j + k) / (2 * p) {
                        pairs.append((i + j, i + j + k))
                    }
                    j += 2 * k
                }
                k /= 2
            }
            p *= 2
        }
        self.pairs = pairs
    }

    /// Sorts `keys[0..<n]` ascending.
    @inline(__always) func sort(_ keys: UnsafeMutablePointer<Double>) {
        for (i, j) in pairs {
            let a = keys[i], b = keys[j]
            keys[i] = min(a, b)
            keys[j] = max(a, b)
        }
    }


    /// Sorts `keys[0..<n]` ascending with the index of each key's replica kept in its
    /// lowest 4 bits (`tagged`): positive Doubles order as their bit patterns, so the
    /// tag moves with its key and min/max stay branch-free. A 4-bit tag changes a key
    /// by at most 15 units in the last place, 2·10⁻¹⁵ of its value.
    @inline(__always) static func tagged(_ x: Double, _ i: Int) -> Double {
        Double(bitPattern: (x.bitPattern & ~0xF) | UInt64(truncatingIfNeeded: i))
    }

    @inline(__always) static func tag(_ x: Double) -> Int { Int(truncatingIfNeeded: x.bitPattern & 0xF) }
}

/// Monte Carlo of the WARS model for one fit and N replicas: every trial draws
/// W, A, R, S for each replica once and reads off every (R, W) configuration
/// from the same draws, so the chart of all configurations costs one pass.
///
/// A write goes to all N replicas and commits when the W-th ack returns
/// (time w_t = W-th smallest W_i + A_i). A read sent t ms after commit reaches
/// replica i at w_t + t + R_i and is answered by the R replicas with the
/// smallest R_i + S_i; it is consistent if one of them had the write by then
/// (W_i ≤ w_t + t + R_i). So each trial has a waiting time
/// max(0, min over the R responders of W_i − w_t − R_i): the read is
/// consistent at every t at or past it. Strict quorums (R + W > N) always wait 0.
///
/// Speed: a trial is 4N draws, two sorting networks and one binned count per
/// partial quorum, all without branches on the data; 200K trials at N = 3
/// take about 15 ms in a release build (Benchmarks/README.md).
public struct WARSSimulation: Sendable {
    public let n: Int
    public let trials: Int
    /// Reads at `t` after commit that were consistent, for the chosen (R, W).
    public let consistentAtT: Int
    let r: Int, w: Int
    /// Per (R, W) with R + W ≤ N, in `configurations` order: trials waiting 0.
    let zeroWaits: [Int]
    /// One flat array: per configuration a block of `waitStride` slots (slot 0
    /// counts waits of 0, the rest are `LogBins` of positive waits), then write
    /// latency bins for W = 1…N, then read latency bins for R = 1…N.
    let bins: [UInt32]
    public let configurations: [(r: Int, w: Int)]
    static let waitStride = LogBins.count + 1

    public init(fit: WARSFit, n: Int, r: Int, w: Int, t: Double, trials: Int, seed: UInt64) {
        precondition(n >= 1 && n <= 16 && (1...n).contains(r) && (1...n).contains(w) && trials >= 1)
        self.n = n
        self.r = r
        self.w = w
        self.trials = trials
        var configurations: [(r: Int, w: Int)] = []
        for cw in 1..<max(1, n) { for cr in 1...(n - cw) { configurations.append((cr, cw)) } }
        self.configurations = configurations
        let configs = configurations.count
        let nb = LogBins.count, stride = Self.waitStride
        let writeBase = configs * stride, readBase = writeBase + n * nb
        var bins = [UInt32](repeating: 0, count: readBase + n * nb)
        var consistent = 0
        var random = SeededRandom(seed: seed)
        let wMix = Sampler(fit.write), arsMix = Sampler(fit.ars)
        let network = SortingNetwork(n)
        defer { wMix.release(); arsMix.release() }

        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * n) { scratch in
            let base = scratch.baseAddress!
            // Per replica: W_i + A_i (sorted: the W-th is the commit), R_i + S_i tagged with
            // the replica (sorted: the order answers arrive in), and W_i − R_i.
            let writeLatency = base, readLatency = base + n, lead = base + 2 * n, prefix = base + 3 * n
            bins.withUnsafeMutableBufferPointer { bins in
                let bins = bins.baseAddress!, writeBins = bins + writeBase, readBins = bins + readBase
                for _ in 0..<trials {
                    for i in 0..<n {
                        let wi = wMix.draw(&random), ai = arsMix.draw(&random)
                        let ri = arsMix.draw(&random), si = arsMix.draw(&random)
                        writeLatency[i] = wi + ai
                        readLatency[i] = SortingNetwork.tagged(ri + si, i)
                        lead[i] = wi - ri
                    }
                    network.sort(writeLatency)
                    network.sort(readLatency)
                    // prefix[q]: the earliest the write is visible among the first q + 1 responders.
                    var earliest = Double.infinity
                    for q in 0..<n {
                        writeBins[q &* nb &+ LogBins.index(writeLatency[q])] &+= 1
                        readBins[q &* nb &+ LogBins.index(readLatency[q])] &+= 1
                        earliest = min(earliest, lead[SortingNetwork.tag(readLatency[q])])
                        prefix[q] = earliest
                    }
                    // The chosen configuration, counted exactly at t.
                    consistent &+= prefix[r - 1] - writeLatency[w - 1] <= t ? 1 : 0
                    // Every partial quorum, for the curve and the latency/staleness chart.
                    var block = bins
                    for cw in 1..<max(1, n) {
                        let commit = writeLatency[cw - 1]
                        for q in 0..<(n - cw) {
                            let wait = prefix[q] - commit
                            let slot = 1 &+ LogBins.index(wait)
                            block[wait <= 0 ? 0 : slot] &+= 1
                            block += stride
                        }
                    }
                }
            }
        }
        consistentAtT = consistent
        self.zeroWaits = (0..<configs).map { Int(bins[$0 * stride]) }
        self.bins = bins
    }

    /// Share of reads consistent at `t` after commit, for the chosen (R, W).
    public var consistentShare: Double { Double(consistentAtT) / Double(trials) }

    /// Index of (r, w) among the partial-quorum configurations, nil for a strict quorum.
    func configuration(r: Int, w: Int) -> Int? { configurations.firstIndex { $0.r == r && $0.w == w } }

    /// The waiting time (ms after commit) by which a share `p` of reads is consistent, for (r, w).
    public func visibility(_ p: Double, r: Int, w: Int) -> Double {
        guard let c = configuration(r: r, w: w) else { return 0 }
        let needed = p * Double(trials)
        if Double(zeroWaits[c]) >= needed { return 0 }
        return quantile(rank: needed - Double(zeroWaits[c]), offset: c * Self.waitStride + 1, LogBins.scale)
    }

    /// Share of reads consistent by `t` ms after commit, for (r, w), read off the bins.
    public func consistent(at t: Double, r: Int, w: Int) -> Double {
        guard let c = configuration(r: r, w: w) else { return 1 }
        var count = Double(zeroWaits[c])
        if t > 0 {
            let offset = c * Self.waitStride + 1, last = LogBins.index(t)
            for i in 0..<last { count += Double(bins[offset + i]) }
            let (lo, hi) = LogBins.bounds(last)
            count += Double(bins[offset + last]) * min(1, max(0, (t - lo) / (hi - lo)))
        }
        return count / Double(trials)
    }

    /// Write latency (commit at the W-th ack) at quantile `p`, in ms.
    public func writeLatency(_ p: Double, w: Int) -> Double {
        quantile(rank: p * Double(trials), offset: configurations.count * Self.waitStride + (w - 1) * LogBins.count, LogBins.scale)
    }

    /// Read latency (the R-th response) at quantile `p`, in ms.
    public func readLatency(_ p: Double, r: Int) -> Double {
        quantile(rank: p * Double(trials), offset: configurations.count * Self.waitStride + (n + r - 1) * LogBins.count, LogBins.scale)
    }

    /// The value below which `rank` of the counts in one block of bins fall, interpolated within its bin.
    func quantile(rank: Double, offset: Int, _ scale: LogScale) -> Double {
        var seen = 0.0
        for i in 0..<scale.count {
            let c = Double(bins[offset + i])
            if c > 0, seen + c >= rank {
                let (lo, hi) = scale.bounds(i)
                return lo + (hi - lo) * max(0, min(1, (rank - seen) / c))
            }
            seen += c
        }
        return LogScale.highest
    }
}

/// Draws from a `LatencyMix` with one uniform: the uniform picks the component
/// and, rescaled, drives that component's inverse CDF (−mean·ln v for the
/// exponential, x_m·v^(−1/α) for the Pareto).
///
/// Both inverse CDFs come from tables instead of `log` and `exp`: the exact
/// value at the edges of 128 bins per power of two of v, from 2^−32 to 1, and
/// a straight line between them (within 3·10⁻⁵ of the exact value, far inside
/// the Monte Carlo error). Below 2^−32, one draw in four billion, the formula
/// is used. A sampler owns its tables; `release()` frees them.
struct Sampler {
    static let shift = UInt64(52 - 7)
    static let lowest = 0x1p-32
    static let base = Int(lowest.bitPattern >> shift)
    static let count = Int((1.0).bitPattern >> shift) - base + 1

    let exponentialShare: Double
    let mix: LatencyMix
    /// Both tables in one allocation, the Pareto's first: per bin the value at its lower
    /// edge, then the slope across it (interleaved).
    let tables: UnsafeMutablePointer<Double>
    /// Per component (0 Pareto, 1 exponential): where its share of u starts, and 1 / its share.
    let rescale: UnsafeMutablePointer<Double>
    var paretoTable: UnsafeMutablePointer<Double> { tables }
    var exponentialTable: UnsafeMutablePointer<Double> { tables + 2 * Self.count }

    init(_ mix: LatencyMix) {
        self.mix = mix
        exponentialShare = 1 - mix.paretoShare
        tables = .allocate(capacity: 4 * Self.count)
        Self.fill(tables) { v in mix.xm * power(v, -1 / mix.alpha) }
        Self.fill(tables + 2 * Self.count) { v in -mix.exponentialMean * ln(v) }
        rescale = .allocate(capacity: 4)
        rescale[0] = exponentialShare
        rescale[1] = mix.paretoShare > 0 ? 1 / mix.paretoShare : 0
        rescale[2] = 0
        rescale[3] = exponentialShare > 0 ? 1 / exponentialShare : 0
    }

    func release() {
        tables.deallocate()
        rescale.deallocate()
    }

    static func fill(_ table: UnsafeMutablePointer<Double>, _ f: (Double) -> Double) {
        var lower = lowest, fLower = f(lowest)
        for i in 0..<count {
            let upper = Double(bitPattern: UInt64(i + base + 1) << shift)
            let fUpper = i == count - 1 ? fLower : f(upper)
            table[2 * i] = fLower
            table[2 * i + 1] = i == count - 1 ? 0 : (fUpper - fLower) / (upper - lower)
            lower = upper
            fLower = fUpper
        }
    }

    @inline(__always) static func lookup(_ table: UnsafeMutablePointer<Double>, _ v: Double) -> Double {
        let bits = v.bitPattern >> shift
        let i = Int(truncatingIfNeeded: bits) &- base
        let lower = Double(bitPattern: bits << shift)
        return table[2 &* i] + (v - lower) * table[2 &* i &+ 1]
    }

    @inline(__always) func draw(_ random: inout SeededRandom) -> Double {
        // Uniform in (0, 1]: never 0, so the inverse CDFs stay finite. The component is an
        // index into `rescale` and `tables`, not a branch: a 38/62 mixture would mispredict often.
        let u = Double((random.next() >> 11) &+ 1) * 0x1p-53
        let k = u <= exponentialShare ? 1 : 0
        let v = min(1, (u - rescale[2 &* k]) * rescale[2 &* k &+ 1])
        if v < Self.lowest { return tail(v, exponential: k == 1) }
        return Self.lookup(tables + 2 &* Self.count &* k, v)
    }

    /// The formulas themselves, below the tables' range (one draw in four billion).
    @inline(never) func tail(_ v: Double, exponential: Bool) -> Double {
        exponential ? -mix.exponentialMean * ln(max(v, 0x1p-60)) : mix.xm * power(max(v, 0x1p-60), -1 / mix.alpha)
    }
}
