@testable import Calculators
import Testing

@Suite struct OperationsTests {
    @Test func headroomMatchesTheBoard() throws {
        let out = try run(Headroom())
        #expect(close(out.v("headroom"), 10_000.0 / 3_600))   // board: 2.8x — holds (2.78)
        #expect(out["headroom"]?.display == "2.78×")
        #expect(out.v("future_qps") == 18_000)                 // board: 18K writes/s after 5x — holds
        #expect(out.v("shards_needed") == 3)                   // 18K at 70 % of 10K per shard
        #expect(abs(out.v("years_to_full") - 5.6) < 0.05)      // ln(2.78) / ln(1.2)
        #expect(try run(Headroom(), ["target_utilization": 100]).v("shards_needed") == 2)
    }

    @Test func lagRuleHitsItsCeilingAtTheAlert() throws {
        let out = try run(QueueLag())
        #expect(out.v("replicas") == 100)
        #expect(out.v("uncapped_replicas") == 100)
        #expect(out.v("drain_time") == 12.5)
        let deep = try run(QueueLag(), ["lag": 10_000_000])
        #expect(deep.v("uncapped_replicas") == 1_000)
        #expect(deep.v("replicas") == 100)
        #expect(deep.notes.first == "The rule wants 1,000 replicas; the ceiling holds it at 100.")
        let small = try run(QueueLag(), ["lag": 5_000])
        #expect(small.v("replicas") == 10)
        let stuck = try run(QueueLag(), ["inflow": 200_000])
        #expect(stuck["drain_time"]?.display == "n/a")
        #expect(stuck.notes == ["Workers are slower than arrivals: the backlog never drains."])
    }

    @Test func theRuleReappliedComesToRestAboveEmpty() throws {
        // 1M behind, 100 replicas drain 80K msg/s net; as the lag falls the rule shrinks the
        // fleet towards the 20 replicas that match the 20K msg/s inflow, with ~200K+ still queued.
        let out = try run(QueueLag())
        #expect(out.v("drain_time") == 12.5)                  // the fleet held at 100
        // Re-checked every 15 s with 30 s to start a replica, it circles a band above 190K.
        let rest = out.v("loop_backlog")
        #expect(rest > 200_000 && rest < 240_000)
        #expect(out.v("loop_low") >= 190_000 && out.v("loop_high") <= 250_000)
        #expect(close(out.v("loop_delay"), rest / 20_000))
        #expect(out.v("loop_settle_time") > 0 && out.v("loop_settle_time") < 1_000)
        // Re-applied every second with no start-up time, it rests just under 210K, never empty.
        let quick = try run(QueueLag(), ["check_interval": 1, "scale_up_delay": 0])
        #expect(quick.v("loop_backlog") > 205_000 && quick.v("loop_backlog") < 210_000)
        #expect(quick.v("loop_low") == quick.v("loop_high"))
        #expect(quick["loop_first_empty"]?.isDefined == false)
        #expect(quick.notes.contains { $0.contains("comes to rest at") && $0.contains("not at empty") })
    }

    @Test func aSlowLoopSwingsAndAFloorThatOutrunsArrivalsEmpties() throws {
        // Checked every 30 s with 60 s of start-up, the rule overshoots both ways: empty, then ~900K.
        let slow = try run(QueueLag(), ["check_interval": 30, "scale_up_delay": 60])
        #expect(slow.v("loop_low") == 0)
        #expect(slow.v("loop_high") > 800_000)
        #expect(slow.notes.contains { $0.contains("never settles") })
        // 10 replicas at 1K msg/s outrun 5K msg/s: 100K drain in 20 s and stay drained.
        let floor = try run(QueueLag(), ["lag": 100_000, "inflow": 5_000])
        #expect(floor.v("loop_backlog") == 0)
        #expect(close(floor.v("loop_first_empty"), 20))
        #expect(floor.v("loop_delay") == 0)
        // Arrivals beyond what the ceiling drains: nothing to settle at.
        let flood = try run(QueueLag(), ["inflow": 200_000])
        #expect(flood["loop_backlog"]?.isDefined == false)
        #expect(flood["loop_backlog"]?.undefined?.contains("grows") == true)
    }

    @Test func aHugeBacklogSkipsTheSaturatedStretchAndStillComesToRest() throws {
        // 1e12 messages at 80K msg/s net is ~12.5M s at the ceiling; the loop then rests as above.
        let out = try run(QueueLag(), ["lag": 1e12])
        #expect(out.v("loop_peak") == 1e12)
        #expect(out.v("loop_backlog") >= 200_000 && out.v("loop_backlog") < 210_000)
    }

    @Test func breakerOpensAfterThresholdAndShedsUntilTimeout() throws {
        let out = try run(CircuitBreaker())
        // 10 calls/s, burst from 10 s: the 5th failure (t = 10.4 s) opens it for 60 s.
        #expect(out.v("failed") == 5)
        #expect(close(out.v("first_open"), 10.4))
        #expect(out.v("opened") == 1)
        #expect(close(out.v("open_time"), 60, within: 0.01))
        #expect(out.v("shed") == 599)   // 10.5 s … 70.3 s; the call at 70.4 s is the trial
        #expect(out.v("calls") == 1_800)
    }

    @Test func breakerReopensWhenTheTrialFails() throws {
        let out = try run(CircuitBreaker(), ["open_timeout": 10, "burst_length": 60])
        // Opens at 10.4 s; trials at 20.4, 30.4 ... fail while the burst lasts (until 70 s).
        #expect(out.v("opened") == 6)
        #expect(out.v("failed") == 10)
    }

    @Test func batchingSavesOperationsOnlyWhenBatchesFill() throws {
        let out = try run(WriteBatching())
        #expect(out.v("reduction") == 100)                     // board: 100x fewer operations — holds at 3.6K/s
        #expect(out.v("ops_per_s") == 36)
        #expect(close(out.v("max_added_latency"), 100_000.0 / 3_600))
        let slow = try run(WriteBatching(), ["arrival_rate": 100])
        #expect(slow.v("reduction") == 50)                     // only 50 writes arrive per 0.5 s
        #expect(slow.v("max_added_latency") == 500)
    }

    @Test func batchingDividesStatementsNotRows() throws {
        let out = try run(WriteBatching())
        // 3,600 rows/s in batches of 100: 36 statements (round trips) a second, every row still written.
        #expect(out["ops_per_s"]?.display == "36 statements/s")
        #expect(out["rows_per_s"]?.display == "3,600 rows/s")
        #expect(out["effective_batch"]?.display == "100 rows")
        // The 10K ceiling counts rows, so the headroom is the headroom panel's 2.78×, at any batch size.
        #expect(close(out.v("row_headroom"), 10_000.0 / 3_600))
        #expect(out["row_headroom"]?.display == "2.78×")
        let bigger = try run(WriteBatching(), ["batch_size": 1_000])
        #expect(bigger.v("ops_per_s") == 3.6)
        #expect(bigger.v("rows_per_s") == 3_600)
        #expect(bigger.v("row_headroom") == out.v("row_headroom"))
        // The headroom panel agrees, in rows.
        let headroom = try run(Headroom())
        #expect(headroom["headroom"]?.display == "2.78×")
        #expect(headroom["future_qps"]?.display == "18,000 rows/s")
    }
}
