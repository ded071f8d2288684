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

/// Keys in, messages through `update`, effects performed, frames drawn.
/// The only place with a clock, files and the screen.
struct RunLoop {
    let screen: CursesScreen
    var state: AppState
    let exportDirectory: String
    let lessonSets: [[LessonLibrary.Source]]
    let store: SessionStore
    let startPractice: Bool
    let resume: Bool
    /// The session as last written, so autosave writes only changes, at most once a second.
    var saved: PracticeSession?
    var lastSave = 0.0
    /// Off when another trainer holds the state folder's lock.
    var autosave = true
    /// The state last drawn (with `now` zeroed), to skip identical frames.
    var lastDrawn: AppState?

    init(screen: CursesScreen, lessonSets: [[LessonLibrary.Source]], exportDirectory: String,
         store: SessionStore, practice: Bool, resume: Bool) {
        self.screen = screen
        self.exportDirectory = exportDirectory
        self.lessonSets = lessonSets
        self.store = store
        self.startPractice = practice
        self.resume = resume
        let unicode = screen.options.unicode && CursesScreen.localeIsUTF8()
        // First frame from the first bundled lesson alone; the rest load right after it.
        let first = lessonSets.count == 1 ? lessonSets[0].sorted { $0.name < $1.name }.prefix(1) : []
        state = AppState(library: LessonLibrary.load([Array(first)]), size: screen.size,
                         display: DisplayOptions(unicode: unicode, color: screen.supportsColor),
                         session: PracticeSession(startedAt: Date().timeIntervalSince1970, practiceMode: false))
        state.announcedPages = lessonSets.count == 1 ? lessonSets[0].count : nil
    }

    /// Seconds on a clock that never jumps (for the practice clock).
    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Returns an exit status to report (a signal's 128 + n), or nil for a normal quit.
    mutating func run() -> Int32? {
        _ = state.update(.ticked(at: Self.monotonic()))
        if state.pageCount > 0 { screen.draw(Screen.render(state)) }
        state.load(LessonLibrary.load(lessonSets))
        if let id = state.panel?.lesson.id { state.session.visit(id) }
        offerResume()
        if startPractice { _ = state.update(.toggleClock) }
        draw()
        while true {
            let event = screen.readKey(timeoutMilliseconds: 250)
            _ = state.update(.ticked(at: Self.monotonic()))
            switch event {
            case let .key(key):
                if key == .resize { _ = state.update(.resized(screen.size)) }
                effects: for effect in state.handle(key) {
                    switch effect {
                    case .quit:
                        finish()
                        return nil
                    case .export:
                        // A failed export on the way out keeps the trainer open with the error shown.
                        if !export() { state.quitRequested = false; break effects }
                    }
                }
            case .timeout:
                break
            case .endOfInput:
                finish()
                return nil
            case let .signal(signal):
                switch signal {
                case let .terminate(signo):
                    finish()
                    return 128 + signo
                case .suspend:
                    // The practice clock stops while the process is stopped.
                    let running = state.session.clock.isRunning
                    if running { _ = state.update(.toggleClock) }
                    save(force: true)
                    screen.suspend()
                    _ = state.update(.ticked(at: Self.monotonic()))
                    if running { _ = state.update(.toggleClock) }
                case .resumed:
                    _ = state.update(.resized(screen.size))
                    lastDrawn = nil
                }
            }
            if screen.size != state.size { _ = state.update(.resized(screen.size)) }
            save(force: false)
            draw()
        }
    }

    /// Renders only when something on screen may have changed, since rendering a partition panel costs
    /// milliseconds of simulation.
    mutating func draw() {
        // Idle ticks move `now`, `lastTick` and the time counted on the panel;
        // none of those is on screen (the practice clock, which is, stays in).
        var probe = state
        probe.now = 0
        probe.lastTick = nil
        probe.session.panels = probe.session.panels.mapValues { record in
            var quiet = record
            quiet.seconds = 0
            return quiet
        }
        if let lastDrawn, probe == lastDrawn { return }
        screen.draw(Screen.render(state))
        lastDrawn = probe
    }

    /// `--resume` takes the saved session back; otherwise a saved session with
    /// work in it is offered; a corrupt file is reported (it was moved aside).
    mutating func offerResume() {
        guard store.claimLock() else {
            autosave = false
            state.notice = Notice(.error, "Another whiteboard is running: this one will not autosave (export with x)")
            return
        }
        switch store.loadLast() {
        case .none:
            if resume { state.notice = Notice(.info, "No saved session to resume: starting fresh") }
        case let .loaded(session):
            if resume { state.restore(session) } else if session.hasChanges { state.overlay = .confirm(.resume(session)) }
        case let .corrupt(movedTo, reason):
            state.notice = Notice(.error, "The saved session was unreadable (\(reason)); kept it as \(movedTo)")
        }
    }

    /// Autosave: atomically, only when the session changed, at most once a second unless forced.
    mutating func save(force: Bool) {
        // Browsing counts (the panel is part of a session), and so does a notes draft.
        let session = state.savableSession
        guard autosave, state.mayAutosave, session != saved, session.hasChanges || session.currentLessonID != nil else { return }
        let now = Self.monotonic()
        guard force || now - lastSave >= 1 else { return }
        do {
            try store.save(session)
            saved = session
            lastSave = now
        } catch {
            state.notice = Notice(.error, "Autosave failed: \(error.description)")
        }
    }

    /// On every way out: save, and add the session to the history.
    mutating func finish() {
        let session = state.savableSession
        if autosave, session.hasChanges, session.inHistory != true {
            let lessons = state.panels.map(\.lesson)
            if (try? store.appendHistory(HistoryEntry(session: session, lessons: lessons,
                                                       finishedAt: Date().timeIntervalSince1970))) != nil {
                state.session.inHistory = true
            }
        }
        save(force: true)
    }

    @discardableResult
    mutating func export() -> Bool {
        let lessons = state.panels.map(\.lesson)
        do {
            let paths = try Exporter.export(state.session, lessons: lessons, to: exportDirectory,
                                            at: Date().timeIntervalSince1970)
            _ = state.update(.exportFinished(.success(paths)))
            return true
        } catch {
            _ = state.update(.exportFinished(.failure(ExportFailure(error.description))))
            return false
        }
    }
}
