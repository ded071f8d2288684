@testable import Calculators
import Testing

@Suite struct ClaimTests {
    let storage = try! run(StorageTiers())

    @Test func aWrongFigureFailsWithTheComputedValueAndWhy() {
        let claim = Claim(id: "tiered", text: "Tiered storage costs $44,000/month", resultKey: "tiered.monthly",
                          stated: Quantity(44_000, .dollarsPerMonth), why: "the sum leaves out part of the bill")
        let check = claim.evaluate(storage)
        #expect(!check.holds)
        #expect(check.computed == Quantity(52_750, .dollarsPerMonth))
        #expect(check.reason == "board says $44,000/month, computed $52,750/month (off by 20 %): the sum leaves out part of the bill")
    }

    @Test func aRightFigureHoldsWithinTolerance() {
        let claim = Claim(id: "hot", text: "All hot: $115K/month", resultKey: "all_hot.monthly",
                          stated: Quantity(115_000, .dollarsPerMonth))
        #expect(claim.evaluate(storage).holds)
        let yearly = Claim(id: "y", text: "", resultKey: "all_hot.monthly", stated: Quantity(1.38, .dollarsPerYear),
                           tolerance: 0.02)
        #expect(!yearly.evaluate(storage).holds)
    }

    @Test func aFloorOrCeilingHoldsOnItsSideOnly() {
        // Tiering saves $747K a year: "$500K+" holds, "$1M+" does not, "at most $1M" does.
        func check(_ stated: Double, _ bound: Claim.Bound) -> ClaimCheck {
            Claim(id: "b", text: "", resultKey: "savings.yearly", stated: Quantity(stated, .dollarsPerYear), tolerance: 0,
                  bound: bound).evaluate(storage)
        }
        #expect(check(500_000, .atLeast).holds)
        #expect(!check(1_000_000, .atLeast).holds)
        #expect(check(1_000_000, .atMost).holds)
        #expect(!check(500_000, .atMost).holds)
        // A point claim 34 % off fails where the floor holds.
        #expect(!check(500_000, .about).holds)
        #expect(check(1_000_000, .atLeast).reason == "board says at least $1,000,000/year, computed $747,000/year")
        // Slack: 5 % under a $780K floor still holds.
        let slack = Claim(id: "s", text: "", resultKey: "savings.yearly", stated: Quantity(780_000, .dollarsPerYear),
                          tolerance: 0.05, bound: .atLeast)
        #expect(slack.evaluate(storage).holds)
    }

    @Test func statedUnitsConvert() {
        let claim = Claim(id: "y", text: "", resultKey: "savings.yearly", stated: Quantity(62_250, .dollarsPerMonth))
        #expect(claim.evaluate(storage).holds)
    }

    @Test func largeRatiosReadAsTimes() throws {
        let bill = try run(MonthlyBill())
        let claim = Claim(id: "u", text: "", resultKey: "per_dau.yearly", stated: Quantity(0.90, .dollarsPerYear))
        let check = claim.evaluate(bill)
        #expect(!check.holds)
        #expect(check.reason == "board says $0.9/year, computed $0.0107/year (off by 83.8×)")
    }

    @Test func missingResultOrWrongDimensionFailsWithAReason() {
        let missing = Claim(id: "m", text: "", resultKey: "nope", stated: Quantity(1, .count)).evaluate(storage)
        #expect(!missing.holds)
        #expect(missing.reason == "the calculator has no result \"nope\"")
        let wrong = Claim(id: "w", text: "", resultKey: "tiered.monthly", stated: Quantity(1, .seconds)).evaluate(storage)
        #expect(wrong.reason == "cannot convert moneyRate ($/month) to time (s)")
    }
}
