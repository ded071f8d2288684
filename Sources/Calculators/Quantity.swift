/// A number with its unit. Arithmetic across units goes through the operators
/// below, which work in base units, so a TB priced in $/GB is converted before
/// it is multiplied — the seed's CDN sketch skips exactly that step.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The value in the dimension's base unit (seconds, bytes, dollars, ...).
    public var baseValue: Double { unit.toBase(value) }

    public func converted(to target: Unit) throws(UnitError) -> Quantity {
        guard target.dimension == unit.dimension else { throw .incompatible(from: unit, to: target) }
        // The same factor both ways: no rounding through the base unit.
        if target.toBase == unit.toBase { return Quantity(value, target) }
        return Quantity(target.fromBase(baseValue), target)
    }

    public var description: String { Format.quantity(self) }

    /// Base-unit products that mean something: volume × price, rate × time, ...
    private static let products: [Pair: (Dimension, Unit)] = [
        Pair(.data, .pricePerData): (.money, .dollars),
        // Bytes per month × dollars per byte: dollars per month.
        Pair(.dataRate, .pricePerData): (.moneyRate, .dollarsPerMonth),
        Pair(.dataRate, .ratio): (.dataRate, .terabytesPerMonth),
        Pair(.rate, .count): (.rate, .perSecond),
        Pair(.count, .count): (.count, .count),
        Pair(.money, .count): (.money, .dollars),
        Pair(.moneyRate, .count): (.moneyRate, .dollarsPerMonth),
        Pair(.ratio, .ratio): (.ratio, .ratio),
        Pair(.data, .pricePerDataMonth): (.moneyRate, .dollarsPerMonth),
        Pair(.rate, .time): (.count, .count),
        Pair(.count, .ratio): (.count, .count),
        Pair(.money, .ratio): (.money, .dollars),
        Pair(.moneyRate, .ratio): (.moneyRate, .dollarsPerMonth),
        Pair(.data, .ratio): (.data, .bytes),
        Pair(.data, .count): (.data, .bytes),
        Pair(.rate, .ratio): (.rate, .perSecond),
        Pair(.time, .ratio): (.time, .seconds),
        Pair(.time, .count): (.time, .seconds),
    ]

    private struct Pair: Hashable {
        let a: Dimension, b: Dimension
        init(_ a: Dimension, _ b: Dimension) { self.a = a; self.b = b }
    }

    /// `products` as a table indexed by the two dimensions' places, either order: `times`
    /// runs in every model and n² times in each give-away check, and a dictionary keyed by
    /// a `String`-backed enum hashed both names on every call.
    private static let productTable: [Unit?] = {
        let all = Dimension.allCases, n = all.count
        var table = [Unit?](repeating: nil, count: n * n)
        for (i, a) in all.enumerated() {
            for (j, b) in all.enumerated() {
                table[i * n + j] = (products[Pair(a, b)] ?? products[Pair(b, a)])?.1
            }
        }
        return table
    }()

    /// The unit of `a × b` in base units, nil when the product means nothing.
    @inline(__always)
    static func productUnit(_ a: Dimension, _ b: Dimension) -> Unit? {
        productTable[a.place * Dimension.allCases.count + b.place]
    }

    /// The value rounded to 12 significant digits. Volumes, prices and unit
    /// factors are decimal figures; binary rounding leaves noise in the 16th
    /// digit that would tip a tie ($2,446.50 shown as $2,446) the wrong way.
    static func decimal(_ v: Double) -> Double {
        guard v.isFinite, v != 0 else { return v }
        let digits = 12 - Int(decimalLog(abs(v)).rounded(.down))
        guard digits > 0, digits < 300 else { return v }
        let scale = Format.pow10(digits)
        return (v * scale).rounded() / scale
    }

    /// Multiplies in base units. Throws for pairs with no meaning (a TB times a TB).
    public func times(_ other: Quantity) throws(UnitError) -> Quantity {
        if let unit = Self.productUnit(self.unit.dimension, other.unit.dimension) {
            // One combined factor, applied first to the side whose unit is a whole fraction of
            // its base (a price per GB): 3,000 TB × $0.09/GB is 3,000 × $90/TB, as done by hand.
            let a = self.unit.factor, b = other.unit.factor, r = unit.factor
            let factor = (a.numerator * b.numerator * r.denominator) / (a.denominator * b.denominator * r.numerator)
            let product = b.denominator != 1 || a.denominator == 1 ? value * (other.value * factor) : (value * factor) * other.value
            return Quantity(Self.decimal(product), unit)
        }
        throw .noProduct(unit.dimension, other.unit.dimension, operation: "×")
    }

    /// Divides in base units: like by like gives a ratio; count by rate a time;
    /// money rate by latency the $/ms metric.
    public func dividedBy(_ other: Quantity) throws(UnitError) -> Quantity {
        let a = unit.dimension, b = other.unit.dimension
        let quotient = other.baseValue == 0 ? Double.nan : baseValue / other.baseValue
        switch (a, b) {
        case _ where a == b: return Quantity(quotient, .ratio)
        case (.count, .rate): return Quantity(quotient, .seconds)
        case (.count, .time): return Quantity(quotient, .perSecond)
        case (.moneyRate, .time):
            // $/month per ms: the divisor in ms, whatever unit it came in.
            let ms = (try? other.converted(to: .milliseconds).value) ?? .nan
            return Quantity(ms == 0 ? .nan : baseValue / ms, .dollarsPerMillisecond)
        case (_, .ratio), (_, .count): return Quantity(unit.fromBase(quotient), unit)
        default: throw .noProduct(a, b, operation: "÷")
        }
    }

    /// Sum of like quantities, in the unit of the first.
    public static func sum(_ parts: [Quantity], in unit: Unit) throws(UnitError) -> Quantity {
        var total = 0.0
        for part in parts { total += try part.converted(to: unit).value }
        return Quantity(total, unit)
    }
}

