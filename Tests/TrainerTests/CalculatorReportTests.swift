import Calculators
import Foundation
import Testing
@testable import Trainer

/// `whiteboard calc`: `--set` parsing, the table, the JSON and `--list`.
@Suite struct CalculatorReportTests {
    let fanout = FanOut()

    @Test func assignmentsAcceptWhatPeopleType() throws {
        let inputs = try CalculatorReport.inputs(for: fanout, assignments: ["followers=50M", " active_percent =20%"])
        #expect(inputs["followers"] == 50_000_000)
        #expect(inputs["active_percent"] == 20)
        #expect(inputs.changedKeys == ["active_percent", "followers"])
    }

    @Test func aBadAssignmentSaysWhatIsWrong() {
        #expect(throws: ParameterError.malformedAssignment("followers")) {
            try CalculatorReport.inputs(for: fanout, assignments: ["followers"])
        }
        #expect(throws: ParameterError.self) { try CalculatorReport.inputs(for: fanout, assignments: ["bogus=1"]) }
        #expect(message(["bogus=1"]) == #"fanout has no parameter "bogus" (parameters: followers, write_capacity, active_percent, read_cached_ms, read_uncached_ms, merge_ms, pull_write_ms, entry_bytes, push_below, pull_above)"#)
        #expect(message(["followers=5e9"]) == "followers: 5,000,000,000 is out of range (allowed: 1 … 1B followers)")
        #expect(message(["followers=many"]) == #"followers: "many" is not a number (allowed: 1 … 1B followers)"#)
    }

    func message(_ assignments: [String]) -> String? {
        do { _ = try CalculatorReport.inputs(for: fanout, assignments: assignments); return nil } catch {
            return error.description
        }
    }

    @Test func theTableListsParametersThenResultsInAlignedColumns() throws {
        let inputs = try CalculatorReport.inputs(for: fanout, assignments: ["followers=2M"])
        let lines = CalculatorReport.table(fanout, inputs).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Fan-out analyzer — \(fanout.summary)")
        #expect(lines.contains("followers         2,000,000 followers *  1 … 1B followers"))
        #expect(lines.contains("push.writes            2,000,000 writes  push writes"))
        #expect(lines.contains("recommended            pull              recommended"))
        #expect(lines.last == "")
    }

    @Test func theTableEndsWithTheCalculatorsNotes() throws {
        let inputs = try CalculatorReport.inputs(for: fanout, assignments: ["active_percent=0"])
        #expect(CalculatorReport.table(fanout, inputs).hasSuffix("\nnote: No active followers: hybrid pushes nothing, every read pulls.\n"))
    }

    @Test func theJSONCarriesValuesUnitsAndChoices() throws {
        let json = CalculatorReport.json(Partition(), Partition().defaults)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["calculator"] as? String == "partition")
        let parameters = try #require(root["parameters"] as? [String: [String: Any]])
        #expect(parameters["mode"]?["choice"] as? String == "AP")
        #expect(parameters["partition_s"]?["value"] as? Double == 60)
        #expect(parameters["partition_s"]?["unit"] as? String == "s")
        #expect(root["notes"] is [Any])
    }

    @Test func theJSONKeepsTheCalculatorsOrder() {
        let json = CalculatorReport.json(fanout, fanout.defaults)
        let first = json.range(of: "\"push.writes\"")!.lowerBound, last = json.range(of: "\"recommended\"")!.lowerBound
        #expect(first < last)
        #expect(json.contains(#""text": "pull""#))
    }

    @Test func theListNamesEveryCalculatorWithItsParameters() {
        let list = CalculatorReport.list(Registry.all)
        for calculator in Registry.all {
            #expect(list.contains("\(calculator.name) — \(calculator.title): "))
            for parameter in calculator.parameters { #expect(list.contains("  \(parameter.key) ")) }
        }
        #expect(list.contains("  followers         followers  default 1,000,000 followers  1 … 1B followers"))
    }

    @Test func layoutPadsEveryColumnButTheLast() {
        #expect(CalculatorReport.layout([["a", "bb", "c"], ["ccc", "d", "e"]]) == "a    bb  c\nccc  d   e")
    }
}
