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
/// a Double: 128 bins per power of two (each under 0.8 % wide), from 2^-16 to
/// 2^24 ms. Adding a value is a shift and an increment: no logarithm, no allocation.
struct LogBins {
    static let subBits = 7
    static let shift = UInt64(52 - subBits)
    static let lowest = 0x1p-16
    static let highest = 0x1p24
    static let base = Int(lowest.bitPattern >> shift)
    static let count = Int(highest.bitPattern >> shift) - base

    @inline(__always) static func index(_ x: Double) -> Int {
        if x <= lowest { return 0 }
        if x >= highest { return count - 1 }
        return Int(x.bitPattern >> shift) - base
    }

    /// The values bin `i` holds: [lower, upper).
    static func bounds(_ i: Int) -> (Double, Double) {
        let lower = Double(bitPattern: UInt64(i + base) << shift)
        let upper = Double(bitPattern: UInt64(i + base + 1) << shift)
        return (i == 0 ? 0 : lower, upper)
    }
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
public struct WARSSimulation: Sendable {
    public let n: Int
    public let trials: Int
    /// Reads at `t` after commit that were consistent, for the chosen (R, W).
    public let consistentAtT: Int
    let r: Int, w: Int
    /// Per (R, W) with R + W ≤ N, in `configurations` order: trials waiting 0, and bins of the positive waits.
    let zeroWaits: [Int]
    /// One flat array: wait bins per configuration, then write latency bins for W = 1…N, then read latency for R = 1…N.
    let bins: [UInt32]
    public let configurations: [(r: Int, w: Int)]

