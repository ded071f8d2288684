import Foundation
import Testing
@testable import Trainer

/// `whiteboard audit`: each claim checked at its lesson's starting values.
@Suite struct AuditReportTests {
    let lessons = [
        lesson("""
            ---
            id: demo
            minutes: "42-44"
            title: Demo
            calculator: fanout
            claims:
              - id: push-writes
                text: "One post is 1M feed writes"
                result: push.writes
                stated: 1M
                unit: writes
              - id: push-time
                text: "Pushing it takes 1,000 s"
                result: push.write_time
                stated: 1000
                unit: s
                why: "That is 1,000 writes/s, not 10K."
            ---
            """),
        lesson("---\nid: words\nminutes: \"50\"\ntitle: Only words\n---\n"),
    ].compactMap { $0 }

    @Test func eachClaimIsARowWithItsVerdict() {
        let rows = AuditReport.rows(lessons)
        #expect(rows.map(\.lesson) == ["demo", "demo"])
        #expect(rows.map(\.check.claim.id) == ["push-writes", "push-time"])
        #expect(rows.map(\.check.holds) == [true, false])
        #expect(rows.map(\.check.computed?.value) == [1_000_000, 100])
        #expect(rows[1].check.reason == "board says 1,000 s, computed 100 s (off by 10×): That is 1,000 writes/s, not 10K.")
    }

    @Test func claimsAreCheckedAtTheLessonsStartingValues() throws {
        let slow = try #require(lesson("""
            ---
            id: slow
            minutes: "42-44"
            title: Slow
            calculator: fanout
            parameters:
              write_capacity: 1000
            claims:
              - id: push-time
                text: "Pushing it takes 1,000 s"
                result: push.write_time
                stated: 1000
                unit: s
            ---
            """))
        #expect(AuditReport.rows([slow]).map(\.check.holds) == [true])
    }

    @Test func theTableGroupsByLessonAndCountsAtTheEnd() {
        #expect(AuditReport.table(AuditReport.rows(lessons)) == """
            demo
              ✓ One post is 1M feed writes
              ✗ Pushing it takes 1,000 s
                  board says 1,000 s, computed 100 s (off by 10×): That is 1,000 writes/s, not 10K.

            2 claims: 1 hold, 1 do not.

            """)
    }

    @Test func noClaimsStillPrintsTheCount() {
        #expect(AuditReport.table([]) == "\n0 claims: 0 hold, 0 do not.\n")
    }

    @Test func theJSONIsAnArrayOfRowsWithExactlyTheseFields() throws {
        let json = AuditReport.json(AuditReport.rows(lessons))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let rows = try #require(parsed as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows {
            #expect(Set(row.keys) == ["lesson", "id", "text", "stated", "computed", "unit", "holds", "reason"])
        }
        let failing = rows[1]
        #expect(failing["lesson"] as? String == "demo")
        #expect(failing["id"] as? String == "push-time")
        #expect(failing["text"] as? String == "Pushing it takes 1,000 s")
        #expect(failing["stated"] as? Double == 1000)
        #expect(failing["computed"] as? Double == 100)
        #expect(failing["unit"] as? String == "s")
        #expect(failing["holds"] as? Bool == false)
        #expect((failing["reason"] as? String)?.hasPrefix("board says 1,000 s, computed 100 s") == true)
        #expect(json.hasSuffix("]\n"))
    }

    @Test func anEmptyAuditIsAnEmptyArray() {
        #expect(AuditReport.json([]) == "[]\n")
    }
}
