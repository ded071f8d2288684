import Foundation
import Testing
@testable import Trainer

@Suite struct HistoryReportTests {
    @Test func emptyHistoryIsFriendly() {
        #expect(HistoryReport.table([]) == """
            No sessions yet. A session is kept here as you practise with `whiteboard`: each panel when you leave \
            it, the whole session when you quit (q); a drill when you finish it (`whiteboard drill`).

            """)
        #expect(SessionHistoryReport.table([], attempts: []) == HistoryReport.table([]))
    }

    @Test func oneRowPerSession() {
        let entries = [
            HistoryEntry(date: 1_700_000_000, secondsUsed: 552, panelsVisited: 6,
                         estimates: EstimateCounts(good: 2, fair: 1, off: 0), checklistTicked: 9, checklistTotal: 30),
            HistoryEntry(date: 1_700_090_000, secondsUsed: 0, panelsVisited: 1,
                         estimates: EstimateCounts(), checklistTicked: 0, checklistTotal: 0),
        ]
        #expect(HistoryReport.table(entries, timeZone: TimeZone(identifier: "UTC")!) == """
            finished          time used      panels  estimates (good/fair/off)  checklist
            2023-11-15 23:13  0:00 of 10:00  1       none                       0/0
            2023-11-14 22:13  9:12 of 10:00  6       2/1/0                      9/30 (30 %)

            """)
    }

    /// A practice session started first, resumed and finished last; a drill and an
    /// explore session in between: listed newest first by start, the date shown,
    /// whichever order the database hands them over in and whenever each finished.
    @Test func sessionsAreListedNewestFirstByTheirStart() {
        let day = 86_400.0
        let sessions = [
            SessionRecord(id: "resumed", kind: .practice, startedAt: 1_700_000_000, finishedAt: 1_700_000_000 + 3 * day,
                          secondsUsed: 600, deckPanels: 4, panelsVisited: 4, checklistTicked: 1, checklistTotal: 4,
                          estimates: EstimateCounts(good: 1, fair: 1), deckEstimates: 2),
            SessionRecord(id: "browse", kind: .explore, startedAt: 1_700_000_000 + 2 * day, finishedAt: 1_700_000_000 + 2 * day + 60,
                          deckPanels: 4, panelsVisited: 1, checklistTotal: 4, deckEstimates: 2),
            SessionRecord(id: "drill", kind: .drill, startedAt: 1_700_000_000 + day, finishedAt: 1_700_000_000 + day + 100,
                          secondsUsed: 100, estimates: EstimateCounts(good: 2, off: 2)),
            SessionRecord(id: "killed", kind: .practice, startedAt: 1_700_000_000 + day, secondsUsed: 30,
                          deckPanels: 4, panelsVisited: 1, checklistTotal: 4, deckEstimates: 2),
        ]
        let utc = TimeZone(identifier: "UTC")!
        let rows = SessionHistoryReport.rows(sessions, attempts: [], timeZone: utc)
        #expect(rows == [
            ["2023-11-16 22:13", "explore", "0:00 of 10:00", "1 of 4", "none of 2", "0 % good", "0/4 (0 %)"],
            // Two started at the same second: by id, so the order never changes between runs.
            ["2023-11-15 22:13", "practice (unfinished)", "0:30 of 10:00", "1 of 4", "none of 2", "0 % good", "0/4 (0 %)"],
            ["2023-11-15 22:13", "drill", "1:40", "—", "2/0/2", "50 % good", "—"],
            ["2023-11-14 22:13", "practice", "10:00 of 10:00", "4 of 4", "1/1/0 of 2", "50 % good", "1/4 (25 %)"],
        ])
        #expect(SessionHistoryReport.rows(sessions.reversed(), attempts: [], timeZone: utc) == rows)
        #expect(SessionHistoryReport.table(sessions, attempts: [], timeZone: utc).hasPrefix("started  "))
    }
}
