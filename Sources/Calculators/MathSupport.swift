#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Thin names over libm, so model files read like the formulas they cite and
// the module needs no Foundation.
@inline(__always) func ln(_ x: Double) -> Double { log(x) }
@inline(__always) func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func exponential(_ x: Double) -> Double { exp(x) }

/// SplitMix64: a small, fast generator so a seed gives the same run everywhere.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Exponential gap for a Poisson process of `rate` events per unit time.
    public mutating func gap(rate: Double) -> Double { -ln(1 - unit()) / rate }
}

@inline(__always) func decimalLog(_ x: Double) -> Double { log10(x) }

/// Standard normal cumulative distribution Φ(x); Φ(−∞) = 0, Φ(∞) = 1.
@inline(__always) func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }

/// ln Φ(x), finite far into the lower tail where Φ itself underflows: below −30 the
/// asymptotic series ln(φ(x) ÷ −x) + ln(1 − 1/x² + 3/x⁴ − 15/x⁶) (error under 1e−9).
func logNormalCDF(_ x: Double) -> Double {
    guard x < -30 else { return ln(normalCDF(x)) }
    let x2 = x * x
    return -x2 / 2 - ln(-x) - 0.5 * ln(2 * Double.pi) + ln(1 - 1 / x2 + 3 / (x2 * x2) - 15 / (x2 * x2 * x2))
}

/// e^x − 1 without losing digits near zero.
@inline(__always) func exponentialMinusOne(_ x: Double) -> Double { expm1(x) }
