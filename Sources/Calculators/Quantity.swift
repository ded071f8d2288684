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
    public var baseValue: Double { value * unit.toBase }

    public func converted(to target: Unit) throws(UnitError) -> Quantity {
        guard target.dimension == unit.dimension else { throw .incompatible(from: unit, to: target) }
        return Quantity(baseValue / target.toBase, target)
    }

    public var description: String { Format.quantity(self) }

    /// Base-unit products that mean something: volume × price, rate × time, ...
    private static let products: [Pair: (Dimension, Unit)] = [
        Pair(.data, .pricePerData): (.money, .dollars),
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

    /// Multiplies in base units. Throws for pairs with no meaning (a TB times a TB).
    public func times(_ other: Quantity) throws(UnitError) -> Quantity {
        if let (_, unit) = Self.products[Pair(self.unit.dimension, other.unit.dimension)]
            ?? Self.products[Pair(other.unit.dimension, self.unit.dimension)] {
            return Quantity(baseValue * other.baseValue / unit.toBase, unit)
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
            let ms = other.baseValue * 1_000
            return Quantity(ms == 0 ? .nan : baseValue / ms, .dollarsPerMillisecond)
        case (_, .ratio): return Quantity(quotient / unit.toBase, unit)
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
