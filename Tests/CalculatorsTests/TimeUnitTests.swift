import Testing
@testable import Calculators

/// Letters on a time are time units: `1m` is a minute; `M` is mega only on counts.
@Suite struct TimeUnitTests {
    let flush = Parameter("flush_ms", "flush every", unit: .milliseconds, default: 10, range: 0...3_600_000, step: 1)
    let timeout = Parameter("open_timeout", "open for", unit: .seconds, default: 60, range: 0.1...3_600, step: 5)
    let followers = Parameter("followers", "followers", unit: .followers, default: 1e6, range: 1...1e9, scale: .logarithmic, integral: true)

    @Test func minutesSecondsAndHoursOnATime() throws {
        #expect(try flush.parse("1m") == 60_000)
        #expect(try flush.parse("1min") == 60_000)
        #expect(try flush.parse("2 minutes") == 120_000)
        #expect(try flush.parse("250") == 250)
        #expect(try flush.parse("250ms") == 250)
        #expect(try flush.parse("1.5s") == 1_500)
        #expect(try flush.parse("1h") == 3_600_000)
        #expect(try flush.parse("1,500 ms") == 1_500)
        #expect(try flush.parse("2.5e3") == 2_500)
        #expect(try timeout.parse("5m") == 300)
        #expect(try timeout.parse("90 s") == 90)
    }

    @Test func aBigMOnATimeIsRefusedWithTheSpellings() {
        #expect(throws: ParameterError.self) { try flush.parse("1M") }
        let error = #expect(throws: ParameterError.self) { try flush.parse("1M") }
        #expect(error?.description == "flush_ms: \"1M\" is ambiguous: M means mega only on counts (say 1min or 1ms) (accepted units: ns, us, ms, s, min (or m), h, day)")
    }

    @Test func countSuffixesAndOtherKindsOnATimeSayWhy() {
        let k = #expect(throws: ParameterError.self) { try flush.parse("10k") }
        #expect(k?.description.contains("\"10k\" is a count, flush every is a time") == true)
        #expect(k?.description.contains("accepted units: ns, us, ms, s, min (or m), h, day") == true)
        let size = #expect(throws: ParameterError.self) { try flush.parse("3GB") }
        #expect(size?.description.contains("has no time unit \"GB\"") == true)
        let words = #expect(throws: ParameterError.self) { try flush.parse("soon") }
        #expect(words?.description.contains("\"soon\" is not a time") == true)
    }

    @Test func megaStillMeansMegaOnACount() throws {
        #expect(try followers.parse("1M") == 1_000_000)
        #expect(try followers.parse("1m") == 1_000_000)
    }

    @Test func aSizeOnACountSaysItIsASize() {
        let error = #expect(throws: ParameterError.self) { try followers.parse("3PB") }
        #expect(error?.description == "followers: \"3PB\" is a size, followers is a count (allowed: 1 … 1B followers)")
    }

    @Test func aTimeOutOfRangeShowsWhatWasTyped() {
        let error = #expect(throws: ParameterError.self) { try timeout.parse("2h") }
        #expect(error?.description == "open_timeout: 2 h is out of range (allowed: 100 ms … 60 min)")
    }
}
