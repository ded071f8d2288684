import Calculators
import Testing

@Suite struct ScenarioLinkTests {
    @Test(arguments: ScenarioLinks.defaults)
    func everyLinkJoinsAQuantityOfTheSameKind(link: ScenarioLink) throws {
        let calculator = try #require(Registry.named(link.calculator), "no calculator \(link.calculator)")
        let parameter = try #require(calculator.parameter(link.parameter), "\(link.calculator) has no \(link.parameter)")
        let model = ScenarioModel()
        let quantity = try #require(model.quantity(link.source, in: model.defaults), "no scenario quantity \(link.source)")
        #expect(quantity.unit.dimension == parameter.unit.dimension, "\(link.calculator).\(link.parameter) ← \(link.source)")
        #expect(link.value(in: model.defaults) != nil)
    }

    @Test func headroomTakesPeakWritesFromTheScenario() throws {
        var scenario = ScenarioModel().defaults
        #expect(ScenarioLinks.inputs(for: Headroom(), scenario: scenario)["current_qps"] == 3_600)
        try scenario.set("dau", 400_000_000)
        let inputs = ScenarioLinks.inputs(for: Headroom(), scenario: scenario)
        #expect(inputs["current_qps"] == 7_200)
        #expect(inputs["capacity"] == 10_000)
    }

    @Test func aLinkedValueIsClampedIntoTheParametersRange() throws {
        var scenario = ScenarioModel().defaults
        try scenario.set("dau", 1)
        // 1 user × 0.78 posts/day is far below headroom's 1 write/s minimum.
        #expect(ScenarioLinks.inputs(for: Headroom(), scenario: scenario)["current_qps"] == 1)
    }

    @Test func theOriginNamesTheFormula() {
        #expect(ScenarioLink("headroom", "current_qps", "peak_write_qps").origin
            == "scenario: peak writes = DAU × posts/day ÷ 86,400 × peak factor")
        #expect(ScenarioLink("bill", "dau", "dau").origin == "scenario: daily active users")
    }
}
