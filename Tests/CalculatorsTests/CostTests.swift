@testable import Calculators
import Testing

@Suite struct CostTests {
    @Test func cacheTiersPerMillisecondMatchTheBoard() throws {
        let out = try run(CacheTiers())
        // Board: $11.11, $2.86 and $1.25 per ms saved — the arithmetic holds.
        #expect(close(out.v("full.per_ms"), 5_000.0 / 450))
        #expect(close(out.v("partial.per_ms"), 1_000.0 / 350))
        #expect(out.v("minimal.per_ms") == 1.25)
        #expect(out["full.per_ms"]?.display == "$11.11/ms")
        #expect(out["partial.per_ms"]?.display == "$2.86/ms")
        // Board calls the 80/20 cache the best cost/benefit; by its own metric minimal is cheapest per ms.
        #expect(out["cheapest_per_ms"]?.text == "minimal cache")
        // Going from 80/20 to full pays $4,000 for 100 ms: $40 per extra ms.
        #expect(out.v("partial_to_full.per_ms") == 40)
        #expect(out.v("minimal_to_partial.per_ms") == 5)
        // Board: 3 TB of Redis for $5,000/month; at $16.31/GB-month usable it is $48,930.
        #expect(close(out.v("full.list_cost"), 48_930))
    }

    @Test func cacheTierNoFasterThanBaselineIsUndefinedNotInfinite() throws {
        let out = try run(CacheTiers(), ["minimal_latency": 500])
        #expect(out["minimal.per_ms"]?.display == "n/a")
        #expect(out["cheapest_per_ms"]?.text == "80/20 cache")
        #expect(out.notes == ["minimal cache is no faster than no cache: its $ per ms is undefined."])
    }

    @Test func storageTiersCorrectTheBoardsTotal() throws {
        let out = try run(StorageTiers())
        #expect(close(out.v("all_hot.monthly"), 115_000))       // board: $115,000 — holds
        #expect(close(out.v("tiered.hot"), 23_000))
        #expect(close(out.v("tiered.warm"), 18_750))
        #expect(close(out.v("tiered.cold"), 10_000))
        #expect(close(out.v("tiered.monthly"), 52_750))         // board: $44,000 — wrong
        #expect(close(out.v("savings.monthly"), 62_250))        // board: $71,000 — wrong
        #expect(close(out.v("savings.yearly"), 747_000))        // board: $852K — wrong
    }

    @Test func storageSharesOverOneHundredAreCut() throws {
        let out = try run(StorageTiers(), ["hot_percent": 80, "warm_percent": 50])
        #expect(close(out.v("cold_percent"), 0))
        #expect(close(out.v("tiered.monthly"), 5e6 * (0.8 * 0.023 + 0.2 * 0.0125) + 1_000))
        #expect(out.notes.first == "hot + warm exceed 100 %: warm is cut to 20 %, cold is 0 %.")
    }

    @Test func cdnTransferIsPricedPerGigabyte() throws {
        let out = try run(CDNCost())
        // Board's stated $320,000 and $90,000 hold; its sketch's 3,000 × 0.09 + 50,000 = $50,270 does not.
        #expect(close(out.v("no_cdn.bandwidth"), 270_000))
        #expect(close(out.v("no_cdn.total"), 320_000))
        #expect(close(out.v("with_cdn.total"), 90_000))
        #expect(close(out.v("savings.monthly"), 230_000))
    }

    @Test func monthlyBillAndPerUserCost() throws {
        let out = try run(MonthlyBill())
        #expect(out.v("infrastructure.monthly") == 149_000)   // board: ~$150,000 — holds
        #expect(out.v("total.monthly") == 179_000)            // board: ~$180,000 — holds
        #expect(out.v("total.yearly") == 2_148_000)           // board: ~$2.2M — holds within 3 %
        // Board: $0.90 per user per year and $0.009 per DAU per day — both wrong.
        #expect(close(out.v("per_dau.yearly"), 0.01074))
        #expect(close(out.v("per_dau.daily"), 2_148_000.0 / 365 / 200_000_000))
        // 100 TB/day at $0.05/GB is ~$152K/month, not $30K; 5 PB of S3 Standard is $115K, not $100K.
        #expect(close(out.v("transfer.at_list"), 100 * 365.0 / 12 * 1_000 * 0.05))
        #expect(close(out.v("s3.at_list"), 115_000))
    }

    @Test func hitRateUnderZipf() throws {
        let out = try run(HitRate())
        // H(40M)/H(200M) with α = 1 ≈ (ln 4e7 + γ) / (ln 2e8 + γ) ≈ 0.918.
        #expect(abs(out.v("lfu.hit_rate") - 91.8) < 0.2)
        #expect(out.v("lru.hit_rate") < out.v("lfu.hit_rate"))
        #expect(out.v("lru.hit_rate") > 80)
        let uniform = try run(HitRate(), ["alpha": 0])
        #expect(abs(uniform.v("lfu.hit_rate") - 20) < 0.01)
        #expect(abs(uniform.v("lru.hit_rate") - 20) < 0.1)
        let everything = try run(HitRate(), ["cached": 200_000_000])
        #expect(everything.v("lru.hit_rate") == 100)
    }
}
