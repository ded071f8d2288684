@testable import Calculators
import Testing

/// PBS t-visibility (Bailis et al., VLDB 2012) by Monte Carlo of WARS, checked
/// against the figures the paper publishes. Seeds are fixed; at 200K trials one
/// standard error is at most 0.11 points, so a 1-point tolerance is 9 of them.
@Suite struct StalenessTests {
    func consistent(_ fit: String, t: Double = 0, r: Double = 1, w: Double = 1, trials: Double = 200_000) throws -> Double {
        let calculator = Staleness()
        var inputs = try calculator.inputs(setting: ["n": 3, "r": r, "w": w, "t_ms": t, "trials": trials, "seed": 42])
        try inputs.set("fit", try calculator.parameter("fit")!.parse(fit))
        return calculator.evaluate(inputs).v("consistent_percent")
    }

    // MARK: The paper's headline figures (N = 3, R = W = 1)

    @Test func linkedInSSDRightAfterCommit() throws {
        #expect(abs(try consistent("lnkd-ssd") - 97.4) <= 1)
    }

    @Test func linkedInDiskRightAfterCommit() throws {
        #expect(abs(try consistent("lnkd-disk") - 43.9) <= 1)
    }

    @Test func yammerRightAfterCommit() throws {
        #expect(abs(try consistent("ymmr") - 89.3) <= 1)
    }

    @Test func linkedInDiskTenMillisecondsLater() throws {
        #expect(abs(try consistent("lnkd-disk", t: 10) - 92.5) <= 1)
    }

    @Test func theTablesYammerWriteShapeIsSlightlyStaler() throws {
        // α 3.35 (the table) has a heavier write tail than the simulator's 3.5.
        let table = try consistent("ymmr-table"), simulated = try consistent("ymmr")
        #expect(table < simulated - 0.3)
        #expect(abs(table - 88.7) <= 1)
    }

    @Test func exponentialSweepOfThePaper() throws {
        // W λ = 0.1 (mean 10 ms) against A = R = S λ = 1: 41 % at commit, 99.9 % after about 65 ms.
        let out = try run(Staleness(), ["fit": 4, "seed": 3])
        #expect(abs(out.v("consistent_percent") - 41) <= 1.5)
        #expect(abs(out.v("t_999_ms") - 65) <= 7)
        // W λ = 4 (mean 0.25 ms): 94 %, and 99.9 % within about a millisecond.
        let fast = try run(Staleness(), ["fit": 4, "w_mean_ms": 0.25, "seed": 3])
        #expect(abs(fast.v("consistent_percent") - 94) <= 1)
        #expect(fast.v("t_999_ms") < 1.3)
    }

    // MARK: Latencies (the paper's table of 99.9th percentiles, N = 3)

    @Test func latencyPercentilesMatchThePaper() throws {
        let ssd = try run(Staleness(), ["fit": 0])
        #expect(abs(ssd.v("read_p999_ms") - 0.66) <= 0.02)
        #expect(abs(ssd.v("write_p999_ms") - 0.66) <= 0.02)
        #expect(abs(ssd.v("write_p50_ms") - 0.489) <= 0.005)     // "median .489 ms"
        let disk = try run(Staleness(), ["fit": 1])
        #expect(abs(disk.v("write_p50_ms") - 1.50) <= 0.03)      // "median 1.50 ms"
        #expect(abs(disk.v("write_p999_ms") - 10.99) / 10.99 <= 0.04)
        let diskR2 = try run(Staleness(), ["fit": 1, "r": 2])
        #expect(abs(diskR2.v("read_p999_ms") - 1.63) <= 0.05)
        #expect(abs(diskR2.v("t_999_ms") - 13.6) <= 1.5)
        let yammer = try run(Staleness(), ["fit": 2])
        #expect(abs(yammer.v("read_p999_ms") - 5.58) <= 0.15)
        #expect(abs(yammer.v("write_p999_ms") - 10.83) <= 0.4)
        // R = 2, W = 1 against the fastest strict quorum (R = 3, W = 1): about 81 % less latency.
        let yammerR2 = try run(Staleness(), ["fit": 2, "r": 2])
        #expect(abs(yammerR2.v("read_p999_ms") - 32.6) / 32.6 <= 0.05)
        let saved = 1 - yammerR2.v("latency_p999_ms") / yammerR2.v("strict_latency_p999_ms")
        #expect(abs(saved - 0.811) <= 0.03)
    }

