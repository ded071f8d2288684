import Foundation
import Testing
@testable import Trainer

@Suite struct CalibrationTests {
    static let utc = TimeZone(identifier: "UTC")!

    func a(_ session: String, _ item: String, _ kind: QuantityKind, guess: Double?, truth: Double, day: Double) -> AttemptRecord {
        AttemptRecord(sessionID: session, lessonID: item, resultKey: "r", question: "q", kind: kind, unit: "",
                      truth: truth, guess: guess, parameters: [:], secondsTaken: nil, date: 1_700_000_000 + day * 86_400)
    }

    /// Money guessed low by 4× and 2×, then 8× and 2×, over two sessions (and
    /// once revealed); percentages 10 points high.
    var fixed: [AttemptRecord] {
        [
            a("s1", "bill", .money, guess: 25, truth: 100, day: 0),
            a("s1", "cdn", .money, guess: 50, truth: 100, day: 0),
            a("s2", "bill", .money, guess: 12.5, truth: 100, day: 1),
            a("s2", "cdn", .money, guess: 50, truth: 100, day: 1),
            a("s2", "cdn", .money, guess: nil, truth: 100, day: 1),
            a("s1", "hit", .percent, guess: 0.70, truth: 0.60, day: 0),
            a("s2", "hit", .percent, guess: 0.52, truth: 0.40, day: 1),
            a("s2", "hit", .percent, guess: 0.38, truth: 0.30, day: 1),
        ]
    }

    @Test func biasAndSpreadOnFixedAttempts() throws {
        let c = Calibration(fixed)
        #expect(c.kinds.map(\.kind) == [.money, .percent])
        let money = c.kinds[0]
        // log10 errors, with l = log10(2): −2l, −l, −3l, −l → median −1.5l (2.83× low).
        let l = log10(2.0)
        #expect(abs(money.bias + 1.5 * l) < 1e-12)
        #expect(money.sentence == "you underestimate money by 2.8×")
        #expect(money.measured == 4 && money.unmeasured == 1)
        // Quartiles (linear): −2.25l and −l → half the IQR 0.625l (±1.54×).
        #expect(abs(money.spread - 0.625 * l) < 1e-12)
        #expect(money.spreadText == "±1.5×")
        #expect(money.trend.map(\.sessionID) == ["s1", "s2"])
        #expect(abs(money.trend[0].bias + 1.5 * l) < 1e-12)
        #expect(abs(money.trend[1].bias + 2 * l) < 1e-12)
        // bill: 4× and 8× low (median 5.66×); cdn: 2× low twice.
        #expect(money.pulling.map(\.id) == ["bill/r", "cdn/r"])

        let percent = c.kinds[1]
        #expect(abs(percent.bias - 10) < 1e-9)
        #expect(percent.sentence == "you overestimate percentages by 10 points")
        #expect(percent.trend.map(\.attempts) == [1, 2])
    }

    @Test func noClearBiasIsSaidSo() {
        let c = Calibration([a("s", "x", .latency, guess: 110, truth: 100, day: 0), a("s", "x", .latency, guess: 95, truth: 100, day: 0)])
        #expect(c.kinds.first?.sentence == "no clear bias on times (within 1.25×)")
        #expect(c.kinds.first?.pulling == [])
    }

    /// A reading names its direction in words, and a median inside the
    /// no-bias band says so rather than "1× high"; a spread close to one
    /// keeps two decimals so it does not read as no spread at all.
    @Test func readingsSayTheDirectionAndTheBand() {
        #expect(Calibration.reading(.money, -log10(3)) == "3× low")
        #expect(Calibration.reading(.money, log10(30)) == "30× high")
        #expect(Calibration.reading(.latency, log10(1.04)) == "within 1.25×")
        #expect(Calibration.reading(.latency, -log10(1.2)) == "within 1.25×")
        #expect(Calibration.reading(.percent, 12) == "12 points high")
        #expect(Calibration.reading(.percent, -2.5) == "within 3 points")
        #expect(Calibration.magnitude(.latency, log10(1.037), plusMinus: true) == "±1.04×")
        #expect(Calibration.magnitude(.latency, 0, plusMinus: true) == "±1×")
        #expect(Calibration.magnitude(.money, log10(1.5), plusMinus: true) == "±1.5×")
    }

    @Test func tableDrawsTheTrend() {
        let text = CalibrationReport.table(Calibration(fixed), timeZone: Self.utc)
        #expect(text.hasPrefix("money: you underestimate money by 2.8× · spread ±1.5× · 4 attempts in 2 sessions, and 1 not measured (revealed, or a zero)\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == String(repeating: " ", count: 20) + String(repeating: " ", count: 13) + "low│high")
        // Session 2 is the further from zero (4×), so it takes the full half
        // width; session 1 (2.83×) three quarters of it.
        #expect(lines[3] == "  2023-11-15 22:13  " + String(repeating: "█", count: 16) + "│" + String(repeating: " ", count: 16) + "  4× low (2)")
        #expect(lines[2] == "  2023-11-14 22:13  " + String(repeating: " ", count: 4) + String(repeating: "█", count: 12) + "│" + String(repeating: " ", count: 16) + "  2.8× low (2)")
        #expect(lines[4] == "  pulling most: bill/r 5.7× low (2), cdn/r 2× low (2)")
        #expect(text.contains("percent: you overestimate percentages by 10 points · spread ±"))
        #expect(CalibrationReport.table(Calibration([])) == "No estimates with a guess yet. Guess on a panel's estimate, or run `whiteboard drill`.\n")
    }

    @Test func jsonHasTheFigures() throws {
        let json = CalibrationReport.json(Calibration(fixed))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let kinds = try #require(root["kinds"] as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == ["money", "percent"])
        #expect(kinds[0]["scale"] as? String == "log10_ratio")
        #expect(kinds[0]["bias_text"] as? String == "2.8× low")
        #expect(kinds[1]["scale"] as? String == "points")
        #expect((kinds[0]["trend"] as? [Any])?.count == 2)
    }

    @Test func historyListsEverySessionWithAccuracyAndDeckCoverage() {
        let sessions = [
            SessionRecord(id: "old", kind: .imported, startedAt: 1_700_000_000, finishedAt: 1_700_000_500, secondsUsed: 500,
                          panelsVisited: 5, checklistTicked: 6, checklistTotal: 20, estimates: EstimateCounts(good: 1)),
            SessionRecord(id: "s1", kind: .practice, startedAt: 1_700_000_000, finishedAt: 1_700_000_600, secondsUsed: 552,
                          deckPanels: 24, panelsVisited: 3, checklistTicked: 4, checklistTotal: 100),
            SessionRecord(id: "s2", kind: .drill, startedAt: 1_700_086_400, finishedAt: 1_700_086_500, secondsUsed: 100,
                          deckPanels: 24),
        ]
        let text = SessionHistoryReport.table(sessions, attempts: fixed, timeZone: Self.utc)
        // Newest first by start. s2 (a drill): 8× low, 2× low (good), revealed, 12 and
        // 8 points high: 1 good of the 5 asked. s1 keeps no deck size (written before
        // it was kept), nor does an imported line: accuracy unknown.
        #expect(text == """
            started           kind      time used      panels   estimates (good/fair/off)  accuracy   checklist
            2023-11-15 22:13  drill     1:40           —        1/3/1                      20 % good  —
            2023-11-14 22:13  practice  9:12 of 10:00  3 of 24  1/2/0                      —          4/100 (4 %)
            2023-11-14 22:13  imported  8:20 of 10:00  5        1/0/0                      —          6/20 (30 %) (visited panels)

            """)
    }
}
