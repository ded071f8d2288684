import BundledLessons
import Testing
@testable import Trainer

/// `whiteboard audit` over the bundled lessons, pinned as text: a change to a
/// lesson or a calculator that flips a board claim (holds ↔ fails), moves a
/// computed figure or changes a reason shows as a diff of
/// `Snapshots/audit.txt` in review.
///
/// When the diff is intended (a lesson's claim or a model changed on purpose):
/// read the diff the failure prints, then re-record and commit the new file:
///
///     RECORD_SNAPSHOTS=1 swift test --filter AuditSnapshotTests   # rewrites it (fails once)
///     swift test --filter AuditSnapshotTests                      # passes
///     git diff Tests/TrainerTests/Snapshots/audit.txt             # the flips, line by line
@Suite struct AuditSnapshotTests {
    @Test func theBundledLessonsAuditIsPinned() {
        let library = LessonLibrary.load([BundledLessons.sources])
        #expect(library.problems.isEmpty, "\(library.problems.map(\.description))")
        assertSnapshot(AuditReport.table(AuditReport.rows(library.lessons)), named: "audit.txt")
    }
}
