import Foundation
import Testing

/// `calc --set` reads time units as the trainer does.
@Suite struct TimeUnitCLITests {
    @Test func oneMIsAMinuteOnATime() throws {
        let run = try whiteboard("calc", "breaker", "--set", "open_timeout=2m")
        #expect(run.status == 0)
        #expect(run.stdout.contains("open_timeout"))
        #expect(run.stdout.contains("2 min *") || run.stdout.contains("120 s *"))
    }

    @Test func bigMOnATimeIsAUsageErrorWithTheSpellings() throws {
        let run = try whiteboard("calc", "breaker", "--set", "open_timeout=1M")
        #expect(run.status != 0)
        #expect(run.stderr.contains("M means mega only on counts"))
        #expect(run.stderr.contains("accepted units: ns, us, ms, s, min (or m), h, day"))
    }
}