    @Test func tVisibilityAgreesWithAnIndependentSimulation() throws {
        // Reference: a NumPy re-implementation of the same model, 10^6 trials (ssd 1.97, disk 53.7,
        // Yammer 1,470 ms). The paper's table prints 1.85, 45.5 and 1,364 ms from sweeps of 50K
        // trials per 1 ms step, which read the first step that crosses 99.9 %.
        let ssd = try run(Staleness(), ["fit": 0]).v("t_999_ms")
        let disk = try run(Staleness(), ["fit": 1]).v("t_999_ms")
        let yammer = try run(Staleness(), ["fit": 2]).v("t_999_ms")
        #expect(abs(ssd / 1.97 - 1) <= 0.08)
        #expect(abs(disk / 53.7 - 1) <= 0.08)
        #expect(abs(yammer / 1_470 - 1) <= 0.08)
    }

    // MARK: The model's own laws

    @Test func strictQuorumsAreNeverStale() throws {
        for (r, w) in [(2.0, 2.0), (1, 3), (3, 1)] {
            let out = try run(Staleness(), ["fit": 1, "r": r, "w": w, "trials": 20_000])
            #expect(out.v("consistent_percent") == 100)
            #expect(out.v("t_999_ms") == 0)
            #expect(out.v("stale_bound_percent") == 0)
            #expect(out.v("k_999") == 1)
            #expect(out.notes.contains { $0.hasPrefix("R + W > N") })
        }
    }

    @Test func theClosedFormIsAnUpperBoundOnStaleness() throws {
        for fit in [0.0, 1, 2, 3] {
            let out = try run(Staleness(), ["fit": fit, "trials": 50_000])
            #expect(100 - out.v("consistent_percent") <= out.v("stale_bound_percent"))
            #expect(close(out.v("stale_bound_percent"), 200.0 / 3))
        }
    }

    @Test func consistencyGrowsWithTimeAndAgreesWithTheCurve() throws {
        var previous = -1.0
        for t in [0.0, 1, 2, 5, 10, 20, 50, 100] {
            let out = try run(Staleness(), ["fit": 1, "t_ms": t, "trials": 50_000, "seed": 9])
            let p = out.v("consistent_percent")
            #expect(p >= previous)
            previous = p
            guard case let .curve(_, _, _, points, _, _) = out.charts[0] else { Issue.record("no curve"); return }
            #expect(zip(points, points.dropFirst()).allSatisfy { $0.y <= $1.y })
            #expect(points.first?.x == 0)
            // The curve comes from binned waits; at t it agrees with the exact count closely.
            let sim = WARSSimulation(fit: .linkedInDisk, n: 3, r: 1, w: 1, t: t, trials: 50_000, seed: 9)
            #expect(abs(sim.consistent(at: t, r: 1, w: 1) * 100 - p) <= 0.2)
        }
        #expect(previous > 99.9)
    }

    @Test func moreReplicasAtROneWOneAreStaler() throws {
        // The paper: LinkedIn disk, 57.5 % with 2 replicas, 21.1 % with 10, right after commit.
        let two = try run(Staleness(), ["fit": 1, "n": 2]).v("consistent_percent")
        let ten = try run(Staleness(), ["fit": 1, "n": 10, "trials": 100_000]).v("consistent_percent")
        #expect(abs(two - 57.5) <= 1)
        #expect(abs(ten - 21.1) <= 1)
    }

