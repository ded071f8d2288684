@testable import Calculators
import Testing

@Suite struct PartitionTests {
    @Test func apAcceptsEverythingAndConflictsAtHeal() throws {
        let out = try run(Partition())
        #expect(out.v("writes.rejected") == 0)
        #expect(out.v("writes.accepted") == out.v("writes.issued"))
        // ~3,000 writes per side over 10K keys: ~26 % of keys per side, ~6-7 % on both.
        #expect(abs(out.v("writes.issued") - 6_000) < 300)
        #expect(abs(out.v("conflicts") - 10_000 * 0.259 * 0.259) < 120)
        #expect(out.v("lww.lost") >= out.v("conflicts"))
        #expect(out.v("merge.lost") == 0)
        #expect(out.v("reads.stale") > 0)
    }

    @Test func cpRejectsTheCutOffSide() throws {
        let out = try run(Partition(), ["mode": 1])
        #expect(out.v("b.accepted") == 0)
        #expect(out.v("a.rejected") == 0)
        #expect(out.v("b.rejected") > 0)
        #expect(out.v("conflicts") == 0)
        #expect(out.v("reads.stale") == 0)
        #expect(out.v("reads.rejected") > 0)
    }

    @Test func sameSeedSameRunOtherSeedOtherRun() throws {
        let one = try run(Partition(), ["seed": 7]), again = try run(Partition(), ["seed": 7])
        #expect(one == again)
        #expect(try run(Partition(), ["seed": 8]).v("reads.stale") != one.v("reads.stale"))
    }

    @Test func quorumBySides() throws {
        // N = 3, W = 2: A holds 2 replicas and writes, B (1 replica) cannot.
        let out = try run(Partition(), ["mode": 2, "write_quorum": 2, "read_quorum": 2])
        #expect(out.v("b.accepted") == 0)
        #expect(out.v("a.rejected") == 0)
        #expect(out.v("pbs.stale_probability") == 0)        // R + W > N
        let loose = try run(Partition(), ["mode": 2])
        #expect(close(loose.v("pbs.stale_probability"), 200.0 / 3))   // C(2,1)/C(3,1)
        // The closed form is the chance of missing a write that reached only W replicas: a bound.
        let label = try #require(loose.results.first { $0.key == "pbs.stale_probability" }?.label)
        #expect(label == "stale at commit, at most (C(N−W,R)/C(N,R))")
        #expect(!label.contains("PBS"))
    }

    @Test func pbsFormula() {
        #expect(Partition.staleProbability(n: 3, r: 1, w: 1) == 2.0 / 3)
        #expect(Partition.staleProbability(n: 3, r: 2, w: 2) == 0)
        #expect(close(Partition.staleProbability(n: 5, r: 1, w: 2), 3.0 / 5))
    }

    @Test func hugeRatesAreSampledNotSimulatedOneByOne() throws {
        let out = try run(Partition(), ["writes_a": 1e6, "writes_b": 1e6, "reads_a": 1e7, "reads_b": 1e7,
                                        "partition_s": 86_400, "keys": 1e10])
        #expect(abs(out.v("writes.issued") / (2e6 * 86_400) - 1) < 0.05)
        #expect(out.notes.first?.hasPrefix("Sampled 1 in") == true)
    }
}
