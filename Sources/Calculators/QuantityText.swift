/// Numbers with units as people write them in prose: "100 seconds", "100s",
/// "1.67 min", "1,000,000 writes", "1M writes", "8 MB", "3.6K writes/s",
/// "$2,446 a month", "20 %". The number itself is read by `NumberParser.parse`;
/// this only finds where it ends and what unit the words after it name.
extension NumberParser {
    /// One reading of a number in text: the quantity, whether a unit was written
    /// (a bare "1,000" is a plain count), and the text it was read from.
    public struct Reading: Equatable, Sendable {
        public let quantity: Quantity
        public let hasUnit: Bool
        public let text: Substring
    }

    /// The whole of `text` as one number with a unit ("100 s", "1M writes", "8 MB");
    /// nil when it is not that, or when words follow the unit.
    public static func parseQuantity(_ text: String) -> Quantity? {
        let t = Substring(text.trimmingSpaces)
        guard let readings = readings(atStartOf: t), let first = readings.first, first.text.count == t.count else { return nil }
        return first.quantity
    }

    /// Every number in `text`, each with the ways it can be read, in order. A token
    /// with two readings ("5m": 5 minutes or 5 million; "1B": a byte or a billion)
    /// gives both, the unit-bearing one first.
    public static func quantities(in text: String) -> [[Reading]] {
        var out: [[Reading]] = []
        var i = text.startIndex
        var previous: Character?
        while i < text.endIndex {
            let ch = text[i]
            // A number starts at a digit (or "$" before one) not glued to a word ("R2", "p99").
            let startsNumber = (ch.isASCII && ch.isNumber) || (ch == "$" && text.index(after: i) < text.endIndex
                                                                && text[text.index(after: i)].isNumber)
            if startsNumber, !(previous.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "," } ?? false),
               let readings = readings(atStartOf: text[i...]), let first = readings.first {
                out.append(readings)
                i = readings.map(\.text.endIndex).max() ?? first.text.endIndex
                previous = text[text.index(before: i)]
                continue
            }
            previous = ch
            i = text.index(after: i)
        }
        return out
    }

    /// The readings of the number that starts `text`, longest reading first; nil if none starts it.
    static func readings(atStartOf text: Substring) -> [Reading]? {
        var i = text.startIndex
        let money = text.first == "$"
        if money { i = text.index(after: i) }
        // Digits with thousands commas and a decimal point, then an exponent.
        let digitsStart = i
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func digit(at j: String.Index) -> Bool { j < text.endIndex && isDigit(text[j]) }
        while i < text.endIndex {
            if isDigit(text[i]) { i = text.index(after: i); continue }
            if text[i] == "," || text[i] == ".", digit(at: text.index(after: i)) { i = text.index(after: i); continue }
            break
        }
        guard i > digitsStart else { return nil }
        if i < text.endIndex, text[i] == "e" || text[i] == "E" {
            var j = text.index(after: i)
            if j < text.endIndex, text[j] == "+" || text[j] == "-" { j = text.index(after: j) }
            if digit(at: j) {
                while digit(at: j) { j = text.index(after: j) }
                i = j
            }
        }
        let numberText = String(text[digitsStart..<i])
        guard let plain = parse(numberText) else { return nil }

        // A multiplier letter glued to the number and not starting a word: "1M", "3.6K/s", "2B".
        var candidates: [(value: Double, end: String.Index)] = [(plain, i)]
        if i < text.endIndex, let factor = multipliers[text[i]] {
            let after = text.index(after: i)
            if after == text.endIndex || !text[after].isLetter {
                candidates.insert((plain * factor, after), at: 0)
            }
        }

        var out: [Reading] = []
        for (n, (value, end)) in candidates.enumerated() {
            // With a multiplier read, the plain number stands only with a unit of its own ("5m": 5 min).
            let plainBeside = candidates.count == 2 && n == 1
            if money {
                if plainBeside { continue }
                let (unit, unitEnd) = moneyUnit(text[end...])
                out.append(Reading(quantity: Quantity(value, unit), hasUnit: true, text: text[..<unitEnd]))
            } else if let (unit, unitEnd) = unit(after: text[end...]) {
                out.append(Reading(quantity: Quantity(value, unit), hasUnit: true, text: text[..<unitEnd]))
            } else if !plainBeside {
                out.append(Reading(quantity: Quantity(value, .count), hasUnit: false, text: text[..<end]))
            }
        }
        // A reading with a unit comes first, then the longer text; "1B" reads as a byte and as a billion.
        out.sort { a, b in a.hasUnit != b.hasUnit ? a.hasUnit : a.text.count > b.text.count }
        var seen: [Reading] = []
        for r in out where !seen.contains(r) { seen.append(r) }
        return seen
    }

    private static let multipliers: [Character: Double] = [
        "k": 1e3, "K": 1e3, "M": 1e6, "m": 1e6, "B": 1e9, "b": 1e9, "G": 1e9, "T": 1e12,
    ]

    /// After "$2,446": "/month", " a month", " per month", "/year", or plain dollars.
    static func moneyUnit(_ rest: Substring) -> (Unit, String.Index) {
        let periods: [(String, Unit)] = [("month", .dollarsPerMonth), ("mo", .dollarsPerMonth), ("year", .dollarsPerYear),
                                         ("yr", .dollarsPerYear), ("day", .dollarsPerDay)]
        for joiner in ["/", " / ", " a ", " per ", " each "] {
            guard rest.hasPrefix(joiner) else { continue }
            let word = rest.dropFirst(joiner.count).prefix { $0.isLetter }
            if let (_, unit) = periods.first(where: { $0.0 == word.lowercased() }) {
                return (unit, word.endIndex)
            }
        }
        return (.dollars, rest.startIndex)
    }

    /// The unit named right after a number: "s", " seconds", "-second", " MB", " writes/s",
    /// " writes per second", "%", "×". Nil when the next word names no unit.
    static func unit(after rest: Substring) -> (Unit, String.Index)? {
        var j = rest.startIndex
        // At most one space or hyphen between the number and its unit ("100 s", "1M-follower").
        if j < rest.endIndex, rest[j] == " " || rest[j] == "-" || rest[j] == "\u{00A0}" { j = rest.index(after: j) }
        guard j < rest.endIndex else { return nil }
        if rest[j] == "%" { return (.percent, rest.index(after: j)) }
        if rest[j] == "×" { return (.times, rest.index(after: j)) }
        let word = rest[j...].prefix { $0.isLetter || $0 == "µ" }
        // "/s" straight after the number: a rate of plain events.
        if word.isEmpty, rest[j] == "/" {
            let period = rest[rest.index(after: j)...].prefix { $0.isLetter }
            if let unit = rateUnit(count: .count, period: String(period)) { return (unit, period.endIndex) }
            return nil
        }
        guard !word.isEmpty else { return nil }
        var end = word.endIndex
        // "writes/s", "writes per second", "writes a day": a rate of what the word counts.
        if let counted = Unit.spelled(String(word)), counted.dimension == .count || counted.dimension == .data {
            for joiner in ["/", " / ", " per ", " a ", " each "] where rest[end...].hasPrefix(joiner) {
                let period = rest[rest.index(end, offsetBy: joiner.count)...].prefix { $0.isLetter }
                if let unit = rateUnit(count: counted, period: String(period)) { return (unit, period.endIndex) }
            }
            end = word.endIndex
            return (counted, end)
        }
        if let unit = Unit.spelled(String(word)) { return (unit, end) }
        return nil
    }

    /// A count per period ("writes" per "second"), or a size per period ("MB" per "s").
    static func rateUnit(count: Unit, period: String) -> Unit? {
        guard let per = Unit.spelled(period), per.dimension == .time else {
            if ["qtr", "quarter"].contains(period.lowercased()), count.dimension == .count { return .usersPerQuarter }
            return nil
        }
        if count.dimension == .data {
            // MB/s, GB/s, TB/day, TB/month.
            let symbol = count.symbol + "/" + (per == .seconds ? "s" : per == .days ? "day" : per.symbol)
            if let unit = Unit.known.first(where: { $0.symbol == symbol }) { return unit }
            return per == .seconds ? Unit(symbol, .dataRate, count.toBase * 86_400 * Unit.daysPerMonth) : nil
        }
        switch per {
        case .seconds:
            let symbol = count.symbol + "/s"
            return Unit.known.first { $0.symbol == symbol && $0.dimension == .rate } ?? (count.symbol.isEmpty ? .perSecond : Unit(symbol, .rate))
        case .minutes: return Unit(count.symbol + "/min", .rate, 1.0 / 60)
        case .hours: return Unit(count.symbol + "/h", .rate, 1.0 / 3_600)
        case .days: return count.symbol.isEmpty ? .perDay : Unit(count.symbol + "/day", .rate, 1.0 / 86_400)
        default: return nil
        }
    }
}