    @Test func kStalenessFromTheClosedForm() {
        // N = 3, R = W = 1: within 2 versions 5/9, within 10 more than 98 %; 99.9 % needs 18.
        let p = Partition.staleProbability(n: 3, r: 1, w: 1)
        #expect(close(1 - p * p, 5.0 / 9))
        #expect(1 - power(p, 10) > 0.98)
        #expect(Staleness.versionsFor999(staleProbability: p) == 18)
        #expect(Staleness.versionsFor999(staleProbability: 1.0 / 3) == 7)
        #expect(Staleness.versionsFor999(staleProbability: 0) == 1)
        #expect(Staleness.versionsFor999(staleProbability: 0.001) == 1)
    }

    @Test func latencyAgainstStalenessForEveryPartialQuorum() throws {
        let out = try run(Staleness(), ["fit": 2, "trials": 50_000])
        guard case let .curve(_, _, _, points, marked, _) = out.charts[1] else { Issue.record("no trade-off chart"); return }
        #expect(Set(points.map(\.label)) == ["R=1 W=1", "R=2 W=1", "R=1 W=2"])
        #expect(marked == nil)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.y <= $1.y })
        // Nine replicas have 36 partial quorums: bars rather than a scatter of rows.
        let wide = try run(Staleness(), ["fit": 0, "n": 9, "trials": 5_000])
        guard case let .bars(_, bars) = wide.charts[1] else { Issue.record("no bars"); return }
        #expect(bars.count == 36)
    }

    @Test func aStrictQuorumIsPCNotPA() throws {
        // The CAP lesson: N = 3, R = W = 2 cannot keep both sides writable; the minority refuses (PC).
        let out = try run(Partition(), ["mode": 2, "read_quorum": 2, "write_quorum": 2])
        #expect(out.v("b.accepted") == 0)
        #expect(out.v("b.rejected") == 50 * 60)
        #expect(out.v("a.rejected") == 0)
        #expect(out.v("conflicts") == 0)
    }

    // MARK: Inputs

    @Test func choicesByNameAndHiddenParameters() throws {
        let fit = try #require(Staleness().parameter("fit"))
        #expect(try fit.parse("lnkd-ssd") == 0)
        #expect(try fit.parse("ymmr-table") == 3)
        #expect(throws: ParameterError.self) { try fit.parse("wan") }
        let keys = { (f: Double) in Staleness().visibleParameters(try Staleness().inputs(setting: ["fit": f])).map(\.key) }
        #expect(try keys(1) == ["fit", "n", "r", "w", "t_ms", "trials", "seed"])
        #expect(try keys(4).contains("w_mean_ms"))
        #expect(try !keys(4).contains("w_alpha"))
        #expect(try keys(5).contains("ars_alpha"))
    }

    @Test func quorumsLargerThanNAreClampedWithANote() throws {
        let out = try run(Staleness(), ["n": 2, "r": 3, "w": 1, "trials": 5_000])
        #expect(out.notes.contains("R and W cannot exceed N: using R = 2, W = 1 of N = 2."))
        #expect(out.v("consistent_percent") == 100)
    }

    @Test func customAtItsDefaultsIsLinkedInDisk() throws {
        let custom = try run(Staleness(), ["fit": 5, "trials": 50_000])
        let disk = try run(Staleness(), ["fit": 1, "trials": 50_000])
        #expect(abs(custom.v("consistent_percent") - disk.v("consistent_percent")) < 0.05)
        #expect(abs(custom.v("write_p99_ms") / disk.v("write_p99_ms") - 1) < 0.001)
    }

    @Test func sameSeedSameRunOtherSeedOtherRun() throws {
        let one = try run(Staleness(), ["seed": 5, "trials": 20_000])
        #expect(one == (try run(Staleness(), ["seed": 5, "trials": 20_000])))
        #expect(try run(Staleness(), ["seed": 6, "trials": 20_000]).v("consistent_percent") != one.v("consistent_percent"))
    }

    @Test func heavyCustomTailsStayFinite() throws {
        let out = try run(Staleness(), ["fit": 5, "w_alpha": 0.1, "w_pareto_percent": 100, "w_xm_ms": 100_000, "trials": 5_000])
        #expect(out.results.allSatisfy { $0.quantity.value.isFinite })
    }

    // MARK: Sampling and binning

