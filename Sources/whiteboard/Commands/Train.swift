import ArgumentParser
import Calculators
import Foundation
import Terminal
import Trainer
import TUI

extension Whiteboard {
    /// `whiteboard` (the default): the trainer in the terminal.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train",
            abstract: "Open the trainer on the lessons (the default command).",
            discussion: "Example: whiteboard --lessons ~/my-lessons"
        )

        @OptionGroup var lessons: LessonOptions

        @Flag(help: "No colour (also when NO_COLOR is set).")
        var noColor = false

        @Flag(help: "ASCII frames and charts (also without a UTF-8 locale).")
        var ascii = false

        @Option(help: "Where exports go (default: the current directory).")
        var exportDir: String?

        func run() throws {
            guard TerminalCheck.isInteractive() else {
                FileStandardError.write("whiteboard needs an interactive terminal; try 'whiteboard calc --list'\n")
                throw ExitCode(2)
            }
            // A user folder is read before the screen opens, so a missing folder
            // is an error on the command line, not inside curses.
            var userSources: [LessonLibrary.Source]?
            if let directory = lessons.directory {
                do { userSources = try LessonLibrary.sources(inDirectory: directory) } catch {
                    FileStandardError.write("whiteboard: \(error.description)\n")
                    throw ExitCode(66)
                }
            }
            let sets = [LessonOptions.bundled] + (userSources.map { [$0] } ?? [])
            let environment = ProcessInfo.processInfo.environment
            let color = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
            let options = ScreenOptions(color: color, unicode: !ascii)
            let exit = try CursesScreen.run(options: options) { screen in
                var loop = RunLoop(screen: screen, lessonSets: sets, exportDirectory: exportDir ?? ".")
                return loop.run()
            }
            if let code = exit { throw ExitCode(code) }
        }
    }
}

/// Keys in, messages through `update`, effects performed, frames drawn.
struct RunLoop {
    let screen: CursesScreen
    var state: AppState
    let exportDirectory: String

    let lessonSets: [[LessonLibrary.Source]]

    init(screen: CursesScreen, lessonSets: [[LessonLibrary.Source]], exportDirectory: String) {
        self.screen = screen
        self.exportDirectory = exportDirectory
        self.lessonSets = lessonSets
        let unicode = screen.options.unicode && CursesScreen.localeIsUTF8()
        // First frame from the first bundled lesson alone; the rest load right after it.
        let first = lessonSets.count == 1 ? lessonSets[0].sorted { $0.name < $1.name }.prefix(1) : []
        state = AppState(library: LessonLibrary.load([Array(first)]), size: screen.size,
                         display: DisplayOptions(unicode: unicode, color: screen.supportsColor))
        state.announcedPages = lessonSets.count == 1 ? lessonSets[0].count : nil
    }

    /// Returns an exit status to report (a signal's 128 + n), or nil for a normal quit.
    mutating func run() -> Int32? {
        if state.pageCount > 0 { screen.draw(Screen.render(state)) }
        state.load(LessonLibrary.load(lessonSets))
        screen.draw(Screen.render(state))
        while true {
            switch screen.readKey(timeoutMilliseconds: 500) {
            case let .key(key):
                if key == .resize { _ = state.update(.resized(screen.size)) }
                for effect in state.handle(key) {
                    switch effect {
                    case .quit: return nil
                    case .export: perform(export: ())
                    }
                }
            case .timeout:
                break
            case .endOfInput:
                return nil
            case let .signal(signal):
                switch signal {
                case let .terminate(signo): return 128 + signo
                case .suspend: screen.suspend()
                case .resumed: _ = state.update(.resized(screen.size))
                }
            }
            if screen.size != state.size { _ = state.update(.resized(screen.size)) }
            screen.draw(Screen.render(state))
        }
    }

    mutating func perform(export: ()) {
        _ = state.update(.exportFinished(.failure(ExportFailure("export is not available yet"))))
    }
}
