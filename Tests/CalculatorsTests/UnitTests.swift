@testable import Calculators
import Testing

@Suite struct UnitTests {
    @Test func terabytesTimesPricePerGigabyteConvertsFirst() throws {
        // The seed's CDN sketch computes 3,000 × 0.09 = $270; 3,000 TB is 3,000,000 GB.
        let cost = try Quantity(3_000, .terabytes).times(Quantity(0.09, .dollarsPerGB))
        #expect(cost.unit == .dollars)
        #expect(close(cost.value, 270_000))
    }

    @Test func storageTimesMonthlyPriceIsAMonthlyBill() throws {
        let bill = try Quantity(5, .petabytes).times(Quantity(0.023, .dollarsPerGBMonth))
        #expect(bill.unit == .dollarsPerMonth)
        #expect(close(bill.value, 115_000))
    }

    @Test func meaninglessProductsThrow() {
        #expect(throws: UnitError.noProduct(.data, .data, operation: "×")) {
            try Quantity(1, .terabytes).times(Quantity(1, .gigabytes))
        }
    }

    @Test func conversions() throws {
        #expect(try Quantity(1, .terabytes).converted(to: .gigabytes).value == 1_000)
        #expect(close(try Quantity(12, .dollarsPerMonth).converted(to: .dollarsPerYear).value, 144))
        #expect(close(try Quantity(365, .dollarsPerYear).converted(to: .dollarsPerDay).value, 1))
        #expect(throws: UnitError.self) { try Quantity(1, .seconds).converted(to: .bytes) }
    }

    @Test func divisions() throws {
        #expect(close(try Quantity(1_000_000, .writes).dividedBy(Quantity(10_000, .writesPerSecond)).value, 100))
        #expect(close(try Quantity(5_000, .dollarsPerMonth).dividedBy(Quantity(450, .milliseconds)).value, 11.111111111))
        #expect(try Quantity(1, .dollarsPerMonth).dividedBy(Quantity(0, .milliseconds)).value.isNaN)
    }

    @Test func symbolsResolveAndUnknownOnesAreNamed() throws {
        #expect(try Unit.named("TB") == .terabytes)
        #expect(try Unit.named("×") == .times)
        #expect(try Unit.named("$/month") == .dollarsPerMonth)
        let error = #expect(throws: UnitError.self) { try Unit.named("furlongs") }
        #expect(error?.description.hasPrefix("unknown unit \"furlongs\" (known: writes, reads") == true)
    }
}
