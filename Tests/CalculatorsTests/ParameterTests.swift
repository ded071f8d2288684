@testable import Calculators
import Testing

@Suite struct ParameterTests {
    let followers = FanOut().parameter("followers")!

    @Test func parsesWhatPeopleType() throws {
        #expect(try followers.parse("1M") == 1_000_000)
        #expect(try followers.parse("10k") == 10_000)
        #expect(try followers.parse("1e6") == 1_000_000)
        #expect(try followers.parse(" 1,000,000 ") == 1_000_000)
        #expect(try followers.parse("2_500") == 2_500)
    }

    @Test func refusesOutOfRangeNamingTheRange() {
        #expect(throws: ParameterError.outOfRange(key: "followers", value: 1e18, allowed: "1 … 1B followers")) {
            try followers.parse("1e18")
        }
        let error = #expect(throws: ParameterError.self) { try followers.parse("lots") }
        #expect(error?.description == "followers: \"lots\" is not a number (allowed: 1 … 1B followers)")
        #expect(throws: ParameterError.self) { try followers.parse("nan") }
        #expect(throws: ParameterError.self) { try followers.parse("inf") }
        #expect(throws: ParameterError.self) { try followers.parse("") }
    }

    @Test func logarithmicStepsWalkOneTwoFiveAndTimesTen() {
        #expect(followers.stepped(1_000_000, by: 1) == 2_000_000)
        #expect(followers.stepped(2_000_000, by: 1) == 5_000_000)
        #expect(followers.stepped(5_000_000, by: 1) == 10_000_000)
        #expect(followers.stepped(1_000_000, by: -1) == 500_000)
        #expect(followers.stepped(1_500_000, by: -1) == 1_000_000)
        #expect(followers.stepped(1_000_000, by: 1, large: true) == 10_000_000)
        #expect(followers.stepped(1_000_000_000, by: 1, large: true) == 1_000_000_000)
        #expect(followers.stepped(1, by: -1) == 1)
    }

    @Test func linearStepsSnapAndClamp() {
        let active = FanOut().parameter("active_percent")!
        #expect(active.stepped(1, by: 1) == 2)
        #expect(active.stepped(1, by: 1, large: true) == 11)
        #expect(active.stepped(95, by: 1, large: true) == 100)
        #expect(active.stepped(0, by: -1) == 0)
        let price = StorageTiers().parameter("hot_price")!
        #expect(price.stepped(0.023, by: 1) == 0.024)
    }

    @Test func choicesParseByLabel() throws {
        let mode = Partition().parameter("mode")!
        #expect(try mode.parse("cp") == 1)
        #expect(try mode.parse("2") == 2)
        #expect(mode.display(2) == "quorum")
        #expect(throws: ParameterError.self) { try mode.parse("3") }
    }

    @Test func unknownKeyNamesTheKnownOnes() {
        #expect(throws: ParameterError.self) { try Headroom().inputs(setting: ["qps": 1]) }
    }

    @Test func everyDefaultIsInsideItsRange() {
        for calculator in Registry.all {
            for p in calculator.parameters {
                #expect(p.range.contains(p.defaultValue), "\(calculator.name).\(p.key)")
                #expect((try? p.validate(p.defaultValue)) == p.defaultValue, "\(calculator.name).\(p.key)")
            }
            #expect(Set(calculator.parameters.map(\.key)).count == calculator.parameters.count, "\(calculator.name) repeats a key")
        }
        #expect(Set(Registry.names).count == Registry.all.count)
    }
}

@Suite struct StrictParsingTests {
    let size = StorageTiers().parameter("size_pb")!

    @Test func ambiguousOrForeignInputIsRefused() {
        for text in ["5 %", "3,5", "0x10", "", ",", ".", "1,00"] {
            #expect(throws: ParameterError.self, "\(text)") { try size.parse(text) }
        }
        #expect(try! size.parse("1,000") == 1_000)
        #expect(try! FanOut().parameter("active_percent")!.parse("20%") == 20)
    }

    @Test func anOutOfRangeValueWithAUnitIsShownAsTyped() {
        let error = #expect(throws: ParameterError.self) { try size.parse("12EB") }
        #expect(error?.description == "size_pb: 12 EB is out of range (allowed: 0 B … 10 EB)")
    }
}
