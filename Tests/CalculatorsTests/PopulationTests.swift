@testable import Calculators
import Testing

@Suite struct PopulationTests {
    @Test func theBodyHasThePublishedMedianAndTheTailItsFourPercent() throws {
        // 2013 sample of active accounts: median 61 followers, 1,000 = 96th percentile.
        let out = try run(Population())
        #expect(close(out.v("pushed_accounts_percent"), 96, within: 1e-9))
        #expect(close(try run(Population(), ["threshold": 61]).v("pushed_accounts_percent"), 50, within: 1e-9))
        // σ = ln(1000 / 61) ÷ z(0.96) = 2.797 ÷ 1.751 ≈ 1.598.
        #expect(abs(out.v("body_spread") - 1.598) < 0.001)
        // 3,000 followers was the top 1 %: the α 2.28 tail from 1K puts 4 % × 3^−1.28 ≈ 0.98 % above it.
        let above3K = 100 - (try run(Population(), ["threshold": 3_000]).v("pushed_accounts_percent"))
        #expect(abs(above3K - 0.98) < 0.02)
        // Body below 1K: 61 × e^(σ²/2) × Φ((ln 1000 − ln 61 − σ²) ÷ σ) ≈ 122.6; the tail's 4 %
        // × 1000 × 1.28 ÷ 0.28 × (1 − 10^(−5 × 0.28)) ≈ 175.6 up to 100M.
        #expect(abs(out.v("mean_followers") - 298.2) < 0.5)
        #expect(close(out.v("follow_edges"), 150e6 * out.v("mean_followers")))
        // 150M timelines × 800 entries × 20 B × 3 copies = 7.2 TB.
        #expect(out.v("timeline_memory") == 7.2e12)
    }

    @Test func aWideBodyStaysFinite() throws {
        // 48 % above 1K with median 61 gives σ ≈ 56: e^(σ²/2) alone overflows a Double.
        let out = try run(Population(), ["tail_percent": 48])
        #expect(out.v("body_spread") > 50)
        #expect(out.v("mean_followers").isFinite && out.v("inserts_per_s").isFinite)
        // The tail alone holds 48 % × its mean; the body adds a little, never less than nothing.
        let tailOnly = 0.48 * 1_000 * 1.28 / 0.28 * (1 - power(1e5, -0.28))
        #expect(out.v("mean_followers") > tailOnly && out.v("mean_followers") < tailOnly + 1_000)
        #expect(out.v("best_threshold") == 50_000)
    }

    @Test func edgesPulledAtTheTailStartAreTheTailsShare() throws {
        // Body 122.6 of 298.1 followers under 1K: 58.9 % of edges are pulled at a 1K cut.
        #expect(abs(try run(Population()).v("pulled_edges_percent") - 58.9) < 0.05)
        #expect(abs(try run(Population(), ["alpha": 2.74]).v("pulled_edges_percent") - 43.4) < 0.1)
    }

    @Test func theMedianMustSitBelowTheTailStart() throws {
        let out = try run(Population(), ["median_followers": 5_000])
        #expect(out.notes.contains { $0.contains("is not below the tail start") })
        #expect(out.v("mean_followers").isFinite)
    }

    @Test func bestThresholdIsTheLargestPushMeetingTheDeliveryTarget() throws {
        // Reads outnumber posts ~60:1, so pushing is cheaper per follower, up to what 5 s at 10K/s allows.
        let out = try run(Population())
        #expect(out.v("best_threshold") == 50_000)
        #expect(out.v("cost_vs_best") > 1)
        let atBest = try run(Population(), ["threshold": 50_000])
        #expect(close(atBest.v("cost_vs_best"), 1))
    }

    @Test func whenPullingIsCheaperTheBestThresholdIsTheMinimum() throws {
        let out = try run(Population(), ["reads_per_day": 1, "posts_per_day": 100])
        #expect(out.v("best_threshold") == 1)
        #expect(close(out.v("best_cost"), out.v("pull_all_cost")))
    }

