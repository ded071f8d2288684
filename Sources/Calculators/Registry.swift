/// Every calculator the trainer knows, by name.
public enum Registry {
    public static let all: [any Calculator] = [
        FanOut(), Population(), CacheTiers(), HitRate(), StorageTiers(), CDNCost(), MonthlyBill(),
        DebtPrioritizer(), Partition(), Headroom(), QueueLag(), CircuitBreaker(), WriteBatching(),
    ]

    public static func named(_ name: String) -> (any Calculator)? { all.first { $0.name == name } }

    public static var names: [String] { all.map(\.name) }
}
