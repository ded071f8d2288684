import ArgumentParser
import Trainer

extension Whiteboard {
    /// `whiteboard lint`: check lesson files, compiler-style.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check lesson files; print each problem as file:line:column.",
            discussion: "Example: whiteboard lint Lessons   (exit 0 when clean, 65 otherwise)"
        )

        @Argument(help: "A folder of lessons (default: the bundled set).")
        var directory: String?

        func run() throws {
            let sources: [LessonLibrary.Source]
            if let directory {
                do { sources = try LessonLibrary.sources(inDirectory: directory) } catch {
                    StandardOutput.write(error.description + "\n")
                    throw ExitCode(65)
                }
            } else {
                sources = LessonOptions.bundled
            }
            let library = LessonLibrary.load([sources])
            for problem in library.problems { StandardOutput.write(problem.description + "\n") }
            // Warnings do not fail the run: the lesson loads, its notes are only not checked.
            let texts = Dictionary(sources.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
            let warnings = library.lessons.flatMap { lesson in
                LessonWarning.checklist(lesson) + LessonWarning.internalKeys(lesson, text: texts[lesson.file] ?? "")
            }
            for warning in warnings { StandardOutput.write(warning.description + "\n") }
            if library.problems.isEmpty {
                StandardOutput.write("\(library.lessons.count) lessons, no problems.\n")
            } else {
                StandardOutput.write("\(library.problems.count) problem\(library.problems.count == 1 ? "" : "s") in \(Set(library.problems.map(\.file)).count) file(s).\n")
                throw ExitCode(65)
            }
        }
    }
}