    @Test func exponentTwoUsesTheLogarithmicIntegral() throws {
        let out = try run(Population(), ["alpha": 2])
        #expect(out.v("mean_followers").isFinite)
        #expect(out.v("mean_followers") > 0)
    }

    @Test func activeShareScalesMemoryAndTheDeliveryLimit() throws {
        // At 30 % active a 50K-follower account pushes 15K entries: 1.5 s at 10K/s, so the
        // largest account pushed within 5 s has 50K ÷ 0.3 ≈ 167K followers.
        let out = try run(Population(), ["active_percent": 30, "threshold": 50_000])
        #expect(close(out.v("largest_push_time"), 1.5))
        #expect(close(out.v("best_threshold"), 50_000 / 0.3, within: 1e-6))
        // Timelines are kept for the active share only: 30 % of 7.2 TB.
        #expect(close(out.v("timeline_memory"), 0.3 * 7.2e12))
        let everyone = try run(Population(), ["threshold": 50_000])
        #expect(close(everyone.v("largest_push_time"), 5))
    }

    @Test func noThresholdMeetingTheTargetIsSaidNotPriced() throws {
        // 1 insert/s for 0.5 s: even a one-follower account misses the target.
        let out = try run(Population(), ["fanout_rate": 1, "delivery_target": 0.5])
        #expect(out["best_threshold"]?.isDefined == false)
        #expect(out["cost_vs_best"]?.isDefined == false)
        #expect(out.notes.contains { $0.contains("No threshold meets") })
        #expect(out.v("pull_all_cost") > out.v("cost"))
        // When pulling is the cheaper corner anyway, pulling every account is a real best.
        let cheapPulls = try run(Population(), ["fanout_rate": 1, "delivery_target": 0.5, "pull_cost": 0.001])
        #expect(cheapPulls.v("best_threshold") == 1)
    }

    @Test func theBestThresholdIsTheDeliveryBoundaryAndTheBreakEvenIsShown() throws {
        let out = try run(Population())
        // Cost per pushed edge is posts; per pulled edge reads × pull cost: they tie at 2.7 ÷ 170.
        #expect(close(out.v("break_even_pull_cost"), 2.7 / 170))
        #expect(out.notes.contains { $0.contains("where the delivery target binds") })
        let above = try run(Population(), ["pull_cost": 2.7 / 170 * 1.01])
        let below = try run(Population(), ["pull_cost": 2.7 / 170 * 0.99])
        #expect(above.v("best_threshold") == 50_000)
        #expect(below.v("best_threshold") == 1)
        // At 30 % active only 0.3 × 2.7 inserts stand against 170 reads.
        #expect(close(try run(Population(), ["active_percent": 30]).v("break_even_pull_cost"), 0.3 * 2.7 / 170))
    }

    @Test func perPairWithEvenRatesIsTheThresholdCorner() throws {
        // Everyone posts and reads at the same rate: each pair picks the same side as the
        // threshold model, and the authors too big to push in time are pulled by both.
        let out = try run(Population(), ["post_spread": 0, "read_spread": 0])
        #expect(close(out.v("pair_cost"), out.v("best_cost"), within: 1e-6))
        let cheap = try run(Population(), ["post_spread": 0, "read_spread": 0, "pull_cost": 0.01])
        #expect(close(cheap.v("pair_cost"), cheap.v("pull_all_cost"), within: 1e-6))
        #expect(cheap.v("pair_pushed_percent") == 0)
    }

    @Test func perPairWithUnevenRatesChoosesInside() throws {
        // Near the break-even a single cut is nearly flat, while per pair the rare posters go
        // to frequent readers by push and the rest pull: an interior mix far below both corners.
        let out = try run(Population(), ["pull_cost": 0.016])
        let share = out.v("pair_pushed_percent")
        #expect(share > 20 && share < 90)
        #expect(out.v("pair_cost") < 0.5 * min(out.v("best_cost"), out.v("pull_all_cost")))
        // Far from it the corner wins by a wide margin and per pair barely improves on it.
        let far = try run(Population())
        #expect(far.v("pair_cost") <= far.v("best_cost"))
        #expect(far.v("pair_vs_best") > 0.95)
    }
}