extension Unit {
    /// The unit a word in prose names: a symbol ("s", "MB", "writes/s") or a word
    /// ("seconds", "megabytes", "percent", "follower"). Nil for any other word.
    public static func spelled(_ word: String) -> Unit? {
        if word.isEmpty { return nil }
        if let unit = known.first(where: { $0.symbol == word && !$0.symbol.isEmpty }) { return unit }
        if word == "M" { return nil }
        let lower = word.lowercased()
        if let (_, unit) = Parameter.timeSpellings.first(where: { $0.0 == lower }) { return unit }
        return spellings[lower]
    }

    private static let spellings: [String: Unit] = {
        var table: [String: Unit] = [:]
        func add(_ unit: Unit, _ words: String...) { for w in words { table[w] = unit } }
        add(.nanoseconds, "nanosecond", "nanoseconds", "nsec")
        add(.microseconds, "microsecond", "microseconds", "usec", "μs")
        add(.milliseconds, "millisecond", "milliseconds", "msec", "msecs")
        add(.years, "year", "years", "yr", "yrs")
        add(.bytes, "byte", "bytes")
        add(.kilobytes, "kb", "kilobyte", "kilobytes")
        add(.megabytes, "mb", "megabyte", "megabytes")
        add(.gigabytes, "gb", "gigabyte", "gigabytes")
        add(.terabytes, "tb", "terabyte", "terabytes")
        add(.petabytes, "pb", "petabyte", "petabytes")
        add(.exabytes, "eb", "exabyte", "exabytes")
        add(.writes, "write", "writes", "insert", "inserts")
        add(.reads, "read", "reads")
        add(.followers, "follower", "followers")
        add(.items, "item", "items")
        add(.replicas, "replica", "replicas")
        add(.shards, "shard", "shards")
        add(.keys, "key", "keys")
        add(.messages, "message", "messages", "msg", "msgs")
        add(.calls, "call", "calls")
        add(.ops, "op", "ops", "operation", "operations")
        add(.accounts, "account", "accounts")
        add(.entries, "entry", "entries")
        add(.rows, "row", "rows")
        add(.statements, "statement", "statements")
        add(.dollars, "dollar", "dollars", "usd")
        add(.percent, "percent", "pct")
        add(.times, "x")
        add(.perSecond, "qps", "rps")
        add(.writesPerSecond, "wps")
        return table
    }()
}
