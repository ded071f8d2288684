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

        func run() throws {
            let library: LessonLibrary
            do { library = try lessons.library() } catch {
                FileStandardError.write(error.description + "\n")
                throw ExitCode(65)
            }
            for problem in library.problems { FileStandardError.write(problem.description + "\n") }
            let rows = AuditReport.rows(library.lessons)
            StandardOutput.write(format == .json ? AuditReport.json(rows) : AuditReport.table(rows), json: format == .json)
        }
    }
}
