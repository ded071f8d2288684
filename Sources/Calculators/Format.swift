#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns numbers into what a person reads: thousands separators, SI prefixes,
/// three significant figures, dollar amounts. Never prints "nan" or "inf":
/// a non-finite value reads "n/a".
public enum Format {
    public static func quantity(_ q: Quantity) -> String { quantity(q, digits: 3) }

    /// As `quantity`, with as many significant figures as `v` needs (3 to 9): a value
    /// someone typed, such as a target of 99.99 %, reads as typed and not as "100 %".
    public static func precise(_ q: Quantity) -> String {
        quantity(q, digits: digitsNeeded(q.value))
    }

    /// The fewest significant figures (3 to 9) that write `v` without rounding it.
    static func digitsNeeded(_ v: Double) -> Int {
        guard v.isFinite, v != 0 else { return 3 }
        return (3...9).first { d in
            let m = pow10(Int(floor(log10(abs(v)))) - d + 1)
            return abs((v / m).rounded() * m - v) <= abs(v) * 1e-9
        } ?? 9
    }

    static func quantity(_ q: Quantity, digits d: Int) -> String {
        let v = q.value
        guard v.isFinite else { return "n/a" }
        switch q.unit.dimension {
        case .data: return bytes(q.baseValue, digits: d)
        case .dataRate:
            // Scaled within the unit's own period: "3 PB/month", "100 TB/day".
            guard let volume = q.unit.dataPart, let period = q.unit.periodSymbol else {
                return withUnit(significant(v, digits: d), q.unit.symbol)
            }
            return bytes(v * volume.toBase, digits: d) + "/" + period
        case .time: return duration(seconds: q.baseValue, digits: d)
        case .money: return money(v, digits: d)
        case .moneyRate: return money(v, digits: d) + suffix(after: "$", in: q.unit.symbol)
        case .pricePerData, .pricePerDataMonth, .costPerLatency:
            return money(v, digits: d) + suffix(after: "$", in: q.unit.symbol)
        case .ratio:
            if q.unit == .percent { return significant(v, digits: d) + " %" }
            if q.unit == .times { return significant(v, digits: d) + "×" }
            return significant(v, digits: d)
        case .count:
            return withUnit(count(v, digits: d), v == 1 ? singular(q.unit.symbol) : q.unit.symbol)
        case .rate:
            return withUnit(count(v, digits: d), q.unit.symbol)
        }
    }

    /// "725 ± 31 writes": a mean over random runs and its standard deviation (two significant
    /// figures), the unit written once for counts and rates.
    public static func mean(_ q: Quantity, spread: Double, plusMinus: String = "±") -> String {
        guard q.value.isFinite, spread.isFinite else { return "n/a" }
        switch q.unit.dimension {
        case .count, .rate:
            let mean = abs(q.value) >= 1000 ? grouped(q.value.rounded()) : significant(q.value)
            return mean + " " + plusMinus + " " + withUnit(significant(spread, digits: 2), q.unit.symbol)
        default:
            return quantity(q) + " " + plusMinus + " " + quantity(Quantity(spread, q.unit))
        }
    }

    /// "writes" → "write", "entries" → "entry", for a count of exactly one.
    static func singular(_ symbol: String) -> String {
        if symbol.hasSuffix("ies") { return String(symbol.dropLast(3)) + "y" }
        if symbol.hasSuffix("s"), symbol.count > 1 { return String(symbol.dropLast()) }
        return symbol
    }

    /// The value in exactly the unit given, without rescaling: "1,000 s", "3,000 TB",
    /// "$44,000/month". Claims use it so the board's figure reads as the board wrote it.
    public static func literal(_ q: Quantity) -> String {
        let v = q.value
        guard v.isFinite else { return "n/a" }
        switch q.unit.dimension {
        case .money, .moneyRate, .pricePerData, .pricePerDataMonth, .costPerLatency: return quantity(q)
        case .ratio: return quantity(q)
        default:
            let number = abs(v) >= 1e12 || (abs(v) >= 1e6 && v != v.rounded()) ? significant(v) : count(v)
            return withUnit(number, v == 1 && q.unit.dimension == .count ? singular(q.unit.symbol) : q.unit.symbol)
        }
    }

    /// "1,000,000", "3,600", "2.78", "1.5 G" (integers up to 10^12 in full).
    public static func count(_ v: Double, digits d: Int = 3) -> String {
        guard v.isFinite else { return "n/a" }
        if v == v.rounded(), abs(v) < 1e12 { return grouped(v) }
        if abs(v) >= 1e12 { return si(v, prefixes: ["", "k", "M", "G", "T", "P", "E"], digits: d) }
        // Computed (non-integer) amounts: three significant figures, short when large.
        if abs(v) >= 1e6 { return si(v, prefixes: ["", "K", "M", "B", "T"], digits: d) }
        if abs(v) >= 1000 { return d > 3 ? significant(v, digits: d) : grouped(v.rounded()) }
        return significant(v, digits: d)
    }