// MARK: - Arithmetic for models

/// Operators for calculator code. A combination with no meaning (a TB times a
/// TB, seconds plus bytes) is a bug in the model, not bad input: debug builds
/// and tests stop at it; a release build gets NaN, which reads "n/a".
extension Quantity {
    public static func * (a: Quantity, b: Quantity) -> Quantity {
        do { return try a.times(b) } catch { return invalid(error) }
    }

    public static func / (a: Quantity, b: Quantity) -> Quantity {
        do { return try a.dividedBy(b) } catch { return invalid(error) }
    }

    /// The sum in the unit of the left-hand side.
    public static func + (a: Quantity, b: Quantity) -> Quantity {
        Quantity(a.value + b.measured(in: a.unit), a.unit)
    }

    public static func - (a: Quantity, b: Quantity) -> Quantity {
        Quantity(a.value - b.measured(in: a.unit), a.unit)
    }

    public static prefix func - (a: Quantity) -> Quantity { Quantity(-a.value, a.unit) }

    /// Scaling by a plain number keeps the unit.
    public static func * (a: Quantity, k: Double) -> Quantity { Quantity(a.value * k, a.unit) }
    public static func * (k: Double, a: Quantity) -> Quantity { Quantity(k * a.value, a.unit) }
    public static func / (a: Quantity, k: Double) -> Quantity { Quantity(a.value / k, a.unit) }

    /// The smaller of two like quantities, in the unit of the first.
    public static func min(_ a: Quantity, _ b: Quantity) -> Quantity {
        Quantity(Swift.min(a.value, b.measured(in: a.unit)), a.unit)
    }

    /// The larger of two like quantities, in the unit of the first.
    public static func max(_ a: Quantity, _ b: Quantity) -> Quantity {
        Quantity(Swift.max(a.value, b.measured(in: a.unit)), a.unit)
    }

    /// The same quantity in `target`, which must measure the same kind of thing.
    public func expressed(in target: Unit) -> Quantity { Quantity(measured(in: target), target) }

    /// The value in `target`, which must measure the same kind of thing.
    public func measured(in target: Unit) -> Double {
        do { return try converted(to: target).value } catch { return Self.invalid(error).value }
    }

    static func invalid(_ error: UnitError) -> Quantity {
        assertionFailure("unit mismatch in a model: \(error)")
        return Quantity(.nan, .ratio)
    }
}
