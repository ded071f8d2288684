import ArgumentParser
import Trainer

extension Whiteboard {
    /// `whiteboard audit`: every claim the lessons make, checked.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate every claim of every lesson against its calculator.",
            discussion: "Example: whiteboard audit --format json   (failing claims are content: exit 0)"
        )

        @OptionGroup var lessons: LessonOptions

        @Option(help: "table or json.")
        var format: Calc.OutputFormat = .table

        @Flag(help: "List every scenario quantity a panel sets differently from the scenario.")
        var consistency = false

        @Option(help: ArgumentHelp("With --consistency: the scenario to compare against (default: board).", valueName: "name|file"))
        var scenario: String?

        func run() throws {
            let library: LessonLibrary
            do { library = try lessons.library() } catch {
                FileStandardError.write(error.description + "\n")
                throw ExitCode(65)
            }
            for problem in library.problems { FileStandardError.write(problem.description + "\n") }
            if scenario != nil, !consistency {
                FileStandardError.write("whiteboard audit: error: --scenario goes with --consistency\n")
                throw ExitCode(64)
            }
            if consistency {
                let chosen: Scenario
                switch ScenarioLibrary.bundled.load(scenario ?? "board") {
                case let .success(s): chosen = s
                case let .failure(failure):
                    FileStandardError.write("whiteboard audit: error: \(failure.description)\n")
                    throw ExitCode(64)
                }
                let findings = ConsistencyAudit.findings(library.lessons, scenario: chosen)
                print(format == .json ? ConsistencyAudit.json(findings, scenario: chosen) : ConsistencyAudit.table(findings, scenario: chosen),
                      terminator: "")
                return
            }
            let rows = AuditReport.rows(library.lessons)
            StandardOutput.write(format == .json ? AuditReport.json(rows) : AuditReport.table(rows), json: format == .json)
        }
    }
}
