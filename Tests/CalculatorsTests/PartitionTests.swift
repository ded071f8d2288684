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

    @Test func aStrictQuorumRefusesTheMinoritySideASloppyOneHandsOff() throws {
        // Strict N=3, R=W=2 over a 60 s split at 50 writes/s a side: B holds one home replica and
        // refuses all 3,000 of its writes; no conflict is possible. That is the PC choice.
        let strict = try run(Partition(), ["mode": 2, "write_quorum": 2, "read_quorum": 2])
        #expect(strict.v("b.rejected") == 3_000)
        #expect(strict.v("a.accepted") == 3_000)
        #expect(strict.v("conflicts") == 0)
        #expect(strict.v("hinted") == 0)
        #expect(strict.notes.contains { $0.hasPrefix("Strict quorum: the side without W home replicas refuses writes") })
        #expect(strict.notes.contains("R + W > N: reads always overlap the latest write."))
        // Sloppy (Dynamo's hinted handoff): B writes to stand-ins, so nothing is refused, B's 3,000
        // writes wait as hints, reads miss the other side and keys written on both sides conflict.
        let sloppy = try run(Partition(), ["mode": 2, "write_quorum": 2, "read_quorum": 2, "quorum": 1])
        #expect(sloppy.v("writes.rejected") == 0)
        #expect(sloppy.v("writes.accepted") == 6_000)
        #expect(sloppy.v("hinted") == 3_000)
        #expect(sloppy.v("conflicts") > 0)
        #expect(sloppy.v("reads.stale") > 0)
        #expect(sloppy.v("pbs.stale_probability") == 100)
        #expect(!sloppy.notes.contains("R + W > N: reads always overlap the latest write."))
        #expect(sloppy.notes.contains { $0.contains("R + W > N no longer promises that a read overlaps the last write") })
        // The choice is offered only in quorum mode, and headless by name.
        #expect(Partition().visibleParameters(try Partition().inputs(setting: [:])).contains { $0.key == "quorum" } == false)
        #expect(try Partition().parameter("quorum")?.parse("sloppy") == 1)
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
