@testable import Calculators
import Testing

@Suite struct DebtTests {
    @Test func boardScoresGiveADifferentOrderThanTheBoardPrints() throws {
        let out = try run(DebtPrioritizer())
        #expect(out.v("d1.priority") == 8)       // board: 7.2 — wrong (9 × 8 / 9)
        #expect(out.v("d3.priority") == 8.4)     // board: 8.4 — holds
        #expect(out.v("d2.priority") == 1.75)    // board: 1.75 — holds
        #expect(out.v("d3.rank") == 1)           // board ranks it second
        #expect(out.v("d1.rank") == 2)           // board ranks it first
        #expect(out.v("d2.rank") == 3)
        #expect(out["top"]?.text == "Coarse sharding")
    }

    @Test func wsjfAndRice() throws {
        let out = try run(DebtPrioritizer())
        #expect(close(out.v("d3.wsjf"), 19.0 / 5))
        #expect(close(out.v("d1.rice"), 100 * 9 * 0.8 / 9))
        #expect(out.v("d2.rice_rank") == 3)
    }

    @Test func itemsCountControlsVisibleParametersAndResults() throws {
        let debt = DebtPrioritizer()
        let two = try debt.inputs(setting: ["items": 2])
        #expect(debt.visibleParameters(two).map(\.key).filter { $0.hasPrefix("d3.") }.isEmpty)
        #expect(debt.evaluate(two)["d3.priority"] == nil)
        let five = try debt.inputs(setting: ["items": 5])
        #expect(debt.visibleParameters(five).count == debt.parameters.count)
    }

    @Test func tiesKeepListOrder() {
        #expect(DebtPrioritizer.ranks([2, 3, 2, 1]) == [2, 1, 3, 4])
    }
}
