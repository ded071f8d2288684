@testable import Calculators
import PropertyBased
import Testing

/// Invariants that must hold for any parameters, not just the worked examples.
@Suite struct PropertyTests {
    @Test func moreFollowersNeverMeansFewerPushWrites() async {
        await propertyCheck(input: Gen.double(in: 1...1e9), Gen.double(in: 1...1e9)) { a, b in
            let lo = min(a, b).rounded(), hi = max(a, b).rounded()
            let small = try run(FanOut(), ["followers": lo]), large = try run(FanOut(), ["followers": hi])
            #expect(large.v("push.writes") >= small.v("push.writes"))
            #expect(large.v("hybrid.writes") >= small.v("hybrid.writes"))
            #expect(large.v("push.storage") >= small.v("push.storage"))
        }
    }

    @Test func aHigherPriceNeverCostsLess() async {
        await propertyCheck(input: Gen.double(in: 0...1), Gen.double(in: 0...1), Gen.double(in: 0...1)) { p, q, share in
            let lo = min(p, q), hi = max(p, q)
            for key in ["hot_price", "warm_price", "cold_price"] {
                let cheap = try run(StorageTiers(), [key: lo, "hot_percent": share * 50]),
                    dear = try run(StorageTiers(), [key: hi, "hot_percent": share * 50])
                #expect(dear.v("tiered.monthly") >= cheap.v("tiered.monthly"))
                #expect(dear.v("all_hot.monthly") >= cheap.v("all_hot.monthly"))
            }
            let cdnCheap = try run(CDNCost(), ["origin_price": lo]), cdnDear = try run(CDNCost(), ["origin_price": hi])
            #expect(cdnDear.v("no_cdn.total") >= cdnCheap.v("no_cdn.total"))
            let billCheap = try run(MonthlyBill(), ["redis": lo * 1e6]), billDear = try run(MonthlyBill(), ["redis": hi * 1e6])
            #expect(billDear.v("total.monthly") >= billCheap.v("total.monthly"))
        }
    }

    @Test func aRankingIsAPermutationSortedByPriority() async {
        let score = Gen.int(in: 1...10)
        await propertyCheck(input: Gen.int(in: 1...5), score.array(of: 15...15)) { count, scores in
            var overrides: [String: Double] = ["items": Double(count)]
            for i in 0..<5 {
                overrides["d\(i + 1).impact"] = Double(scores[i * 3])
                overrides["d\(i + 1).risk"] = Double(scores[i * 3 + 1])
                overrides["d\(i + 1).effort"] = Double(scores[i * 3 + 2])
            }
            let out = try run(DebtPrioritizer(), overrides)
            let ranks = (1...count).map { Int(out.v("d\($0).rank")) }
            #expect(ranks.sorted() == Array(1...count))
            let byRank = (1...count).sorted { out.v("d\($0).rank") < out.v("d\($1).rank") }
            let priorities = byRank.map { out.v("d\($0).priority") }
            #expect(priorities == priorities.sorted(by: >))
        }
    }

