/// A unit of measure: a symbol people read, its dimension, and the factor that
/// takes a value in this unit to the dimension's base unit.
///
/// Decimal prefixes throughout (1 TB = 1,000 GB), as list prices and napkin
/// maths use; AWS bills binary GiB, a footnote the cost lessons make.
public struct Unit: Hashable, Sendable, CustomStringConvertible {
    public let symbol: String
    public let dimension: Dimension
    public let toBase: Double

    public init(_ symbol: String, _ dimension: Dimension, _ toBase: Double = 1) {
        self.symbol = symbol
        self.dimension = dimension
        self.toBase = toBase
    }

    public var description: String { symbol }

    /// The unit as a prompt says it ("Guess in years"): the words for the symbols
    /// that are not already words; nil for a bare ratio or count.
    public var spoken: String? {
        let words = ["year": "years", "day": "days", "s": "seconds", "min": "minutes", "h": "hours",
                     "ms": "milliseconds", "$": "dollars", "%": "percent", "x": "times", "B": "bytes"]
        if symbol.isEmpty { return nil }
        return words[symbol] ?? symbol
    }

    /// A value in this unit, in the dimension's base unit. A unit smaller than
    /// its base by a whole factor (ms, %, $/year) divides by that factor, so
    /// 50 ms is exactly 50 / 1,000 s, as the same sum done by hand.
    public func toBase(_ value: Double) -> Double {
        if let divisor = wholeDivisor { return value / divisor }
        return value * toBase
    }

    /// A value in the dimension's base unit, in this unit.
    public func fromBase(_ base: Double) -> Double {
        if let divisor = wholeDivisor { return base * divisor }
        return base / toBase
    }

    /// The factor to the base unit as a fraction, whole where it can be
    /// (ms is 1 / 1,000 s), so that factors combine without rounding.
    var factor: (numerator: Double, denominator: Double) {
        wholeDivisor.map { (1, $0) } ?? (toBase, 1)
    }

    private var wholeDivisor: Double? {
        guard toBase > 0, toBase < 1 else { return nil }
        // 1 / 1e-9 is 999,999,999.9999999 in binary: a whole number within rounding counts.
        let inverse = 1 / toBase, whole = inverse.rounded()
        return abs(inverse - whole) <= whole * 1e-12 ? whole : nil
    }

    // Counts. The symbol names what is counted; all share one dimension.
    public static let count = Unit("", .count)
    public static let writes = Unit("writes", .count)
    public static let reads = Unit("reads", .count)
    public static let followers = Unit("followers", .count)
    public static let items = Unit("items", .count)
    public static let replicas = Unit("replicas", .count)
    public static let shards = Unit("shards", .count)
    public static let keys = Unit("keys", .count)
    public static let messages = Unit("messages", .count)
    public static let calls = Unit("calls", .count)
    public static let ops = Unit("ops", .count)
    public static let accounts = Unit("accounts", .count)
    public static let entries = Unit("entries", .count)
    public static let score = Unit("points", .count)
    /// Table rows: what a database's write ceiling counts, however many arrive in one statement.
    public static let rows = Unit("rows", .count)
    public static let statements = Unit("statements", .count)
    /// RICE effort: person-months across product, design and engineering.
    public static let personMonths = Unit("person-months", .count)

    // Time.
    public static let nanoseconds = Unit("ns", .time, 1e-9)
    public static let microseconds = Unit("us", .time, 1e-6)
    public static let milliseconds = Unit("ms", .time, 1e-3)
    public static let seconds = Unit("s", .time)
    public static let minutes = Unit("min", .time, 60)
    public static let hours = Unit("h", .time, 3_600)
    public static let days = Unit("day", .time, 86_400)
    public static let years = Unit("year", .time, 365 * 86_400)

    // Data.
    public static let bytes = Unit("B", .data)
    public static let kilobytes = Unit("KB", .data, 1e3)
    public static let megabytes = Unit("MB", .data, 1e6)
    public static let gigabytes = Unit("GB", .data, 1e9)
    public static let terabytes = Unit("TB", .data, 1e12)
    public static let petabytes = Unit("PB", .data, 1e15)
    public static let exabytes = Unit("EB", .data, 1e18)

    // Money.
    public static let dollars = Unit("$", .money)
    /// A month is a twelfth of a 365-day year, so $/day × 365 = $/year exactly.
    public static let daysPerMonth = 365.0 / 12.0
    public static let dollarsPerMonth = Unit("$/month", .moneyRate)
    public static let dollarsPerYear = Unit("$/year", .moneyRate, 1.0 / 12.0)
    public static let dollarsPerDay = Unit("$/day", .moneyRate, daysPerMonth)

