/// One story behind every panel: the named inputs a news-feed design rests on
/// (users, posts, the follow graph, sizes, capacities, list prices) and the
/// values derived from them, each with its formula.
///
/// It is a calculator like the others, so the scenario panel edits it with the
/// same keys and `whiteboard scenario NAME --set` validates the same way. Its
/// defaults are the board's scenario: 200M DAU, with posts per DAU and the
/// peak factor chosen so the board's 3.6K writes/s at peak holds.
public struct ScenarioModel: Calculator {
    public init() {}
    public static let calculatorName = "scenario"
    public let name = ScenarioModel.calculatorName
    public let title = "Scenario"
    public let summary = "The inputs every panel shares, and what follows from them."

    public let parameters: [Parameter] = [
        Parameter("dau", "daily active users", unit: .accounts, default: 200_000_000, range: 1...1e10,
                  scale: .logarithmic, integral: true, help: "The board prices the system for 200M DAU."),
        Parameter("registered_accounts", "registered accounts", unit: .accounts, default: 500_000_000, range: 1...1e11,
                  scale: .logarithmic, integral: true, help: "Every account, active or not (follow edges point at them)."),
        Parameter("posts_per_day", "posts per DAU", unit: .perDay, default: 0.7776, range: 0...1_000, step: 0.1,
                  help: "Posts each daily user writes a day."),
        Parameter("reads_per_day", "feed reads per DAU", unit: .perDay, default: 170, range: 0...1e6, step: 10,
                  help: "Timeline reads each daily user makes a day."),
        Parameter("peak_factor", "peak to average", unit: .times, default: 2, range: 1...100, step: 0.5,
                  help: "Busiest second over the day's average."),
        Parameter("follower_alpha", "follower tail α", unit: .ratio, default: 2.28, range: 1.5...4, step: 0.05,
                  help: "Follower-count density ∝ x^−α (Kwak et al. 2010: 2.276)."),
        Parameter("follower_median", "median followers", unit: .followers, default: 61, range: 1...1e6,
                  scale: .logarithmic, help: "Median of the log-normal body (2013: 61 for accounts active in 30 days)."),
        Parameter("follower_tail_start", "follower tail starts at", unit: .followers, default: 1_000, range: 2...1e8,
                  scale: .logarithmic, help: "Where the power law takes over (2013: 1,000 followers, the 96th percentile)."),
        Parameter("follower_tail_percent", "accounts in the tail", unit: .percent, default: 4, range: 0.1...49.9, step: 0.5,
                  help: "Share of accounts at or above the tail start (2013: ~4 %)."),
        Parameter("follower_max", "max followers", unit: .followers, default: 100_000_000, range: 10...1e10,
                  scale: .logarithmic, help: "The largest account."),
        Parameter("follower_active_percent", "followers pushed to", unit: .percent, default: 100, range: 0...100, step: 5,
                  help: "Share of follow edges whose follower is active enough to get a push (no fan-out to users idle 30 days)."),
        Parameter("post_bytes", "bytes per post", unit: .bytes, default: 1_000, range: 1...1e8,
                  scale: .logarithmic, integral: true, help: "Text and metadata of one post."),
        Parameter("media_bytes", "bytes per media item", unit: .bytes, default: 500_000, range: 1...1e10,
                  scale: .logarithmic, integral: true, help: "One photo or clip as stored."),
        Parameter("media_per_post", "media items per post", unit: .ratio, default: 0.2, range: 0...100, step: 0.1,
                  help: "Average media items attached to a post."),
        Parameter("entry_bytes", "bytes per timeline entry", unit: .bytes, default: 20, range: 1...10_000, step: 4,
                  integral: true, help: "Post ID + author ID + flags."),
        Parameter("timeline_entries", "timeline length", unit: .entries, default: 800, range: 1...1e6,
                  scale: .logarithmic, integral: true, help: "Entries kept per home timeline."),
        Parameter("replicas", "replication factor", unit: .replicas, default: 3, range: 1...10, integral: true,
                  help: "Copies of each timeline and row."),
        Parameter("db_write_capacity", "writes per primary", unit: .writesPerSecond, default: 10_000, range: 1...1e9,
                  scale: .logarithmic, help: "Writes/s one database primary sustains."),
        Parameter("fanout_workers", "fan-out workers", unit: .count, default: 100, range: 1...1e6,
                  scale: .logarithmic, integral: true, help: "Workers pushing posts into timelines."),
        Parameter("fanout_insert_rate", "inserts per worker", unit: .writesPerSecond, default: 10_000, range: 1...1e9,
                  scale: .logarithmic, help: "Timeline inserts/s one worker (so one post's fan-out) manages."),
        Parameter("cache_tb", "timeline cache", unit: .terabytes, default: 3, range: 0...1e6, step: 0.5,
                  help: "RAM given to cached timelines."),
        Parameter("egress_tb_per_day", "egress per day", unit: .terabytesPerDay, default: 100, range: 0...1e7, step: 10,
                  help: "Bytes served to the internet a day."),
        Parameter("price_egress", "egress list price", unit: .dollarsPerGB, default: 0.05, range: 0...10, step: 0.005,
                  help: "Internet egress per GB."),
        Parameter("price_s3", "object storage price", unit: .dollarsPerGBMonth, default: 0.023, range: 0...10, step: 0.001,
                  help: "Object storage per GB-month."),
        Parameter("price_cache", "cache RAM price", unit: .dollarsPerGBMonth, default: 16.31, range: 0...1_000, step: 1,
                  help: "Usable cache RAM per GB-month."),
    ]

