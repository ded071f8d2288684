/// What a quantity measures. Two quantities convert into each other only when
/// their dimensions agree; products across dimensions go through `Quantity`'s
/// operators, which know the few combinations that make sense.
public enum Dimension: String, Sendable, Codable, CaseIterable {
    /// Plain counts: writes, followers, replicas. Base: 1.
    case count
    /// Base: seconds.
    case time
    /// Base: bytes (decimal prefixes, as napkin maths and list prices use).
    case data
    /// Base: US dollars.
    case money
    /// Money per period. Base: dollars per month.
    case moneyRate
    /// Events per period. Base: per second.
    case rate
    /// Data per period (TB/day, TB/month): a volume and a rate are different
    /// kinds, so 100 TB/day never passes for 100 TB/month. Base: bytes per
    /// month, so that a data rate priced in $/GB is money per month.
    case dataRate
    /// Price of moving data. Base: dollars per byte.
    case pricePerData
    /// Price of keeping data for a month. Base: dollars per byte-month.
    case pricePerDataMonth
    /// Monthly money per millisecond of latency saved. Base: $/month per ms.
    case costPerLatency
    /// Pure numbers: ratios and shares. Base: 1 (so 1 % = 0.01).
    case ratio
}

extension Dimension {
    /// The case's place in `allCases`, without searching or hashing its name.
    var place: Int {
        switch self {
        case .count: 0
        case .time: 1
        case .data: 2
        case .money: 3
        case .moneyRate: 4
        case .rate: 5
        case .dataRate: 6
        case .pricePerData: 7
        case .pricePerDataMonth: 8
        case .costPerLatency: 9
        case .ratio: 10
        }
    }

    /// What a value of this dimension is, for messages: "a size", "a count", "a time".
    public var article: String {
        switch self {
        case .count: "a count"
        case .time: "a time"
        case .data: "a size"
        case .money: "money"
        case .moneyRate: "money per period"
        case .rate: "a rate"
        case .pricePerData: "a price per byte"
        case .pricePerDataMonth: "a price per byte-month"
        case .costPerLatency: "a cost per ms"
        case .ratio: "a ratio"
        default: "a " + rawValue
        }
    }
}
