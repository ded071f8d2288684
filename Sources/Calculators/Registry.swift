/// Every calculator the trainer knows, by name.
public enum Registry {
    public static let all: [any Calculator] = [
        FanOut(), Population(), CacheTiers(), HitRate(), StorageTiers(), CDNCost(), MonthlyBill(),
        DebtPrioritizer(), Partition(), Staleness(), Headroom(), QueueLag(), CircuitBreaker(), WriteBatching(),
        ScenarioModel(),
    ]

    public static func named(_ name: String) -> (any Calculator)? { all.first { $0.name == name } }

    public static var names: [String] { all.map(\.name) }

    /// Families run together by `whiteboard calc NAME`: the cost optimizer is four models.
    public static let families: [String: [String]] = ["cost": ["cache", "storage", "cdn", "bill"]]
}
