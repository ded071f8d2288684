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
            date              time used      panels  estimates (good/fair/off)  checklist
            2023-11-14 22:13  9:12 of 10:00  6       2/1/0                      9/30 (30 %)
            2023-11-15 23:13  0:00 of 10:00  1       none                       0/0

            """)
    }
}
