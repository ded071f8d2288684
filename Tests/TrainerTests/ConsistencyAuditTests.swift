import Calculators
import Testing
import Trainer

@Suite struct ConsistencyAuditTests {
    func lesson(_ qps: Double) -> Lesson {
        Lesson(id: "h", file: "h.md", minutes: "44-46", title: "H", calculator: "headroom",
               parameters: [.init(key: "current_qps", value: qps)])
    }

    @Test func aLessonValueOffTheScenarioIsReportedWithBothValues() {
        let findings = ConsistencyAudit.findings([lesson(5_000)], scenario: .board)
        #expect(findings.count == 1)
        #expect(findings.first?.quantity == "peak_write_qps")
        #expect(findings.first?.lessonValue == "5,000 rows/s")
        #expect(findings.first?.scenarioValue == "3,600 rows/s")
        #expect(findings.first?.explained == false)
    }

    @Test func aLessonAtTheScenariosValueIsNotReported() throws {
        #expect(ConsistencyAudit.findings([lesson(3_600)], scenario: .board).isEmpty)
        let doubled = try Scenario.board.setting(["dau=400M"])
        // A lesson at the board's value follows the scenario in force; one off it keeps its own.
        #expect(ConsistencyAudit.findings([lesson(3_600)], scenario: doubled).isEmpty)
        #expect(ConsistencyAudit.findings([lesson(5_000)], scenario: doubled).map(\.scenarioValue) == ["7,200 rows/s"])
    }
}
