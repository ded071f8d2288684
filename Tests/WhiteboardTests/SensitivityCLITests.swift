import Foundation
import Testing

/// `whiteboard calc NAME --sensitivity / --solve / --break-even`, run as a user runs them.
@Suite struct SensitivityCLITests {
    @Test func solveFindsTheZipfExponentForAHitRate() throws {
        let run = try whiteboard("calc", "hitrate", "--set", "items=1M", "--set", "cached=200K",
                                 "--solve", "lfu.hit_rate=80", "--for", "alpha")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("hitrate: alpha = 0.894 gives lfu.hit_rate = 80 % (target 80 %)\n"))
        #expect(run.stdout.contains("searched      0 … 3"))
        let json = try whiteboard("calc", "hitrate", "--set", "items=1M", "--set", "cached=200K",
                                  "--solve", "lfu.hit_rate=80%", "--for", "alpha", "--format", "json")
        let root = try #require(json.json as? [String: Any])
        let value = try #require(root["value"] as? Double)
        #expect(abs(value - 0.894) < 0.0005)
        let bracket = try #require(root["bracket"] as? [Double])
        #expect(bracket.count == 2 && bracket[0] <= value && value <= bracket[1])
    }

    @Test func solveWithNoSolutionInRangeExits65WithAReason() throws {
        let run = try whiteboard("calc", "hitrate", "--solve", "lfu.hit_rate=101", "--for", "alpha")
        #expect(run.status == 65)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("whiteboard calc: no alpha in 0 … 3 gives lfu.hit_rate = 101 %"))
    }

    @Test func solveRefusesWhatCannotBeSolved() throws {
        #expect(try whiteboard("calc", "hitrate", "--solve", "lfu.hit_rate=80").status == 64)
        #expect(try whiteboard("calc", "hitrate", "--solve", "nope=80", "--for", "alpha").stderr.contains("has no result \"nope\""))
        #expect(try whiteboard("calc", "partition", "--solve", "conflicts=5", "--for", "mode").stderr.contains("mode is a choice"))
        #expect(try whiteboard("calc", "fanout", "--solve", "recommended=1", "--for", "followers").status == 64)
        #expect(try whiteboard("calc", "hitrate", "--solve", "lfu.hit_rate=lots", "--for", "alpha").status == 64)
    }

    @Test func sensitivityListsParametersBySwing() throws {
        let run = try whiteboard("calc", "storage", "--sensitivity", "savings.monthly", "--format", "json")
        #expect(run.status == 0)
        let root = try #require(run.json as? [String: Any])
        let rows = try #require(root["parameters"] as? [[String: Any]])
        let swings = rows.compactMap { $0["swing"] as? Double }
        #expect(swings.count == rows.count && swings == swings.sorted(by: >))
        #expect(rows.first?["key"] as? String == "hot_price")
        #expect(rows.first?["low_input"] as? Double == 0.023 * 0.8)
        let table = try whiteboard("calc", "storage", "--sensitivity", "savings.monthly", "--span", "10%")
        #expect(table.status == 0)
        #expect(table.stdout.contains("moved ±10 % of its value"))
        #expect(table.stdout.contains("\nhot_price  "))
        #expect(try whiteboard("calc", "storage", "--sensitivity", "savings.monthly", "--span", "200%").status == 64)
        #expect(try whiteboard("calc", "storage", "--span", "10%").status == 64)
    }

    @Test func breakEvenListsWhereDecisionsFlip() throws {
        let run = try whiteboard("calc", "cdn", "--break-even")
        #expect(run.status == 0)
        #expect(run.stdout.contains("cheaper delivery (cheaper): CDN now"))
        #expect(run.stdout.contains("CDN → origin at $250,000/month"))
        #expect(run.stdout.contains("does not flip in range: transfer_tb, origin_servers"))
        let json = try whiteboard("calc", "fanout", "--break-even", "--format", "json")
        let root = try #require(json.json as? [String: Any])
        let decisions = try #require(root["decisions"] as? [[String: Any]])
        #expect(decisions.first?["key"] as? String == "recommended")
        // Every bundled calculator now makes a decision: the hit rate's is LRU against the 80 % premise.
        let hitrate = try whiteboard("calc", "hitrate", "--break-even")
        #expect(hitrate.status == 0 && hitrate.stdout.contains("(lru_meets_80): LRU serves 80 %+ now"))
        #expect(hitrate.stdout.contains("alpha   now 1                  LRU under 80 % → LRU serves 80 %+ at 0.928"))
        #expect(try whiteboard("calc", "cost", "--break-even").status == 64)
        #expect(try whiteboard("calc", "cdn", "--break-even", "--sensitivity", "savings.monthly").status == 64)
    }
}
