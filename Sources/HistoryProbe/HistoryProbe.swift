import Foundation
import Trainer

/// A second process for the history database tests: writes attempts to the
/// database at a path, one transaction each, and prints "committed N" after
/// each commit so a test knows what must survive when it kills the process.
///
///     history-probe DB SESSION COUNT [PAUSE_MS]
@main
struct HistoryProbe {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 4, let count = Int(arguments[3]) else {
            FileHandle.standardError.write(Data("usage: history-probe DB SESSION COUNT [PAUSE_MS]\n".utf8))
            exit(64)
        }
        let pause = arguments.count > 4 ? (Double(arguments[4]) ?? 0) / 1000 : 0
        let opened = HistoryDatabase.open(at: arguments[1])
        guard let database = opened.database else {
            FileHandle.standardError.write(Data((opened.notices.joined(separator: "\n") + "\n").utf8))
            exit(1)
        }
        for n in 1...max(1, count) {
            let attempt = AttemptRecord(
                sessionID: arguments[2], lessonID: "probe", resultKey: "value", question: "probe \(n)",
                kind: .count, unit: "", truth: 1000, guess: Double(n), parameters: ["n": Double(n)],
                secondsTaken: 1, date: Date().timeIntervalSince1970)
            do { try database.record(attempt) } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                exit(1)
            }
            // Unbuffered: the line is out before the next write starts.
            FileHandle.standardOutput.write(Data("committed \(n)\n".utf8))
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        }
    }
}