    @Test func tabulatedInverseCDFsMatchTheFormulas() {
        let mix = LatencyMix.pareto(0.38, xm: 1.05, alpha: 1.51, lambda: 0.183)
        let sampler = Sampler(mix)
        defer { sampler.release() }
        var v = 0x1p-32
        while v <= 1 {
            let e = Sampler.lookup(sampler.exponentialTable, v), exact = -mix.exponentialMean * ln(v)
            #expect(abs(e - exact) <= 1e-4 * max(1, exact))
            let pareto = Sampler.lookup(sampler.paretoTable, v), paretoExact = mix.xm * power(v, -1 / mix.alpha)
            #expect(abs(pareto - paretoExact) <= 1e-4 * paretoExact)
            v *= 1.37
        }
    }

    @Test func drawsHaveTheMixturesMean() {
        let mix = LatencyMix.pareto(0.9122, xm: 0.235, alpha: 10, lambda: 1.66)
        let sampler = Sampler(mix)
        defer { sampler.release() }
        var random = SeededRandom(seed: 11)
        var sum = 0.0
        let count = 400_000
        for _ in 0..<count { sum += sampler.draw(&random) }
        #expect(abs(sum / Double(count) / mix.mean - 1) < 0.01)
    }

    @Test func theSortingNetworksSortEveryInput() {
        // The 0-1 principle: a comparator network that sorts every sequence of 0s and 1s sorts everything.
        for n in 1...10 {
            let network = SortingNetwork(n)
            let keys = UnsafeMutablePointer<Double>.allocate(capacity: n)
            defer { keys.deallocate() }
            for bits in 0..<(1 << n) {
                for i in 0..<n { keys[i] = Double((bits >> i) & 1) }
                network.sort(keys)
                #expect((1..<max(1, n)).allSatisfy { keys[$0 - 1] <= keys[$0] }, "n = \(n), input \(bits)")
            }
        }
        #expect(SortingNetwork(10).pairs.count == 32)      // Batcher: 32 steps, against 45 for a bubble sort
    }

    @Test func taggedKeysSortWithTheirReplica() {
        let network = SortingNetwork(5)
        let latencies = [3.5, 0.25, 7, 0.25, 1e-3]
        let keys = UnsafeMutablePointer<Double>.allocate(capacity: 5)
        defer { keys.deallocate() }
        for (i, x) in latencies.enumerated() { keys[i] = SortingNetwork.tagged(x, i) }
        network.sort(keys)
        #expect((0..<5).map { SortingNetwork.tag(keys[$0]) } == [4, 1, 3, 0, 2])
        #expect((0..<5).allSatisfy { abs(keys[$0] - latencies[SortingNetwork.tag(keys[$0])]) <= 1e-14 * latencies[SortingNetwork.tag(keys[$0])] })
    }

    @Test func largeNRunsFewerTrialsAndSaysSo() throws {
        let three = try run(Staleness(), ["fit": 1, "n": 3, "trials": 200_000])
        #expect(!three.notes.contains { $0.hasPrefix("Ran ") })
        let ten = try run(Staleness(), ["fit": 1, "n": 10])
        #expect(ten.notes.contains("Ran 60,000 of 200,000 trials: at N = 10 a run is capped at 600,000 replica draws so edits stay live."))
        #expect(ten.notes.contains { $0.contains("60,000 trials") && $0.hasPrefix("± ") })
        #expect(abs(ten.v("consistent_percent") - 21.1) <= 1)
    }

    @Test func logBinsHoldTheirValues() {
        var previous = -1
        for x in [1e-6, 0x1p-16, 0.001, 0.5, 1, 1.37, 1_000, 0x1p24 - 1, 1e9] {
            let i = LogBins.index(x)
            #expect(i >= previous && i < LogBins.count)
            previous = i
            let (lo, hi) = LogBins.bounds(i)
            if x > 0x1p-16, x < 0x1p24 {
                #expect(lo <= x && x < hi)
                #expect((hi - lo) / lo < 0.008)
            }
        }
    }
}