    public init(fit: WARSFit, n: Int, r: Int, w: Int, t: Double, trials: Int, seed: UInt64) {
        precondition(n >= 1 && (1...n).contains(r) && (1...n).contains(w) && trials >= 1)
        self.n = n
        self.r = r
        self.w = w
        self.trials = trials
        var configurations: [(r: Int, w: Int)] = []
        for cw in 1..<max(1, n) { for cr in 1...(n - cw) { configurations.append((cr, cw)) } }
        self.configurations = configurations
        let configs = configurations.count
        let nb = LogBins.count
        let writeBase = configs * nb, readBase = writeBase + n * nb
        var bins = [UInt32](repeating: 0, count: readBase + n * nb)
        var zeroWaits = [Int](repeating: 0, count: configs)
        var consistent = 0
        var random = SeededRandom(seed: seed)
        let wMix = Sampler(fit.write), arsMix = Sampler(fit.ars)
        defer { wMix.release(); arsMix.release() }

        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * n) { scratch in
            let base = scratch.baseAddress!
            let toReplica = base, readRequest = base + n, writeLatency = base + 2 * n, readLatency = base + 3 * n
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { orderBuffer in
                let order = orderBuffer.baseAddress!
                bins.withUnsafeMutableBufferPointer { bins in
                    zeroWaits.withUnsafeMutableBufferPointer { zeroWaits in
                        for _ in 0..<trials {
                            for i in 0..<n {
                                let wi = wMix.draw(&random), ai = arsMix.draw(&random)
                                let ri = arsMix.draw(&random), si = arsMix.draw(&random)
                                toReplica[i] = wi
                                readRequest[i] = ri
                                writeLatency[i] = wi + ai
                                readLatency[i] = ri + si
                                order[i] = i
                            }
                            // Insertion sorts: N is small. Write latencies in place; reads by index.
                            for i in 1..<max(1, n) {
                                let x = writeLatency[i]
                                var j = i - 1
                                while j >= 0, writeLatency[j] > x { writeLatency[j + 1] = writeLatency[j]; j -= 1 }
                                writeLatency[j + 1] = x
                                let k = order[i], y = readLatency[k]
                                j = i - 1
                                while j >= 0, readLatency[order[j]] > y { order[j + 1] = order[j]; j -= 1 }
                                order[j + 1] = k
                            }
                            for q in 0..<n {
                                bins[writeBase + q * nb + LogBins.index(writeLatency[q])] &+= 1
                                bins[readBase + q * nb + LogBins.index(readLatency[order[q]])] &+= 1
                            }
                            // The chosen configuration, counted exactly at t.
                            let commit = writeLatency[w - 1]
                            var wait = Double.infinity
                            for q in 0..<r {
                                let i = order[q]
                                wait = min(wait, toReplica[i] - commit - readRequest[i])
                            }
                            if wait <= t { consistent += 1 }
                            // Every partial quorum, for the curve and the latency/staleness chart.
                            var c = 0
                            for cw in 1..<max(1, n) {
                                let commit = writeLatency[cw - 1]
                                var wait = Double.infinity
                                for q in 0..<(n - cw) {
                                    let i = order[q]
                                    wait = min(wait, toReplica[i] - commit - readRequest[i])
                                    if wait <= 0 { zeroWaits[c] += 1 } else { bins[c * nb + LogBins.index(wait)] &+= 1 }
                                    c += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        consistentAtT = consistent
        self.bins = bins
        self.zeroWaits = zeroWaits
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
        return quantile(rank: needed - Double(zeroWaits[c]), offset: c * LogBins.count)
    }

    /// Share of reads consistent by `t` ms after commit, for (r, w), read off the bins.
    public func consistent(at t: Double, r: Int, w: Int) -> Double {
        guard let c = configuration(r: r, w: w) else { return 1 }
        var count = Double(zeroWaits[c])
        if t > 0 {
            let offset = c * LogBins.count, last = LogBins.index(t)
            for i in 0..<last { count += Double(bins[offset + i]) }
            let (lo, hi) = LogBins.bounds(last)
            count += Double(bins[offset + last]) * min(1, max(0, (t - lo) / (hi - lo)))
        }
        return count / Double(trials)
    }

    /// Write latency (commit at the W-th ack) at quantile `p`, in ms.
    public func writeLatency(_ p: Double, w: Int) -> Double {
        quantile(rank: p * Double(trials), offset: (configurations.count + w - 1) * LogBins.count)
    }

    /// Read latency (the R-th response) at quantile `p`, in ms.
    public func readLatency(_ p: Double, r: Int) -> Double {
        quantile(rank: p * Double(trials), offset: (configurations.count + n + r - 1) * LogBins.count)
    }

    /// The value below which `rank` of the counts in one block of bins fall, interpolated within its bin.
    func quantile(rank: Double, offset: Int) -> Double {
        var seen = 0.0
        for i in 0..<LogBins.count {
            let c = Double(bins[offset + i])
            if c > 0, seen + c >= rank {
                let (lo, hi) = LogBins.bounds(i)
                return lo + (hi - lo) * max(0, min(1, (rank - seen) / c))
            }
            seen += c
        }
        return LogBins.highest
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
    let exponentialScale: Double, paretoScale: Double
    let mix: LatencyMix
    /// Per table: value at the bin's lower edge, then the slope across the bin (interleaved).
    let exponentialTable: UnsafeMutablePointer<Double>
    let paretoTable: UnsafeMutablePointer<Double>

    init(_ mix: LatencyMix) {
        self.mix = mix
        exponentialShare = 1 - mix.paretoShare
        exponentialScale = exponentialShare > 0 ? 1 / exponentialShare : 0
        paretoScale = mix.paretoShare > 0 ? 1 / mix.paretoShare : 0
        exponentialTable = Self.table { v in -mix.exponentialMean * ln(v) }
        paretoTable = Self.table { v in mix.xm * power(v, -1 / mix.alpha) }
    }

    func release() {
        exponentialTable.deallocate()
        paretoTable.deallocate()
    }

    static func table(_ f: (Double) -> Double) -> UnsafeMutablePointer<Double> {
        let table = UnsafeMutablePointer<Double>.allocate(capacity: 2 * count)
        var lower = lowest, fLower = f(lowest)
        for i in 0..<count {
            let upper = Double(bitPattern: UInt64(i + base + 1) << shift)
            let fUpper = i == count - 1 ? fLower : f(upper)
            table[2 * i] = fLower
            table[2 * i + 1] = i == count - 1 ? 0 : (fUpper - fLower) / (upper - lower)
            lower = upper
            fLower = fUpper
        }
        return table
    }

    @inline(__always) static func lookup(_ table: UnsafeMutablePointer<Double>, _ v: Double) -> Double {
        let bits = v.bitPattern >> shift
        let i = Int(bits) - base
        let lower = Double(bitPattern: bits << shift)
        return table[2 * i] + (v - lower) * table[2 * i + 1]
    }

    @inline(__always) func draw(_ random: inout SeededRandom) -> Double {
        // Uniform in (0, 1]: never 0, so the inverse CDFs stay finite.
        let u = Double((random.next() >> 11) &+ 1) * 0x1p-53
        if u <= exponentialShare {
            let v = min(1, u * exponentialScale)
            return v >= Self.lowest ? Self.lookup(exponentialTable, v) : -mix.exponentialMean * ln(max(v, 0x1p-60))
        }
        let v = min(1, (u - exponentialShare) * paretoScale)
        return v >= Self.lowest ? Self.lookup(paretoTable, v) : mix.xm * power(max(v, 0x1p-60), -1 / mix.alpha)
    }
}
