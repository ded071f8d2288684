/// Push, pull or hybrid delivery of one post from one author.
///
/// Defaults reproduce the board's worked example: 1M followers, 10K writes/s,
/// 8-byte feed entries, 50 ms cached and 500 ms uncached reads, and fan-out to
/// the ~1 % of followers who are active. The seed's analyzer code assumes 20 %
/// active and 1 ms per write; the lesson shows both against these numbers.
public struct FanOut: Calculator {
    public init() {}
    public let name = "fanout"
    public let title = "Fan-out analyzer"
    public let summary = "Writes, write time, read time and storage for push, pull and hybrid delivery of one post."

    public let parameters: [Parameter] = [
        Parameter("followers", "followers", unit: .followers, default: 1_000_000, range: 1...1e9,
                  scale: .logarithmic, integral: true, help: "Followers of the posting account."),
        Parameter("write_capacity", "write capacity", unit: .writesPerSecond, default: 10_000, range: 1...1e8,
                  scale: .logarithmic, help: "Feed inserts per second the fan-out tier sustains."),
        Parameter("active_percent", "active followers", unit: .percent, default: 1, range: 0...100, step: 1,
                  help: "Share of followers who get a pushed entry in hybrid (board: ~1 %; seed code: 20 %)."),
        Parameter("read_cached_ms", "read, cached", unit: .milliseconds, default: 50, range: 1...10_000, step: 10,
                  help: "Reading a precomputed timeline."),
        Parameter("read_uncached_ms", "read, pulled", unit: .milliseconds, default: 500, range: 1...60_000, step: 50,
                  help: "Fetch, merge and rank at read time."),
        Parameter("merge_ms", "hybrid merge", unit: .milliseconds, default: 50, range: 0...60_000, step: 10,
                  help: "Extra read time in hybrid for merging the few pulled accounts."),
        Parameter("pull_write_ms", "pull write", unit: .milliseconds, default: 10, range: 0...10_000, step: 5,
                  help: "Saving the post once."),
        Parameter("entry_bytes", "feed entry", unit: .bytes, default: 8, range: 1...10_000, step: 4, integral: true,
                  help: "Bytes per feed entry (a post ID)."),
        Parameter("push_below", "push below", unit: .followers, default: 1_000, range: 1...1e9,
                  scale: .logarithmic, integral: true, help: "Accounts below this follower count are pushed."),
        Parameter("pull_above", "pull above", unit: .followers, default: 100_000, range: 1...1e9,
                  scale: .logarithmic, integral: true, help: "Accounts above this are pulled; between, hybrid."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let followers = p["followers"]
        let capacity = max(p["write_capacity"], 1)
        let active = (followers * p["active_percent"] / 100).rounded()
        let entry = p["entry_bytes"]
        let cached = p["read_cached_ms"], pulled = p["read_uncached_ms"]

        let pushWrites = followers
        let pushTime = pushWrites / capacity
        let hybridTime = active / capacity
        let hybridRead = cached + p["merge_ms"]
        let pullWriteSeconds = p["pull_write_ms"] / 1_000

        let strategy: (Int, String)
        if followers < p["push_below"] {
            strategy = (0, "push")
        } else if followers <= p["pull_above"] {
            strategy = (1, "hybrid")
        } else {
            strategy = (2, "pull")
        }

        let results = [
            ResultValue("push.writes", "push writes", pushWrites, .writes),
            ResultValue("push.write_time", "push write time", pushTime, .seconds),
            ResultValue("push.read_time", "push read", cached, .milliseconds),
            ResultValue("push.storage", "push storage", pushWrites * entry, .bytes),
            ResultValue("pull.writes", "pull writes", 1, .writes),
            ResultValue("pull.write_time", "pull write time", pullWriteSeconds, .seconds),
            ResultValue("pull.read_time", "pull read", pulled, .milliseconds),
            ResultValue("pull.storage", "pull storage", entry, .bytes),
            ResultValue("hybrid.writes", "hybrid writes", active, .writes),
            ResultValue("hybrid.write_time", "hybrid write time", hybridTime, .seconds),
            ResultValue("hybrid.read_time", "hybrid read", hybridRead, .milliseconds),
            ResultValue("hybrid.storage", "hybrid storage", active * entry, .bytes),
            ResultValue("hybrid.write_saving", "hybrid: fewer writes", active > 0 ? pushWrites / active : .nan, .times),
            ResultValue("hybrid.storage_saving", "hybrid: less storage", active > 0 ? pushWrites / active : .nan, .times),
            ResultValue("hybrid.read_slowdown", "hybrid: slower reads", hybridRead / cached, .times),
            ResultValue("recommended", "recommended", Double(strategy.0), .count, text: strategy.1),
        ]
        let charts: [Chart] = [
            .bars(title: "write time", bars: [
                .init("push", Quantity(pushTime, .seconds), highlighted: strategy.0 == 0),
                .init("hybrid", Quantity(hybridTime, .seconds), highlighted: strategy.0 == 1),
                .init("pull", Quantity(pullWriteSeconds, .seconds), highlighted: strategy.0 == 2),
            ]),
            .bars(title: "read time", bars: [
                .init("push", Quantity(cached, .milliseconds)),
                .init("hybrid", Quantity(hybridRead, .milliseconds)),
                .init("pull", Quantity(pulled, .milliseconds)),
            ]),
        ]
        var notes: [String] = []
        if active == 0 { notes.append("No active followers: hybrid pushes nothing, every read pulls.") }
        if p["push_below"] > p["pull_above"] { notes.append("push below is above pull above: no account is hybrid.") }
        return Output(results: results, charts: charts, notes: notes)
    }
}
