import ArgumentParser
import Foundation
import Trainer

extension Whiteboard {
    /// `whiteboard history`: every session, drills included.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List practice sessions and drills: time used, estimates, accuracy and checklist coverage.",
            discussion: """
                Newest first by when each session started (the date shown). Estimates, accuracy and \
                checklist coverage count every panel of the deck: an estimate on a skipped panel is a miss \
                ("2/1/0 of 21": 2 good, 1 fair, 0 off of the deck's 21) and its checklist counts as not \
                ticked. \(SessionHistoryReport.accuracyMeaning) \
                Reads $XDG_DATA_HOME/whiteboard/history.sqlite (history.jsonl, from before it, is imported \
                into it once and left in place; the trainer writes it only when the database cannot be opened).
                Example: whiteboard history
                """
        )

        func run() throws {
            let store = SessionStore(environment: ProcessInfo.processInfo.environment)
            let opened = HistoryDatabase.open(store)
            for notice in opened.notices { FileStandardError.write("whiteboard history: \(notice)\n") }
            if let db = opened.database {
                do {
                    StandardOutput.write(SessionHistoryReport.table(try db.sessions(), attempts: try db.attempts()))
                    return
                } catch {
                    FileStandardError.write("whiteboard history: \(error.description); showing \(store.historyPath)\n")
                }
            }
            // Without the database, the old JSON lines are still worth showing.
            let (entries, skipped) = store.historyWithSkipped()
            StandardOutput.write(HistoryReport.table(entries))
            if skipped > 0 {
                FileStandardError.write("whiteboard history: \(skipped) line\(skipped == 1 ? "" : "s") of \(store.historyPath) could not be read and \(skipped == 1 ? "was" : "were") skipped\n")
            }
        }
    }
}
