@testable import Calculators
import Testing

@Suite struct FanOutTests {
    @Test func boardWorkedExampleForOneMillionFollowers() throws {
        let out = try run(FanOut())
        // Board: 1M writes, 100 s, 50 ms, 8 MB for push — all hold.
        #expect(out.v("push.writes") == 1_000_000)
        #expect(out.v("push.write_time") == 100)
        #expect(out.v("push.read_time") == 50)
        #expect(out.v("push.storage") == 8_000_000)
        // Pull: 1 write, 10 ms, 500 ms, 8 B.
        #expect(out.v("pull.writes") == 1)
        #expect(out.v("pull.write_time") == 0.01)
        #expect(out.v("pull.read_time") == 500)
        #expect(out.v("pull.storage") == 8)
        // Hybrid at ~1 % active: 10K writes, 1 s, 100 ms, 80 KB; "100x fewer writes, 2x slower reads".
        #expect(out.v("hybrid.writes") == 10_000)
        #expect(out.v("hybrid.write_time") == 1)
        #expect(out.v("hybrid.read_time") == 100)
        #expect(out.v("hybrid.storage") == 80_000)
        #expect(out.v("hybrid.write_saving") == 100)
        #expect(out.v("hybrid.read_slowdown") == 2)
        #expect(out["recommended"]?.text == "pull")
    }

    @Test func seedCodeDefaultsDisagreeWithTheBoard() throws {
        // The seed's analyzer defaults to 20 % active: 200K writes, not ~10K.
        let out = try run(FanOut(), ["active_percent": 20])
        #expect(out.v("hybrid.writes") == 200_000)
        #expect(out.v("hybrid.write_time") == 20)
        // Its 1 ms per write is 1,000 writes/s: push then takes 1,000 s, not 100 s.
        #expect(try run(FanOut(), ["write_capacity": 1_000]).v("push.write_time") == 1_000)
    }

    @Test(arguments: [(999.0, "push"), (1_000.0, "hybrid"), (100_000.0, "hybrid"), (100_001.0, "pull")])
    func recommendationFollowsThresholds(_ followers: Double, _ expected: String) throws {
        #expect(try run(FanOut(), ["followers": followers])["recommended"]?.text == expected)
    }

    @Test func noActiveFollowersGivesAClearResultNotInfinity() throws {
        let out = try run(FanOut(), ["active_percent": 0])
        #expect(out.v("hybrid.writes") == 0)
        #expect(out["hybrid.write_saving"]?.display == "n/a")
        #expect(out.notes == ["No active followers: hybrid pushes nothing, every read pulls."])
    }

    @Test func extremesStayFinite() throws {
        let out = try run(FanOut(), ["followers": 1e9, "write_capacity": 1])
        #expect(out.v("push.write_time") == 1e9)
        #expect(out["push.write_time"]?.display == "31.7 years")
    }
}
