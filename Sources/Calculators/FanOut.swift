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
        let followers = p.quantity("followers")
        let capacity = Quantity.max(p.quantity("write_capacity"), Quantity(1, .writesPerSecond))
        let active = Quantity((followers * p.fraction("active_percent")).value.rounded(), .writes)
        let entry = p.quantity("entry_bytes")
        let cached = p.quantity("read_cached_ms"), pulled = p.quantity("read_uncached_ms")

        let pushWrites = Quantity(followers.value, .writes)
        let pushTime = pushWrites / capacity
        let hybridTime = active / capacity
        let hybridRead = cached + p.quantity("merge_ms")
        let pullWrite = p.quantity("pull_write_ms")

        let strategy: (Int, String)
        if p["followers"] < p["push_below"] {
            strategy = (0, "push")
        } else if p["followers"] <= p["pull_above"] {
            strategy = (1, "hybrid")
        } else {
            strategy = (2, "pull")
        }
        /// Push over hybrid; with no active followers hybrid writes nothing and there is no ratio.
        func saving(_ key: String, _ label: String) -> ResultValue {
            active.value > 0 ? ResultValue(key, label, pushWrites / active, in: .times)
                : .undefined(key, label, unit: .times, because: "no active followers: hybrid pushes nothing, so there is no ratio")
        }

        let results = [
            ResultValue("push.writes", "push writes", pushWrites),
            ResultValue("push.write_time", "push write time", pushTime, in: .seconds),
            ResultValue("push.read_time", "push read", cached, in: .milliseconds),
            ResultValue("push.storage", "push storage", pushWrites * entry, in: .bytes),
            ResultValue("pull.writes", "pull writes", Quantity(1, .writes)),
            ResultValue("pull.write_time", "pull write time", pullWrite, in: .seconds),
            ResultValue("pull.read_time", "pull read", pulled, in: .milliseconds),
            ResultValue("pull.storage", "pull storage", entry, in: .bytes),
            ResultValue("hybrid.writes", "hybrid writes", active),
            ResultValue("hybrid.write_time", "hybrid write time", hybridTime, in: .seconds),
            ResultValue("hybrid.read_time", "hybrid read", hybridRead, in: .milliseconds),
            ResultValue("hybrid.storage", "hybrid storage", active * entry, in: .bytes),
            saving("hybrid.write_saving", "hybrid: fewer writes"),
            saving("hybrid.storage_saving", "hybrid: less storage"),
            ResultValue("hybrid.read_slowdown", "hybrid: slower reads", hybridRead / cached, in: .times),
            .choice("recommended", "recommended", strategy.1, index: strategy.0),
        ]
        let charts: [Chart] = [
            .bars(title: "write time", bars: [
                .init("push", pushTime, highlighted: strategy.0 == 0),
                .init("hybrid", hybridTime, highlighted: strategy.0 == 1),
                .init("pull", Quantity(pullWrite.measured(in: .seconds), .seconds), highlighted: strategy.0 == 2),
            ]),
            .bars(title: "read time", bars: [
                .init("push", cached),
                .init("hybrid", hybridRead),
                .init("pull", pulled),
            ]),
        ]
        var notes: [String] = []
        if active.value == 0 { notes.append("No active followers: hybrid pushes nothing, every read pulls.") }
        if p["push_below"] > p["pull_above"] { notes.append("push below is above pull above: no account is hybrid.") }
        let table = ResultTable(
            rows: [.init("push", "push"), .init("pull", "pull"), .init("hybrid", "hybrid")],
            columns: [.init("writes", "writes"), .init("write_time", "write time"), .init("read_time", "read time"),
                      .init("storage", "storage")])
        return Output(results: results, tables: [table], charts: charts, notes: notes)
    }
}
