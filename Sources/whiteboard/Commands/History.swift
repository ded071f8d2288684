import ArgumentParser
import Foundation
import Trainer

extension Whiteboard {
    /// `whiteboard history`: every session, drills included.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List practice sessions and drills: time used, estimates, accuracy and checklist coverage.",
            discussion: """
                Coverage counts every panel of the deck: a skipped panel's checklist counts as not ticked. \
                Reads $XDG_DATA_HOME/whiteboard/history.sqlite (history.jsonl is imported into it once).
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
