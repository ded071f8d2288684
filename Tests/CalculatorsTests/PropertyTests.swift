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

    @Test func everyCalculatorGivesFiniteOrLabelledResultsAtItsRangeEnds() {
        // Every parameter at its minimum, then at its maximum: no trap, and every
        // displayed value is a number or "n/a", never "nan"/"inf".
        for calculator in Registry.all {
            for edge in [\ClosedRange<Double>.lowerBound, \ClosedRange<Double>.upperBound] {
                var inputs = calculator.defaults
                for p in calculator.parameters where !["partition_s", "horizon", "writes_a", "writes_b", "reads_a", "reads_b", "call_rate"].contains(p.key) {
                    inputs.setClamped(p.key, p.range[keyPath: edge])
                }
                for r in calculator.evaluate(inputs).results {
                    #expect(!r.display.contains("nan") && !r.display.contains("inf"), "\(calculator.name) \(r.key)")
                }
            }
        }
    }
}
