import Foundation
import Terminal
import Trainer
import TUI

/// Opens the trainer as `whiteboard train` does, from plain values rather than
/// parsed options: what a bare `whiteboard` runs (see `Main`).
struct TrainerLaunch {
    var lessonsDirectory: String?
    var noColor = false
    var ascii = false
    var mouse = true
    var exportDirectory: String?
    var practice = false
    var resume = false
    var quiet = false
    /// The scenario every panel shares (`--scenario`): a bundled name or a file; nil
    /// for the board's (under `--resume`, the session's).
    var scenario: String?
    /// Drill mode (`whiteboard drill` in a terminal): due estimates instead of the panels.
    var drill: DrillRun?

    /// The exit status to end with: nil for a normal quit, 2 without a terminal,
    /// 66 for a lessons folder that cannot be read, 73 for an export folder that
    /// cannot be written, 128 + n after signal n.
    func run() -> Int32? {
        // Checked first, as a bad option is: the folder `x` will write to, so a typo
        // is reported now rather than at the end of a practice run.
        if let exportDirectory {
            do { try Exporter.checkFolder(exportDirectory) } catch {
                FileStandardError.write("whiteboard: --export-dir: \(error.description)\n")
                return 73
            }
        }
        guard TerminalCheck.isInteractive() else {
            FileStandardError.write("whiteboard needs an interactive terminal; try 'whiteboard calc --list'\n")
            return 2
        }
        // A user folder is read before the screen opens, so a missing folder
        // is an error on the command line, not inside curses.
        var userSources: [LessonLibrary.Source]?
        if let lessonsDirectory {
            do { userSources = try LessonLibrary.sources(inDirectory: lessonsDirectory) } catch {
                FileStandardError.write("whiteboard: \(error.description)\n")
                return 66
            }
        }
        let sets = [LessonOptions.bundled] + (userSources.map { [$0] } ?? [])
        let environment = ProcessInfo.processInfo.environment
        let color = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
        let options = ScreenOptions(color: color, unicode: !ascii, mouse: mouse)
        do {
            let store = SessionStore(environment: environment)
            let chosen = ScenarioLibrary.trainerChoice(asked: scenario, resume: resume, saved: store.savedScenario)
            return try CursesScreen.run(options: options) { screen in
                var loop = RunLoop(screen: screen, lessonSets: sets, exportDirectory: exportDirectory ?? ".",
                                   store: store, practice: practice, resume: resume,
                                   quiet: quiet, drill: drill, scenario: ScenarioLibrary.bundled.forTrainer(chosen),
                                   scenarioAsked: scenario != nil)
                return loop.run()
            }
        } catch {
            // As ArgumentParser reports an error thrown by `train`.
            FileStandardError.write("Error: \(error)\n")
            return 1
        }
    }
}
