@testable import Calculators
import Testing

@Suite struct PopulationTests {
    @Test func tailPutsOneThousandFollowersNearTheTopFourPercent() throws {
        let out = try run(Population())
        #expect(abs(out.v("pushed_accounts_percent") - 96) < 0.5)
        // Mean of a power law with α = 2.28 from 80: 80 × 1.28 / 0.28 ≈ 366 (a bit less, truncated).
        #expect(abs(out.v("mean_followers") - 359) < 2)
        // 150M timelines × 800 entries × 20 B × 3 copies = 7.2 TB.
        #expect(out.v("timeline_memory") == 7.2e12)
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
        #expect(out.v("best_threshold") == 80)
    }

    @Test func exponentTwoUsesTheLogarithmicIntegral() throws {
        let out = try run(Population(), ["alpha": 2])
        #expect(out.v("mean_followers").isFinite)
        #expect(out.v("mean_followers") > 0)
    }
}
