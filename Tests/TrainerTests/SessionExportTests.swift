import Calculators
import Foundation
import Testing
@testable import Trainer

/// A scripted session over fixture lessons (not the bundled ones, which are
/// edited often): two panels practised, one visited only, one never opened.
enum ExportFixture {
    static let framework = Lesson(
        id: "framework", file: "01.md", minutes: "41-42", title: "The trade-off framework",
        checklist: ["States the decision first", "Names the number | that anchors it"])
    static let fanout = Lesson(
        id: "fanout", file: "04.md", minutes: "42-44", title: "Fan-out for one big account", calculator: "fanout",
        parameters: [.init(key: "followers", value: 1_000_000), .init(key: "write_capacity", value: 10_000)],
        claims: [
            Claim(id: "push-writes", text: "One post is 1M feed writes under push", resultKey: "push.writes",
                  stated: Quantity(1_000_000, .writes)),
            Claim(id: "hybrid-time", text: "Hybrid finishes in about 1 s", resultKey: "hybrid.write_time",
                  stated: Quantity(1, .seconds), why: "only active followers get a push"),
        ],
        checklist: ["Push below a threshold", "Pull for celebrities", "Names the write-time number"],
        estimates: [.init(resultKey: "push.write_time", question: "At 10K writes/s, how long does pushing one post take?")])
    static let monitoring = Lesson(id: "monitoring", file: "23.md", minutes: "50", title: "Monitoring")
    static let wrapUp = Lesson(id: "wrap-up", file: "24.md", minutes: "50", title: "Wrap-up", checklist: ["Summarises"])
    static let lessons = [framework, fanout, monitoring, wrapUp]

    static let started = 1_700_000_000.0  // 2023-11-14 22:13:20 UTC
    static let finished = started + 700

    static var session: PracticeSession {
        var s = PracticeSession(startedAt: started, practiceMode: true)
        s.clock.start(at: 5_000)
        s.visit("framework")
        s[lesson: "framework"].ticked = [0]
        s[lesson: "framework"].notes = "Decision first, then the number.\n\nThen the \u{1B}[31mrejected\u{1B}[0m option."
        s.tick(at: 5_070, lesson: framework)
        s.visit("fanout")
        s[lesson: "fanout"][guess: 0].value = 90
        s[lesson: "fanout"][guess: 0].revealed = true
        s[lesson: "fanout"].parameters = ["followers": 50_000_000, "write_capacity": 10_000]
        s[lesson: "fanout"].ticked = [0, 2]
        s.tick(at: 5_195, lesson: fanout)
        s.visit("monitoring")
        s.tick(at: 5_225, lesson: monitoring)
        s.toggleClock(at: 5_230, lesson: monitoring)
        return s
    }
}

@Suite struct SessionExportTests {
    let utc = TimeZone(identifier: "UTC")!

    @Test func summaryCounts() {
        let summary = SessionSummary(ExportFixture.session, lessons: ExportFixture.lessons)
        #expect(summary.panels.map(\.lesson.id) == ["framework", "fanout", "monitoring"])
        #expect(summary.timeUsed == 230)
        #expect(summary.sections.map(\.spent) == [70, 125, 0, 0, 0, 35])
        #expect(summary.estimates == EstimateCounts(good: 1, fair: 0, off: 0))
        #expect(summary.checklistTicked == 3)
        #expect(summary.checklistTotal == 5)
        let fanout = summary.panels[1]
        #expect(fanout.changes.map(\.display) == ["followers: 1,000,000 followers → 50,000,000 followers"])
        #expect(fanout.claims.map(\.holds) == [false, false])
        #expect(fanout.estimates.first?.actual?.quantity.value == 100)
        #expect(fanout.estimates.first?.score == .good)
        #expect(fanout.results.count == 8)
        #expect(fanout.results.map(\.key).contains("hybrid.write_time"))
    }

    @Test func markdownSnapshot() {
        let text = SessionExport.markdown(ExportFixture.session, lessons: ExportFixture.lessons,
                                          finishedAt: ExportFixture.finished, timeZone: utc)
        assertSnapshot(text, named: "session-export.md")
        #expect(!text.contains("\u{1B}"))
    }