    // Rates.
    public static let perSecond = Unit("/s", .rate)
    public static let writesPerSecond = Unit("writes/s", .rate)
    public static let readsPerSecond = Unit("reads/s", .rate)
    public static let opsPerSecond = Unit("ops/s", .rate)
    public static let messagesPerSecond = Unit("msg/s", .rate)
    public static let callsPerSecond = Unit("calls/s", .rate)
    public static let rowsPerSecond = Unit("rows/s", .rate)
    public static let statementsPerSecond = Unit("statements/s", .rate)
    /// RICE reach: people (or events) in a quarter.
    public static let usersPerQuarter = Unit("users/quarter", .rate, 4.0 / (365 * 86_400))
    public static let perDay = Unit("/day", .rate, 1.0 / 86_400)
    public static let perMonth = Unit("/month", .rate, 1.0 / (86_400 * daysPerMonth))

    // Prices.
    public static let dollarsPerGB = Unit("$/GB", .pricePerData, 1e-9)
    public static let dollarsPerTB = Unit("$/TB", .pricePerData, 1e-12)
    public static let dollarsPerGBMonth = Unit("$/GB-month", .pricePerDataMonth, 1e-9)
    /// Monthly dollars per millisecond of latency saved (the cache-tier metric).
    public static let dollarsPerMillisecond = Unit("$/ms", .costPerLatency)

    // Ratios.
    public static let ratio = Unit("", .ratio)
    public static let times = Unit("x", .ratio)
    public static let percent = Unit("%", .ratio, 0.01)

    // Data rates (base: bytes per month). A day is a 30.4th of a month
    // (`daysPerMonth`), so converting TB/day to TB/month multiplies by 30.4.
    public static let gigabytesPerMonth = Unit("GB/month", .dataRate, 1e9)
    public static let terabytesPerMonth = Unit("TB/month", .dataRate, 1e12)
    public static let terabytesPerDay = Unit("TB/day", .dataRate, 1e12 * daysPerMonth)
    public static let megabytesPerSecond = Unit("MB/s", .dataRate, 1e6 * 86_400 * daysPerMonth)
    public static let gigabytesPerSecond = Unit("GB/s", .dataRate, 1e9 * 86_400 * daysPerMonth)

    /// For a data rate, the volume part of its symbol ("TB" of "TB/day").
    public var dataPart: Unit? {
        guard dimension == .dataRate, let slash = symbol.firstIndex(of: "/") else { return nil }
        let volume = String(symbol[..<slash])
        return Unit.known.first { $0.dimension == .data && $0.symbol == volume }
    }

    /// For a data rate, the period part of its symbol ("day" of "TB/day").
    public var periodSymbol: String? {
        guard dimension == .dataRate, let slash = symbol.firstIndex(of: "/") else { return nil }
        return String(symbol[symbol.index(after: slash)...])
    }

    /// Every unit a lesson may name, by symbol.
    public static let known: [Unit] = [
        .count, .writes, .reads, .followers, .items, .replicas, .shards, .keys, .messages, .calls, .ops,
        .accounts, .entries, .score, .rows, .statements, .personMonths,
        .nanoseconds, .microseconds, .milliseconds, .seconds, .minutes, .hours, .days, .years,
        .bytes, .kilobytes, .megabytes, .gigabytes, .terabytes, .petabytes, .exabytes,
        .dollars, .dollarsPerMonth, .dollarsPerYear, .dollarsPerDay,
        .perSecond, .writesPerSecond, .readsPerSecond, .opsPerSecond, .messagesPerSecond, .callsPerSecond,
        .rowsPerSecond, .statementsPerSecond, .usersPerQuarter, .perDay, .perMonth,
        .dollarsPerGB, .dollarsPerTB, .dollarsPerGBMonth, .dollarsPerMillisecond,
        .gigabytesPerMonth, .terabytesPerMonth, .terabytesPerDay, .megabytesPerSecond, .gigabytesPerSecond,
        .times, .percent,
    ]

    /// Looks a symbol up ("TB", "$/month", "x" or "×"). Throws naming the known symbols.
    public static func named(_ symbol: String) throws(UnitError) -> Unit {
        let wanted = symbol == "×" ? "x" : symbol.trimmingSpaces
        if let unit = known.first(where: { $0.symbol == wanted }) { return unit }
        if wanted.isEmpty { return .count }
        throw .unknownSymbol(symbol, known: known.map(\.symbol).filter { !$0.isEmpty })
    }
}

/// Why a unit could not be used.
public enum UnitError: Error, Equatable, CustomStringConvertible {
    case unknownSymbol(String, known: [String])
    case incompatible(from: Unit, to: Unit)
    case noProduct(Dimension, Dimension, operation: String)

    public var description: String {
        switch self {
        case let .unknownSymbol(symbol, known):
            return "unknown unit \"\(symbol)\" (known: \(known.joined(separator: ", ")))"
        case let .incompatible(from, to):
            return "cannot convert \(from.dimension.rawValue) (\(from.symbol.isEmpty ? "count" : from.symbol)) to \(to.dimension.rawValue) (\(to.symbol.isEmpty ? "count" : to.symbol))"
        case let .noProduct(a, b, operation):
            return "no unit for \(a.rawValue) \(operation) \(b.rawValue)"
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
