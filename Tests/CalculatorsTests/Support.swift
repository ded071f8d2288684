@testable import Calculators
import Testing

/// Runs a calculator with overrides and returns the value of one result.
func run(_ calculator: some Calculator, _ overrides: [String: Double] = [:]) throws -> Output {
    calculator.evaluate(try calculator.inputs(setting: overrides))
}

extension Output {
    /// The result's value, or NaN so a missing key fails the comparison loudly.
    func v(_ key: String) -> Double { value(key) ?? .nan }
}

func close(_ a: Double, _ b: Double, within tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