    @Test func emptySessionMarkdown() {
        let deck = ExportFixture.lessons.reduce(0) { $0 + $1.checklist.count }
        let s = PracticeSession(startedAt: ExportFixture.started, practiceMode: false)
        let text = SessionExport.markdown(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.started + 60, timeZone: utc)
        #expect(text.hasPrefix("""
            # Whiteboard session, 2023-11-14 22:13

            - Started 2023-11-14 22:13:20, finished 2023-11-14 22:14:20 (\(utc.identifier))
            - Mode: explore (no clock)
            - Scenario: board (unchanged)
            - Time used: 0:00 of 10:00 (10:00 left)
            - Estimates: 0 good, 0 fair, 0 off (0 of 1 answered)
            - Checklist: 0 of 0 ticked on the panels visited
            - Checklist over the whole deck: 0 of \(deck)\(TimeText.percent(0, of: deck)) (\(ExportFixture.lessons.count) of \(ExportFixture.lessons.count) panels not visited)

            """))
        #expect(text.contains("| total | 0:00 | 10:00 | under by 10:00 |\n\nNo panels visited.\n"))
        // Every panel is still listed, with its prompts and unticked checklist, as not visited.
        for lesson in ExportFixture.lessons {
            #expect(text.contains("## \(lesson.minutes) · \(lesson.title)\n\nNot visited."))
            for item in lesson.checklist { #expect(text.contains("- [ ] " + item.text)) }
            if let short = lesson.prompts.short { #expect(text.contains("- 30 s: " + short)) }
        }
    }

    @Test func workOnNextListsTheMissesWorstFirst() {
        var s = ExportFixture.session
        let text = SessionExport.markdown(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished, timeZone: utc)
        // The fixture's fan-out guess is good (90 s against 100 s): it is no miss, and its ratio is given.
        #expect(text.contains("; guess ÷ truth = 0.9"))
        #expect(!text.contains("- Estimate on \(ExportFixture.fanout.title)"))
        s[lesson: "fanout"][guess: 0].value = 5
        let off = SessionExport.markdown(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished, timeZone: utc)
        let next = off.components(separatedBy: "## Work on next\n\n").last?.components(separatedBy: "\n\n").first ?? ""
        #expect(next.hasPrefix("- Estimate on \(ExportFixture.fanout.title): off"))
        #expect(next.contains("(answer 100 s)"))
        #expect(off.contains("; guess ÷ truth = 0.05"))
        #expect(next.split(separator: "\n").count <= 5)
    }

    @Test func jsonIsValidAndComplete() throws {
        let text = SessionExport.json(ExportFixture.session, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? Int == 3)
        #expect(root["started"] as? String == "2023-11-14T22:13:20Z")
        #expect(root["finished"] as? String == "2023-11-14T22:25:00Z")
        #expect(root["scenario"] as? String == "board")
        #expect((root["scenario_changes"] as? [String: Any])?.isEmpty == true)
        #expect(root["practice"] as? Bool == true)
        #expect(root["time_used_s"] as? Double == 230)
        let sections = try #require(root["sections"] as? [[String: Any]])
        #expect(sections.map { $0["minutes"] as? String } == ["41-42", "42-44", "44-46", "46-48", "48-50", "50"])
        #expect(sections.map { $0["spent_s"] as? Double } == [70, 125, 0, 0, 0, 35])
        #expect(sections.map { $0["budget_s"] as? Double } == [60, 120, 120, 120, 120, 0])
        #expect(root["checklist_ticked"] as? Int == 3)
        #expect(root["checklist_total"] as? Int == 5)

        let panels = try #require(root["panels"] as? [[String: Any]])
        #expect(panels.map { $0["lesson"] as? String } == ["framework", "fanout", "monitoring"])
        #expect((panels[0]["estimates"] as? [Any])?.isEmpty == true)
        #expect(panels[0]["notes"] as? String == "Decision first, then the number.\n\nThen the \u{1B}[31mrejected\u{1B}[0m option.")
        #expect((panels[0]["checklist"] as? [[String: Any]])?.map { $0["ticked"] as? Bool } == [true, false])

        let fanout = panels[1]
        #expect(fanout["title"] as? String == "Fan-out for one big account")
        #expect(fanout["minutes"] as? String == "42-44")
        #expect(fanout["seconds"] as? Double == 125)
        let parameters = try #require(fanout["parameters"] as? [[String: Any]])
        #expect(parameters.count == 1)
        #expect(parameters[0]["key"] as? String == "followers")
        #expect(parameters[0]["from"] as? Double == 1_000_000)
        #expect(parameters[0]["to"] as? Double == 50_000_000)
        #expect(parameters[0]["unit"] as? String == "followers")
        let results = try #require(fanout["results"] as? [[String: Any]])
        #expect(results.first?["key"] as? String == "push.writes")
        #expect(results.first?["value"] as? Double == 50_000_000)
        #expect(results.first?["unit"] as? String == "writes")
        #expect(results.first?["label"] as? String == "push writes")
        let claims = try #require(fanout["claims"] as? [[String: Any]])
        #expect(claims.map { $0["id"] as? String } == ["push-writes", "hybrid-time"])
        #expect(claims[0]["holds"] as? Bool == false)
        #expect(claims[0]["stated"] as? Double == 1_000_000)
        #expect(claims[0]["computed"] as? Double == 50_000_000)
        #expect(claims[0]["unit"] as? String == "writes")
        #expect((claims[0]["reason"] as? String)?.hasPrefix("board says 1,000,000 writes") == true)
        let estimates = try #require(fanout["estimates"] as? [[String: Any]])
        #expect(estimates.count == 1)
        let estimate = try #require(estimates.first)
        #expect(estimate["result"] as? String == "push.write_time")
        #expect(estimate["question"] as? String == "At 10K writes/s, how long does pushing one post take?")
        #expect(estimate["guess"] as? Double == 90)
        #expect(estimate["actual"] as? Double == 100)
        #expect(estimate["unit"] as? String == "s")
        #expect(estimate["score"] as? String == "good")
        #expect(panels[2]["checklist"] as? [Any] != nil)
    }

    @Test func jsonKeysKeepTheDocumentedOrder() {
        let text = SessionExport.json(ExportFixture.session, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished)
        let keys = ["\"version\"", "\"started\"", "\"finished\"", "\"practice\"", "\"time_used_s\"", "\"sections\"", "\"panels\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    /// The estimates answered are counted of every estimate the deck asks, as history
    /// counts them ("1/0/0 of 3"): those on panels skipped are not answered.
    @Test func estimatesAreCountedOverTheWholeDeck() {
        let skipped = Lesson(id: "skipped", file: "09.md", minutes: "46-48", title: "Skipped", calculator: "fanout",
                             parameters: [.init(key: "followers", value: 1_000_000)],
                             estimates: [.init(resultKey: "push.writes", question: "How many writes?"),
                                         .init(resultKey: "push.write_time", question: "How long?")])
        let md = SessionExport.markdown(ExportFixture.session, lessons: ExportFixture.lessons + [skipped],
                                        finishedAt: ExportFixture.finished, timeZone: utc)
        #expect(md.contains("- Estimates: 1 good, 0 fair, 0 off (1 of 3 answered)\n"), "\(md.prefix(600))")
    }

    @Test func unansweredEstimate() throws {
        var s = ExportFixture.session
        s[lesson: "fanout"][guess: 0].value = nil
        s[lesson: "fanout"][guess: 0].revealed = false
        let text = SessionExport.json(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let estimate = try #require(((root["panels"] as? [[String: Any]])?[1]["estimates"] as? [[String: Any]])?.first)
        #expect(estimate["guess"] is NSNull)
        #expect(estimate["score"] is NSNull)
        #expect(estimate["actual"] as? Double == 100)
        let md = SessionExport.markdown(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished, timeZone: utc)
        #expect(md.contains("Not answered (actual 100 s at the lesson's values)."))
        #expect(md.contains("- Estimates: 0 good, 0 fair, 0 off (0 of 1 answered)"))
    }

    @Test func aRevealWithoutAGuessIsAMissAndAKeptGuessIsNotScored() {
        var s = ExportFixture.session
        s[lesson: "fanout"][guess: 0].value = nil
        var md = SessionExport.markdown(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished, timeZone: utc)
        #expect(md.contains("Revealed without a guess, actual 100 s at the lesson's values: **off**, revealed without a guess"))
        #expect(SessionSummary(s, lessons: ExportFixture.lessons).estimates == EstimateCounts(good: 0, fair: 0, off: 1))
        s[lesson: "fanout"][guess: 0].value = 90
        s[lesson: "fanout"][guess: 0].revealed = false
        md = SessionExport.markdown(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished, timeZone: utc)
        #expect(md.contains("Guess 90 s, not revealed (actual 100 s at the lesson's values)."))
        #expect(SessionSummary(s, lessons: ExportFixture.lessons).estimates.total == 0)
    }

    @Test func historyEntryMatchesTheExport() {
        let entry = HistoryEntry(session: ExportFixture.session, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished)
        var expected = HistoryEntry(date: ExportFixture.finished, secondsUsed: 230, panelsVisited: 3,
                                    estimates: EstimateCounts(good: 1, fair: 0, off: 0), checklistTicked: 3, checklistTotal: 5)
        expected.sessionID = ExportFixture.session.id
        #expect(entry == expected)
        #expect(entry.sessionID == PracticeSession.makeID(startedAt: ExportFixture.session.startedAt))
    }

    @Test(arguments: [(0.0, "0:00"), (59.4, "0:59"), (59.6, "1:00"), (600, "10:00"), (-30, "-0:30"), (3_725, "62:05")])
    func clockText(seconds: Double, expected: String) {
        #expect(TimeText.clock(seconds) == expected)
    }

    @Test func pace() {
        #expect(SessionExport.pace(70, 60) == "over by 0:10")
        #expect(SessionExport.pace(0, 120) == "under by 2:00")
        #expect(SessionExport.pace(120.2, 120) == "on time")
        #expect(SessionExport.pace(35, 0) == "wrap-up")
    }
}
