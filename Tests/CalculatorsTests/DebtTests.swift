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

    @Test func wsjfOnTheFibonacciScaleAndRiceOnIntercomsScales() throws {
        let out = try run(DebtPrioritizer())
        // WSJF = (value + time criticality + risk reduction) / job size, all on 1, 2, 3, 5, 8, 13, 20.
        #expect(out.v("d3.wsjf") == 29.0 / 8)                    // (8 + 8 + 13) / 8 = 3.625
        #expect(out.v("d1.wsjf") == 1.9)                          // (13 + 5 + 20) / 20
        #expect(close(out.v("d2.wsjf"), 18.0 / 13))
        #expect(out.v("d3.wsjf_rank") == 1)
        // RICE = reach a quarter × impact × confidence / person-months.
        #expect(close(out.v("d1.rice"), 25_000_000))              // 200M × 3 × 50 % / 12
        #expect(close(out.v("d3.rice"), 200e6 * 0.5 * 0.8 / 6))   // 13.3M
        #expect(close(out.v("d2.rice"), 200e6 * 1 * 0.5 / 18))    // 5.56M
        #expect(out.v("d1.rice_rank") == 1)                       // RICE disagrees with the other two
        #expect(out.v("d3.rice_rank") == 2)
        #expect(out.notes == ["The three methods disagree on the order: say which one you use and why."])
        // Effort has a floor of half a person-month.
        let debt = DebtPrioritizer()
        #expect(debt.parameter("d1.months")?.range.lowerBound == 0.5)
        #expect(debt.parameter("d1.reach")?.unit == .usersPerQuarter)
    }

    @Test func theScalesAreFixedListsEnteredSteppedAndCheckedAsSuch() throws {
        let debt = DebtPrioritizer()
        let size = try #require(debt.parameter("d3.size"))
        #expect(size.levels == [1, 2, 3, 5, 8, 13, 20])
        #expect(size.rangeDescription == "1, 2, 3, 5, 8, 13, 20")
        #expect(try size.parse("13") == 13)
        #expect(throws: ParameterError.notAChoice(key: "d3.size", text: "4", allowed: "1, 2, 3, 5, 8, 13, 20")) { try size.parse("4") }
        #expect(throws: ParameterError.self) { try debt.inputs(setting: ["d3.size": 6]) }
        #expect(size.stepped(8, by: 1) == 13)
        #expect(size.stepped(8, by: -1) == 5)
        #expect(size.stepped(20, by: 1) == 20)
        #expect(size.stepped(1, by: 1, large: true) == 5)
        #expect(size.value(atFraction: 0) == 1 && size.value(atFraction: 1) == 20 && size.value(atFraction: 0.5) == 5)
        var inputs = debt.defaults
        inputs.setClamped("d3.size", 6.4)                          // the UI and drills snap to the scale
        #expect(inputs["d3.size"] == 5)
        let impact = try #require(debt.parameter("d1.rice_impact"))
        #expect(impact.levels == [0.25, 0.5, 1, 2, 3])
        #expect(try impact.parse("massive") == 3)
        #expect(try impact.parse("0.5") == 0.5)
        #expect(impact.display(3) == "3 (massive)")
        #expect(impact.rangeDescription == "0.25 (minimal), 0.5 (low), 1 (medium), 2 (high), 3 (massive)")
        let confidence = try #require(debt.parameter("d1.confidence"))
        #expect(confidence.levels == [50, 80, 100])
        #expect(confidence.display(80) == "80 % (medium)")
        #expect(throws: ParameterError.self) { try confidence.parse("90") }
        // The tornado moves a scale to the levels either side: 8 → 5 and 13.
        let tornado = try Sensitivity.tornado(debt, debt.defaults, result: "d3.wsjf")
        #expect(tornado.bars.first?.parameter.key == "d3.size")
        #expect(close(tornado.bars.first?.swing ?? .nan, 29.0 / 5 - 29.0 / 13))
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
