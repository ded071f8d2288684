import ArgumentParser
import Foundation
import Trainer

extension Whiteboard {
    /// `whiteboard history`: finished sessions, one row each.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List finished practice sessions: time used, estimates and checklist coverage.",
            discussion: "Example: whiteboard history   (reads $XDG_DATA_HOME/whiteboard/history.jsonl)"
        )

        func run() throws {
            let store = SessionStore(environment: ProcessInfo.processInfo.environment)
            let (entries, skipped) = store.historyWithSkipped()
            print(HistoryReport.table(entries), terminator: "")
            if skipped > 0 {
                FileStandardError.write("whiteboard history: \(skipped) line\(skipped == 1 ? "" : "s") of \(store.historyPath) could not be read and \(skipped == 1 ? "was" : "were") skipped\n")
            }
        }
    }
}
