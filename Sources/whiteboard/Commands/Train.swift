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

        @Flag(help: "Start the ten-minute practice clock at once (or press t).")
        var practice = false

        @Flag(help: "Resume the last session: panel, values, notes, ticks, estimates, clock.")
        var resume = false

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
                var loop = RunLoop(screen: screen, lessonSets: sets, exportDirectory: exportDir ?? ".",
                                   store: SessionStore(environment: environment), practice: practice, resume: resume)
                return loop.run()
            }
            if let code = exit { throw ExitCode(code) }
        }
    }
}

/// Keys and time in, messages through `update`, effects performed and their
/// results sent back as messages, frames drawn. The only place with a clock,
/// files and the screen; it holds no policy and writes no field of `AppState`.
struct RunLoop {
    let screen: CursesScreen
    var state: AppState
    let exportDirectory: String
    let lessonSets: [[LessonLibrary.Source]]
    let store: SessionStore
    let practice: Bool
    let resume: Bool
    /// The state last rendered: an identical state is not rendered again
    /// (the screen itself skips a grid equal to the last one drawn).
    var lastRendered: AppState?

    init(screen: CursesScreen, lessonSets: [[LessonLibrary.Source]], exportDirectory: String,
         store: SessionStore, practice: Bool, resume: Bool) {
        self.screen = screen
        self.exportDirectory = exportDirectory
        self.lessonSets = lessonSets
        self.store = store
        self.practice = practice
        self.resume = resume
        let unicode = screen.options.unicode && CursesScreen.localeIsUTF8()
        // First frame from the first bundled lesson alone; the rest load right after it.
        let first = lessonSets.count == 1 ? lessonSets[0].sorted { $0.name < $1.name }.prefix(1) : []
        state = AppState(library: LessonLibrary.load([Array(first)]), size: screen.size,
                         display: DisplayOptions(unicode: unicode, color: screen.supportsColor),
                         session: PracticeSession(startedAt: Date().timeIntervalSince1970, practiceMode: false),
                         announcedPages: lessonSets.count == 1 ? lessonSets[0].count : nil)
    }

    /// Seconds on a clock that never jumps (for the practice clock).
    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Returns an exit status to report (a signal's 128 + n), or nil for a normal quit.
    mutating func run() -> Int32? {
        if let exit = send(.ticked(at: Self.monotonic())) { return exit }
        if state.pageCount > 0 { draw() }
        let lockHeld = store.claimLock()
        let saved = lockHeld ? store.loadLast() : .none
        if let exit = send(.started(saved: saved, lockHeld: lockHeld, resume: resume, practice: practice,
                                    wallClock: Date().timeIntervalSince1970)) { return exit }
        draw()
        while true {
            let wait = Int((state.wakeDelay() * 1000).rounded(.up))
            let event = screen.readKey(timeoutMilliseconds: max(1, min(wait, 5_000)))
            if let exit = send(.ticked(at: Self.monotonic())) { return exit }
            let message: Message?
            switch event {
            case let .key(key):
                if key == .resize { message = .resized(screen.size) } else {
                    if let exit = perform(state.handle(key)) { return exit }
                    message = nil
                }
            case .timeout: message = nil
            case .endOfInput: message = .terminated(status: nil)
            case let .signal(signal):
                switch signal {
                case let .terminate(signo): message = .terminated(status: 128 + signo)
                case .suspend:
                    if let exit = send(.suspended(at: Self.monotonic())) { return exit }
                    screen.suspend()
                    message = .resumed(at: Self.monotonic())
                case .resumed:
                    lastRendered = nil
                    message = .resized(screen.size)
                }
            }
            if let message, let exit = send(message) { return exit }
            if screen.size != state.size, let exit = send(.resized(screen.size)) { return exit }
            draw()
        }
    }

    /// Sends one message and performs what it asks; a non-nil result means quit with that status.
    mutating func send(_ message: Message) -> Int32?? {
        perform(state.update(message))
    }

    /// Performs effects in order, feeding each result back as a message (which may ask for more).
    mutating func perform(_ effects: [Effect]) -> Int32?? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            let reply: Message
            switch effect {
            case let .quit(status):
                return .some(status)
            case .loadLessons:
                reply = .lessonsLoaded(LessonLibrary.load(lessonSets))
            case let .save(session):
                do {
                    try store.save(session)
                    reply = .saved(.success(session))
                } catch {
                    reply = .saved(.failure(StorageFailure(error.description)))
                }
            case let .archive(session):
                do { reply = .archived(.success(try store.archive(session))) } catch {
                    reply = .archived(.failure(StorageFailure(error.description)))
                }
            case let .appendHistory(entry):
                do {
                    try store.appendHistory(entry)
                    reply = .historyAppended(.success(entry.sessionID ?? ""))
                } catch {
                    reply = .historyAppended(.failure(StorageFailure(error.description)))
                }
            case let .export(session, lessons):
                do {
                    let paths = try Exporter.export(session, lessons: lessons, to: exportDirectory,
                                                    at: Date().timeIntervalSince1970)
                    reply = .exportFinished(.success(paths))
                } catch {
                    reply = .exportFinished(.failure(ExportFailure(error.description)))
                }
            }
            queue.append(contentsOf: state.update(reply))
        }
        return nil
    }

    /// Renders a state not rendered before; the screen writes only the cells that changed.
    mutating func draw() {
        if let lastRendered, lastRendered == state { return }
        screen.draw(Screen.render(state))
        lastRendered = state
    }
}
