import ArgumentParser
import Foundation
import Trainer

extension Whiteboard {
    /// `whiteboard calibration`: bias and spread of your guesses, per kind, over time.
    struct Calibration: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calibration",
            abstract: "Show how your estimates lean, per kind of quantity, session by session.",
            discussion: """
                For rates, counts, sizes, money, times and ratios: the median of log(guess / truth) \
                ("you underestimate money by 3×") and its spread; for percentages the same in \
                percentage points. Reads $XDG_DATA_HOME/whiteboard/history.sqlite.
                Example: whiteboard calibration --format json
                """
        )

        @Option(help: "table or json.")
        var format: Calc.OutputFormat = .table

        @Flag(help: "ASCII bars and axis.")
        var ascii = false

        func run() throws {
            let store = SessionStore(environment: ProcessInfo.processInfo.environment)
            let opened = HistoryDatabase.open(store)
            for notice in opened.notices { FileStandardError.write("whiteboard calibration: \(notice)\n") }
            var attempts: [AttemptRecord] = []
            if let db = opened.database {
                do { attempts = try db.attempts() } catch {
                    FileStandardError.write("whiteboard calibration: \(error.description)\n")
                    throw ExitCode(74)
                }
            }
            let calibration = Trainer.Calibration(attempts)
            StandardOutput.write(format == .json ? CalibrationReport.json(calibration)
                                     : CalibrationReport.table(calibration, ascii: ascii), json: format == .json)
        }
    }
}