    @Test func cpNeverAcceptsOnTheCutOffSideAndApNeverRejects() async {
        await propertyCheck(input: Gen.double(in: 0...500), Gen.double(in: 0...500), Gen.double(in: 0...120),
                            Gen.int(in: 0...1_000)) { wa, wb, window, seed in
            let common: [String: Double] = ["writes_a": wa, "writes_b": wb, "partition_s": window, "seed": Double(seed)]
            let cp = try run(Partition(), common.merging(["mode": 1]) { $1 })
            #expect(cp.v("b.accepted") == 0)
            #expect(cp.v("a.rejected") == 0)
            let ap = try run(Partition(), common.merging(["mode": 0]) { $1 })
            #expect(ap.v("writes.rejected") == 0)
            for out in [cp, ap] {
                #expect(close(out.v("writes.accepted") + out.v("writes.rejected"), out.v("writes.issued")))
                #expect(close(out.v("a.accepted") + out.v("a.rejected") + out.v("b.accepted") + out.v("b.rejected"),
                              out.v("writes.issued")))
            }
        }
    }

    @Test func quorumAcceptedPlusRejectedIsIssued() async {
        await propertyCheck(input: Gen.int(in: 1...9), Gen.int(in: 1...9), Gen.int(in: 1...9)) { n, r, w in
            let out = try run(Partition(), ["mode": 2, "replicas": Double(n), "read_quorum": Double(r),
                                            "write_quorum": Double(w), "partition_s": 20])
            #expect(close(out.v("writes.accepted") + out.v("writes.rejected"), out.v("writes.issued")))
            let p = out.v("pbs.stale_probability")
            #expect(p >= 0 && p <= 100)
        }
    }

    @Test func anUndefinedResultSaysWhyAndHasNoValue() throws {
        let fanout = try run(FanOut(), ["active_percent": 0])
        let saving = try #require(fanout["hybrid.write_saving"])
        #expect(saving.undefined == "no active followers: hybrid pushes nothing, so there is no ratio")
        #expect(saving.display == "n/a")
        #expect(fanout.value("hybrid.write_saving") == nil)
        #expect(fanout.value("push.writes") == 1_000_000)

        let cache = try run(CacheTiers(), ["full_latency": 500])
        #expect(cache["full.per_ms"]?.undefined == "full cache is no faster than no cache: it saves no latency")
        #expect(cache["partial_to_full.per_ms"]?.undefined == "full cache is no faster than 80/20 cache: no extra ms to price")
        if case let .bars(_, bars) = cache.charts[1] { #expect(bars.map(\.label) == ["80/20 cache", "minimal cache"]) }

        let claim = Claim(id: "c", text: "full cache costs $11.11 per ms", resultKey: "full.per_ms",
                          stated: Quantity(11.11, .dollarsPerMillisecond))
        let check = claim.evaluate(cache)
        #expect(!check.holds && check.computed == nil)
        #expect(check.reason == "the calculator has no value here: full cache is no faster than no cache: it saves no latency")

        let calm = try run(CircuitBreaker(), ["failure_percent": 0])
        #expect(calm["first_open"]?.undefined == "the breaker never opened")
    }

    /// Parameters that only set a simulation's precision, not what it computes: held at their
    /// minimum except when they are the one at an end, so a debug run stays quick.
    static let precisionOnly: Set<String> = ["staleness.trials"]

    /// Input sets for the finiteness check: every parameter alone at its minimum and at its
    /// maximum (the others at defaults), then seeded random combinations of all of them
    /// (log-uniform on logarithmic parameters).
    static func edgeAndRandomInputs(_ calculator: any Calculator, combinations: Int = 40) -> [(String, Inputs)] {
        var base = calculator.defaults
        for p in calculator.parameters where precisionOnly.contains("\(calculator.name).\(p.key)") {
            base.setClamped(p.key, p.range.lowerBound)
        }
        var sets: [(String, Inputs)] = [("defaults", calculator.defaults)]
        for p in calculator.parameters {
            for (end, value) in [("min", p.range.lowerBound), ("max", p.range.upperBound)] {
                var inputs = base
                inputs.setClamped(p.key, value)
                sets.append(("\(p.key) at \(end)", inputs))
            }
        }
        var random = SeededRandom(seed: 2026)
        for i in 0..<combinations {
            var inputs = base
            for p in calculator.parameters where !precisionOnly.contains("\(calculator.name).\(p.key)") {
                inputs.setClamped(p.key, p.value(atFraction: random.unit()))
            }
            sets.append(("random #\(i)", inputs))
        }
        return sets
    }

    /// Every result of every calculator is a finite number, or is explicitly undefined with a
    /// reason, at each parameter's range ends and at random combinations; no read of an
    /// undeclared key on the way.
    @Test(arguments: Registry.names)
    func everyResultIsFiniteOrExplicitlyUndefined(_ name: String) throws {
        let calculator = try #require(Registry.named(name))
        for (label, inputs) in Self.edgeAndRandomInputs(calculator) {
            var output = Output()
            let reads = ReadLog.collecting { output = calculator.evaluate(inputs) }
            #expect(reads.isEmpty, "\(name) at \(label): \(reads.map(\.description).joined(separator: "; "))")
            for r in output.results {
                if let reason = r.undefined {
                    #expect(!reason.isEmpty, "\(name) \(r.key) at \(label): undefined without a reason")
                    #expect(output.value(r.key) == nil, "\(name) \(r.key) at \(label): undefined but has a value")
                } else {
                    #expect(r.quantity.value.isFinite, "\(name) \(r.key) at \(label): \(r.quantity.value)")
                }
            }
            for chart in output.charts {
                let bad = chart.numbers.filter { !$0.isFinite }
                #expect(bad.isEmpty, "\(name) chart \(chart.title) at \(label)")
            }
        }
    }
}

extension Chart {
    /// Every number the chart carries: bar values, curve points, segment bounds.
    var numbers: [Double] {
        switch self {
        case let .bars(_, bars): return bars.map(\.quantity.value)
        case let .curve(_, _, _, points, _, _): return points.flatMap { [$0.x, $0.y] }
        case let .timeline(_, duration, lanes): return [duration] + lanes.flatMap { $0.segments.flatMap { [$0.start, $0.end] } }
        }
    }
}
