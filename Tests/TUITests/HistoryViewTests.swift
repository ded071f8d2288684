import SnapshotTesting
import Foundation
import Testing
import Trainer
@testable import TUI

/// `S` opens the history view: it reads every session and attempt, then lists
/// the sessions newest first with accuracy and coverage of the whole deck.
@Suite struct HistoryViewTests {
    static let sessions = [
        SessionRecord(id: "s1", kind: .practice, startedAt: 1_700_000_000, finishedAt: 1_700_000_600, secondsUsed: 552,
                      deckPanels: 24, panelsVisited: 3, checklistTicked: 4, checklistTotal: 100, deckEstimates: 21),
        // Three panels, both estimates answered: 2× and 4× low.
        SessionRecord(id: "s3", kind: .explore, startedAt: 1_700_003_600, finishedAt: 1_700_003_700, secondsUsed: 0,
                      deckPanels: 3, panelsVisited: 3, checklistTicked: 1, checklistTotal: 6, deckEstimates: 2),
        SessionRecord(id: "s2", kind: .drill, startedAt: 1_700_086_400, finishedAt: 1_700_086_500, secondsUsed: 100,
                      deckPanels: 24),
    ]
    static let attempts = [
        CalibrationViewTests.a("s1", "monthly-bill", "per_dau.yearly", .money, guess: 25, truth: 100, day: 0),
        CalibrationViewTests.a("s1", "cdn-vs-origin", "with_cdn.bandwidth", .money, guess: 50, truth: 100, day: 0),
        CalibrationViewTests.a("s2", "queue-lag", "drain_time", .latency, guess: 1000, truth: 100, day: 1),
        CalibrationViewTests.a("s3", "monthly-bill", "per_dau.yearly", .money, guess: 50, truth: 100, day: 0),
        CalibrationViewTests.a("s3", "cdn-vs-origin", "with_cdn.bandwidth", .money, guess: 25, truth: 100, day: 0),
    ]

    static func opened(_ cols: Int, _ rows: Int) -> Harness {
        var h = Harness(cols, rows)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: true, notices: []))
        return h
    }

    @Test func theKeyReadsTheHistoryAndListsSessionsNewestFirst() {
        var h = Self.opened(120, 40)
        #expect(h.press(.character("S")) == [.loadSessions])
        #expect(h.state.overlay == .history(scroll: 0))
        #expect(h.text.contains("Reading the history"))
        _ = h.state.update(.sessionsLoaded(.success(SessionsRead(sessions: Self.sessions, attempts: Self.attempts))))
        #expect(h.state.history.sessions == SessionListing(rows: [
            // Dated by start, newest first; accuracy is one measure for every row: good of asked.
            ["2023-11-15 22:13", "drill", "1:40", "—", "0/1/0", "0 % good", "—"],
            ["2023-11-14 23:13", "explore", "0:00 of 10:00", "3 of 3", "1/1/0 of 2", "50 % good", "1/6 (17 %)"],
            // The deck asks 21 estimates; 19 never answered are misses: 1 good of 21.
            ["2023-11-14 22:13", "practice", "9:12 of 10:00", "3 of 24", "1/1/0 of 21", "5 % good", "4/100 (4 %)"],
        ]))
        let lines = h.text.split(separator: "\n").map(String.init)
        let header = lines.firstIndex { $0.contains("started") && $0.contains("accuracy") && $0.contains("checklist") }
        let drill = lines.firstIndex { $0.contains("2023-11-15 22:13  drill") }
        let practice = lines.firstIndex { $0.contains("2023-11-14 22:13  practice  9:12 of 10:00  3 of 24") }
        #expect(header != nil && drill != nil && practice != nil)
        if let header, let drill, let practice { #expect(header < drill && drill < practice) }
        #expect(h.text.contains("History · newest first · Esc closes"))
        h.press(.character("q"))
        #expect(h.state.overlay == nil)
    }

    @Test func atEightyColumnsEachSessionTakesTwoWholeLines() {
        var h = Self.opened(80, 24)
        h.press(.character("S"))
        _ = h.state.update(.sessionsLoaded(.success(SessionsRead(sessions: Self.sessions, attempts: Self.attempts))))
        let text = h.text
        #expect(text.contains("2023-11-14 22:13  practice · 9:12 of 10:00"))
        #expect(text.contains("panels 3 of 24 · estimates 1/1/0 good/fair/off of 21, 5 % good ·"))
        #expect(text.contains("panels 3 of 3 · estimates 1/1/0 good/fair/off of 2, 50 % good ·"))
        #expect(text.contains("estimates 0/1/0 good/fair/off, 0 % good"))
        #expect(text.contains("checklist 4/100 (4 %)"))
        #expect(text.contains("2023-11-15 22:13  drill · 1:40"))
        #expect(!text.contains("accuracy  checklist"))
    }

    @Test func snapshots() {
        for (cols, rows) in [(80, 24), (120, 40), (200, 60)] {
            var h = Self.opened(cols, rows)
            h.press(.character("S"))
            _ = h.state.update(.sessionsLoaded(.success(SessionsRead(sessions: Self.sessions, attempts: Self.attempts))))
            assertSnapshot(of: h.grid, as: .screen, named: "\(cols)x\(rows)")
        }
    }

    @Test func withoutTheDatabaseAFailedReadOrNoSessionsItSaysWhy() {
        var h = Harness(120, 40)
        _ = h.state.update(.historyOpened(available: false, notices: []))
        #expect(h.press(.character("S")) == [])
        #expect(h.text.contains("History not read: the history database is not open."))
        var g = Self.opened(120, 40)
        g.press(.character("S"))
        _ = g.state.update(.sessionsLoaded(.failure(StorageFailure("disk I/O error"))))
        #expect(g.text.contains("History not read: disk I/O error."))
        var e = Self.opened(120, 40)
        e.press(.character("S"))
        _ = e.state.update(.sessionsLoaded(.success(SessionsRead(sessions: [], attempts: []))))
        #expect(e.text.contains("No sessions yet. A session is kept here as you practise"))
    }

    /// j/k and paging stop at the end of every scrolled box, so k moves back at once.
    @Test func scrollingStopsAtTheEndOfTheBox() {
        var h = Self.opened(80, 24)
        h.press(.character("S"))
        let many = (0..<30).map {
            SessionRecord(id: "x\($0)", kind: .explore, startedAt: 1_700_000_000 + Double($0) * 86_400,
                          finishedAt: 1_700_000_100 + Double($0) * 86_400, secondsUsed: 60, deckPanels: 24, panelsVisited: 1)
        }
        _ = h.state.update(.sessionsLoaded(.success(SessionsRead(sessions: many, attempts: []))))
        for _ in 0..<10 { h.press(.character(" ")) }
        guard case let .history(end) = h.state.overlay else { Issue.record("history closed"); return }
        #expect(end > 0)
        #expect(end == h.state.scrollingOverlay?.maxScroll(in: h.state.size))
        #expect(h.text.contains("· end"))
        h.press(.character("k"))
        #expect(h.state.overlay == .history(scroll: end - 1))
        // The claims view too.
        var c = Harness(80, 24)
        c.press(.character("n"))
        c.press(.character("n"))
        c.press(.character("n"))
        c.press(.character("c"))
        for _ in 0..<40 { c.press(.character("j")) }
        if case let .claims(scroll) = c.state.overlay {
            #expect(scroll == c.state.scrollingOverlay?.maxScroll(in: c.state.size))
            c.press(.character("k"))
            #expect(c.state.overlay == .claims(scroll: max(0, scroll - 1)))
        } else {
            Issue.record("claims not open on panel 4")
        }
    }
}