    /// Short counts for ranges and axes: "10K", "1M", "1.5B"; small values as `count`.
    public static func compact(_ v: Double) -> String {
        guard v.isFinite else { return "n/a" }
        if abs(v) < 10_000 { return count(v) }
        return si(v, prefixes: ["", "K", "M", "B", "T", "Q"])
    }

    /// Dollars: "$11.11", "$115,000", "$2.15M", "$0.0000294".
    public static func money(_ v: Double, digits d: Int = 3) -> String {
        guard v.isFinite else { return "n/a" }
        let sign = v < 0 ? "-" : ""
        let a = abs(v)
        if a == 0 { return "$0" }
        if a >= 1e7 { return sign + "$" + si(a, prefixes: ["", "K", "M", "B", "T"], digits: d) }
        if a >= 1_000 { return sign + "$" + (d > 3 ? significant(a, digits: d) : grouped(a.rounded())) }
        if a >= 100 { return sign + "$" + (a == a.rounded() ? grouped(a) : d > 3 ? significant(a, digits: d) : fixed(a, decimals: 0)) }
        if a >= 1 { return sign + "$" + (d > 3 ? significant(a, digits: d) : fixed(a, decimals: 2)) }
        return sign + "$" + significant(a, digits: d)
    }

    /// Decimal bytes: "8 B", "80 KB", "8 MB", "5 PB".
    public static func bytes(_ v: Double, digits d: Int = 3) -> String {
        guard v.isFinite else { return "n/a" }
        let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
        var x = abs(v), i = 0
        while x >= 999.5, i < units.count - 1 { x /= 1000; i += 1 }
        return (v < 0 ? "-" : "") + significant(x, digits: d) + " " + units[i]
    }

    /// "< 1 ms", "50 ms", "100 s", "16.7 min", "2.5 h", "5.6 years".
    public static func duration(seconds s: Double, digits d: Int = 3) -> String {
        guard s.isFinite else { return "n/a" }
        let a = abs(s)
        if a == 0 { return "0 s" }
        if a < 0.000_001 { return significant(s * 1e9, digits: d) + " ns" }
        if a < 0.001 { return significant(s * 1e6, digits: d) + " µs" }
        if a < 1 { return significant(s * 1e3, digits: d) + " ms" }
        if a < 120 { return significant(s, digits: d) + " s" }
        if a < 7_200 { return significant(s / 60, digits: d) + " min" }
        if a < 172_800 { return significant(s / 3_600, digits: d) + " h" }
        if a < 365 * 86_400 { return significant(s / 86_400, digits: d) + " days" }
        return significant(s / (365 * 86_400), digits: d) + " years"
    }

    /// Three significant figures, trailing zeros dropped, grouped when large.
    public static func significant(_ v: Double, digits: Int = 3) -> String {
        guard v.isFinite else { return "n/a" }
        if v == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(v))))
        let decimals = max(0, digits - 1 - magnitude)
        if decimals == 0 {
            let scale = pow10(magnitude - digits + 1)
            return grouped((v / scale).rounded() * scale)
        }
        return fixed(v, decimals: min(decimals, 12), trimZeros: true)
    }

    // MARK: - pieces

    static func withUnit(_ text: String, _ symbol: String) -> String {
        symbol.isEmpty ? text : text + " " + symbol
    }

    static func suffix(after prefix: String, in symbol: String) -> String {
        symbol.hasPrefix(prefix) ? String(symbol.dropFirst(prefix.count)) : " " + symbol
    }

    static func si(_ v: Double, prefixes: [String], digits d: Int = 3) -> String {
        var x = abs(v), i = 0
        while x >= 999.5, i < prefixes.count - 1 { x /= 1000; i += 1 }
        return (v < 0 ? "-" : "") + significant(x, digits: d) + prefixes[i]
    }

    /// Integer with thousands separators.
    static func grouped(_ v: Double) -> String {
        let negative = v < 0
        var digits = String(UInt64(min(abs(v).rounded(), 1.8e19)))
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (negative ? "-" : "") + digits + out
    }

    /// Fixed decimals without Foundation's formatters.
    static func fixed(_ v: Double, decimals: Int, trimZeros: Bool = false) -> String {
        let scale = pow10(decimals)
        let scaled = (abs(v) * scale).rounded()
        let whole = (scaled / scale).rounded(.towardZero)
        var frac = String(UInt64(max(0, scaled - whole * scale)))
        if decimals > 0 { frac = String(repeating: "0", count: max(0, decimals - frac.count)) + frac }
        if trimZeros { while frac.hasSuffix("0") { frac.removeLast() } }
        let sign = v < 0 && scaled != 0 ? "-" : ""
        return sign + grouped(whole) + (decimals > 0 && !frac.isEmpty ? "." + frac : "")
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }
        return r
    }
}

