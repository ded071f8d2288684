@testable import Calculators
import Testing

@Suite struct PartitionTests {
    @Test func apAcceptsEverythingAndConflictsAtHeal() throws {
        let out = try run(Partition(), ["storage": 1])
        #expect(out.v("writes.rejected") == 0)
        #expect(out.v("writes.accepted") == out.v("writes.issued"))
        // ~3,000 writes per side over 10K keys: ~26 % of keys per side, ~6-7 % on both.
        #expect(abs(out.v("writes.issued") - 6_000) < 300)
        #expect(abs(out.v("conflicts") - 10_000 * 0.259 * 0.259) < 60)
        #expect(out.v("lww.lost") >= out.v("conflicts"))
        #expect(out.v("merge.lost") == 0)
        #expect(out.v("reads.stale") > 0)
    }

    @Test func aRowPerPostLosesNoPostOnlyTheUpdatesThatMeet() throws {
        // Board's split: 60 s, 50 writes/s a side, 10K keys; one write in five updates a value.
        // Means over seeds 1-5 (a fixed draw): the figures are exact for these seeds.
        let rows = try run(Partition())
        #expect(rows.v("lww.lost_posts") == 0)                 // posts are rows of their own
        #expect(close(rows.v("lww.lost"), 35.8))               // ~600 updates a side meet on ~36 keys
        #expect(close(rows.v("conflicts"), 35.6))
        #expect(rows.v("lww.lost_as_feed") == 769)              // the same draws with each feed one value
        #expect(rows["lww.lost"]?.display == "35.8 ± 6.8 writes")
        #expect(rows["lww.lost"]?.display(plusMinus: "+/-") == "35.8 +/- 6.8 writes")
        #expect(rows["lww.lost"]?.draws == 5)
        #expect(rows["lww.lost_as_feed"]?.display == "769 ± 47 writes")
        #expect(rows["reads.stale"]?.display == "8,145 ± 160 reads")
        #expect(rows.notes.contains("Stale reads, conflicts and losses: mean ± s.d. over 5 runs (seeds 1 to 5)."))
        // The feed stored as one value: every post rewrites it, and LWW drops posts with the updates.
        let feed = try run(Partition(), ["storage": 1])
        #expect(feed.v("lww.lost") == 769)
        #expect(close(feed.v("lww.lost_posts"), 607.6))
        #expect(close(feed.v("conflicts"), 694.4))
        #expect(feed["lww.lost_as_feed"] == nil)
        // No updates, no loss: new posts alone never collide.
        let postsOnly = try run(Partition(), ["update_percent": 0])
        #expect(postsOnly.v("lww.lost") == 0)
        #expect(postsOnly["lww.lost"]?.display == "0 writes")
        #expect(postsOnly.v("conflicts") == 0)
        // Every update: the rows model meets the feed model.
        let allUpdates = try run(Partition(), ["update_percent": 100])
        #expect(allUpdates.v("lww.lost") == allUpdates.v("lww.lost_as_feed"))
        #expect(allUpdates.v("lww.lost_posts") == 0)
    }

    @Test func theSpreadIsTheSampleStandardDeviationOfTheRuns() {
        let r = ResultValue.mean("x", "x", of: [2, 4, 4, 4, 5, 5, 7, 9], .writes)
        #expect(r.quantity.value == 5)
        #expect(close(r.spread ?? .nan, (32.0 / 7).squareRoot()))
        #expect(r.display == "5 ± 2.1 writes")
        #expect(ResultValue.mean("y", "y", of: [1_234, 1_250], .reads).display == "1,242 ± 11 reads")
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