    /// Each derived value's formula, in the words the panel shows beside it.
    public static let formulas: [(key: String, formula: String)] = [
        ("avg_write_qps", "DAU × posts/day ÷ 86,400"),
        ("peak_write_qps", "DAU × posts/day ÷ 86,400 × peak factor"),
        ("posts_total", "DAU × posts/day"),
        ("peak_read_qps", "DAU × reads/day ÷ 86,400 × peak factor"),
        ("read_write_ratio", "reads/day ÷ posts/day"),
        ("mean_followers", "mean of the follower counts (log-normal body: median, tail share; power-law tail: α, start, max)"),
        ("follow_edges", "DAU × mean followers"),
        ("edges_per_account", "follow edges ÷ registered accounts"),
        ("inserts_per_day", "DAU × posts/day × mean followers × followers pushed to (push every account)"),
        ("avg_inserts_per_s", "inserts/day ÷ 86,400"),
        ("fanout_capacity", "fan-out workers × inserts per worker"),
        ("timeline_bytes", "timeline length × bytes per entry"),
        ("timeline_memory_copy", "DAU × timeline length × bytes per entry"),
        ("timeline_memory", "DAU × timeline length × bytes per entry × replicas"),
        ("timelines_cached", "cache size ÷ (timeline length × bytes per entry)"),
        ("primaries_at_peak", "peak write QPS ÷ writes per primary, rounded up"),
        ("storage_per_day", "DAU × posts/day × (bytes per post + media per post × bytes per media item)"),
        ("egress_at_list", "egress/day × egress price"),
        ("cache_at_list", "cache size × cache RAM price"),
    ]

    public static func formula(_ key: String) -> String? { formulas.first { $0.key == key }?.formula }

    public func evaluate(_ p: Inputs) -> Output {
        let dau = p.quantity("dau")
        let perSecond = 1.0 / 86_400
        let avgWrites = p["dau"] * p["posts_per_day"] * perSecond
        let peakWrites = avgWrites * p["peak_factor"]
        let postsTotal = p["dau"] * p["posts_per_day"]
        let peakReads = p["dau"] * p["reads_per_day"] * perSecond * p["peak_factor"]
        let meanFollowers = Population.Followers(median: p["follower_median"], start: p["follower_tail_start"],
                                                 tailShare: p.fraction("follower_tail_percent"),
                                                 alpha: p["follower_alpha"], max: p["follower_max"]).mean
        let edges = p["dau"] * meanFollowers
        let insertsPerDay = postsTotal * meanFollowers * p.fraction("follower_active_percent")
        let timeline = p.quantity("timeline_entries") * p.quantity("entry_bytes")
        let oneCopy = dau * timeline
        let memory = oneCopy * p.quantity("replicas")
        let timelineBytes = timeline.measured(in: .bytes)
        let cached = timelineBytes > 0 ? p.bytes("cache_tb") / timelineBytes : 0
        let primaries = max(1, (peakWrites / max(p.perSecond("db_write_capacity"), 1e-9)).rounded(.up))
        let perPost = p.bytes("post_bytes") + p["media_per_post"] * p.bytes("media_bytes")
        var notes: [String] = []
        let capacity = p["fanout_workers"] * p.perSecond("fanout_insert_rate")
        if insertsPerDay * perSecond * p["peak_factor"] > capacity {
            notes.append("Pushing every post to its active followers needs \(Format.compact(insertsPerDay * perSecond * p["peak_factor"])) inserts/s at peak, over the fan-out capacity of \(Format.compact(capacity))/s.")
        }
        return Output(results: [
            ResultValue("avg_write_qps", "average writes", avgWrites, .writesPerSecond),
            ResultValue("peak_write_qps", "peak writes", peakWrites, .writesPerSecond),
            ResultValue("posts_total", "posts per day", postsTotal, .writes),
            ResultValue("peak_read_qps", "peak timeline reads", peakReads, .readsPerSecond),
            p["posts_per_day"] > 0
                ? ResultValue("read_write_ratio", "reads per post", p["reads_per_day"] / p["posts_per_day"], .times)
                : ResultValue.undefined("read_write_ratio", "reads per post", unit: .times, because: "no posts: reads per post is undefined"),
            ResultValue("mean_followers", "mean followers", meanFollowers, .followers),
            ResultValue("follow_edges", "follow edges", edges, .count),
            ResultValue("edges_per_account", "edges per account", edges / max(p["registered_accounts"], 1), .count),
            ResultValue("inserts_per_day", "timeline inserts per day", insertsPerDay, .writes),
            ResultValue("avg_inserts_per_s", "average inserts", insertsPerDay * perSecond, .writesPerSecond),
            ResultValue("fanout_capacity", "fan-out capacity", capacity, .writesPerSecond),
            ResultValue("timeline_bytes", "one timeline", timeline, in: .bytes),
            ResultValue("timeline_memory_copy", "timelines, one copy", oneCopy, in: .bytes),
            ResultValue("timeline_memory", "timelines, all copies", memory, in: .bytes),
            ResultValue("timelines_cached", "timelines the cache holds", cached, .items),
            ResultValue("primaries_at_peak", "primaries at peak", primaries, .shards),
            ResultValue("storage_per_day", "new storage per day", postsTotal * perPost, .bytes),
            ResultValue("egress_at_list", "egress at list price", p.quantity("egress_tb_per_day") * p.quantity("price_egress"), in: .dollarsPerMonth),
            ResultValue("cache_at_list", "cache at list price", p.quantity("cache_tb") * p.quantity("price_cache"), in: .dollarsPerMonth),
        ], notes: notes)
    }

    /// A scenario quantity by key: an input's value, or a derived result's, with its unit.
    public func quantity(_ key: String, in inputs: Inputs) -> Quantity? {
        if inputs.declares(key) { return inputs.quantity(key) }
        return evaluate(inputs)[key]?.quantity
    }
}
