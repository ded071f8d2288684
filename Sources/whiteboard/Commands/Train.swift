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
            let library: LessonLibrary
            do { library = try lessons.library() } catch {
                FileStandardError.write("whiteboard: \(error.description)\n")
                throw ExitCode(66)
            }
            let environment = ProcessInfo.processInfo.environment
            let color = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
            let options = ScreenOptions(color: color, unicode: !ascii)
            let exit = try CursesScreen.run(options: options) { screen in
                var loop = RunLoop(screen: screen, library: library, exportDirectory: exportDir ?? ".")
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

    init(screen: CursesScreen, library: LessonLibrary, exportDirectory: String) {
        self.screen = screen
        self.exportDirectory = exportDirectory
        let unicode = screen.options.unicode && CursesScreen.localeIsUTF8()
        state = AppState(library: library, size: screen.size,
                         display: DisplayOptions(unicode: unicode, color: screen.supportsColor))
    }

    /// Returns an exit status to report (a signal's 128 + n), or nil for a normal quit.
    mutating func run() -> Int32? {
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
