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

        @Flag(help: "Leave the mouse to the terminal (no wheel scrolling or clicks; keys do everything).")
        var noMouse = false

        @Option(help: "Where exports go (default: the current directory).")
        var exportDir: String?

        @Flag(help: "Start the ten-minute practice clock at once (or press t).")
        var practice = false

        @Flag(help: "Resume the last session: panel, values, notes, ticks, estimates, clock.")
        var resume = false

        @Flag(help: "No terminal bell at the clock's cues (section ends, 10:00); they are still shown.")
        var quiet = false

        @Option(help: ArgumentHelp("The scenario every panel shares: a bundled name (whiteboard scenario --list) or a YAML file "
                                   + "(default: board; with --resume, the one the session ran under).",
                                   valueName: "name|file"))
        var scenario: String?

        func run() throws {
            let launch = TrainerLaunch(lessonsDirectory: lessons.directory, noColor: noColor, ascii: ascii, mouse: !noMouse,
                                       exportDirectory: exportDir, practice: practice, resume: resume, quiet: quiet,
                                       scenario: scenario)
            if let code = launch.run() { throw ExitCode(code) }
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
    /// The state last drawn: a state that draws the same screen is not rendered again
    /// (and the screen itself skips a grid equal to the last one drawn).
    var lastRendered: AppState?
    /// Renders frames, reusing the panes whose inputs did not change.
    var renderer = FrameRenderer()
    /// While input is being handled, an autosave waits here until the frame is drawn.
    var deferSaves = false
    var deferredSave: PracticeSession?
    /// The history database, once `.openHistory` opened it (nil when it could not be).
    var history: HistoryDatabase?
    /// Simulations analysed off the keystroke path.
    let worker = AnalysisWorker()
    /// The history database while it opens off the main thread (`.openHistory`).
    var opening: HistoryOpening?

    init(screen: CursesScreen, lessonSets: [[LessonLibrary.Source]], exportDirectory: String,
         store: SessionStore, practice: Bool, resume: Bool, quiet: Bool = false, drill: DrillRun? = nil,
         scenario: (scenario: Scenario, problems: [LessonError]) = (.board, []), scenarioAsked: Bool = false) {
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
                         // The bundled deck has a scenario panel besides its lesson files.
                         announcedPages: lessonSets.count == 1 ? lessonSets[0].count + 1 : nil, quiet: quiet,
                         drill: drill, scenario: scenario.scenario, scenarioProblems: scenario.problems,
                         scenarioAsked: scenarioAsked, simulationsOffKeyPath: true)
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
        // A drill leaves the practice session alone: no lock, nothing resumed or saved.
        let lockHeld = state.drill == nil ? store.claimLock() : false
        let saved = lockHeld ? store.loadLast() : .none
        if let exit = send(.started(saved: saved, lockHeld: lockHeld, resume: resume, practice: practice,
                                    wallClock: Date().timeIntervalSince1970)) { return exit }
        draw()
        while true {
            let wait = Int((state.wakeDelay() * 1000).rounded(.up))
            // A reply from the worker ends the wait: its result shows as soon as it is ready.
            var event = screen.readKey(timeoutMilliseconds: max(1, min(wait, 5_000)), inTextField: state.isEditingText,
                                       wakeup: worker.wakeup)
            deferSaves = true
            if let exit = send(.ticked(at: Self.monotonic())) { return exit }
            for reply in worker.collect() { if let exit = send(reply) { return exit } }
            // Every key already waiting is handled before the one frame that shows them all.
            var handled = 0
            while true {
                if let exit = historyOpened(waiting: event != .timeout) { return exit }
                if let exit = handle(event) { return exit }
                handled += 1
                switch event {
                case .key, .paste, .mouse: break
                default: handled = Self.keysPerFrame
                }
                guard handled < Self.keysPerFrame else { break }
                event = screen.readKey(timeoutMilliseconds: 0, inTextField: state.isEditingText)
                if event == .timeout { break }
            }
            if screen.size != state.size, let exit = send(.resized(screen.size)) { return exit }
            draw()
            // The autosave goes out after the frame, off the path from key to screen.
            deferSaves = false
            if let exit = writeDeferredSave() { return exit }
        }
    }

    /// At most this many waiting keys go into one frame, so a flood of input still shows.
    static let keysPerFrame = 64

    /// Sends `.historyOpened` once the database opening off the main thread is done; with
    /// `waiting` (input is about to be handled), waits for it first.
    mutating func historyOpened(waiting: Bool) -> Int32?? {
        guard let opening, let opened = opening.result(waiting: waiting) else { return nil }
        self.opening = nil
        history = opened.database
        return send(.historyOpened(available: opened.database != nil, notices: opened.notices))
    }

    /// Handles one input event; a non-nil result means quit with that status.
    mutating func handle(_ event: InputEvent) -> Int32?? {
        let message: Message?
        switch event {
        case let .key(key):
            if key == .resize { message = .resized(screen.size) } else {
                if let exit = writeDeferredSave() { return exit }
                return perform(state.handle(key))
            }
        case let .paste(text): message = .pasted(text)
        case let .mouse(event): message = .mouse(event)
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
        if let message { return send(message) }
        return nil
    }

    /// Sends one message and performs what it asks; a non-nil result means quit with that status.
    mutating func send(_ message: Message) -> Int32?? {
        // A save put off until the frame was drawn goes first: the state must hear
        // how it went before anything else happens (a quit, a suspend, a key).
        if let exit = writeDeferredSave() { return exit }
        return perform(state.update(message))
    }

    /// Writes the autosave put off while input was handled, and reports it to the state.
    mutating func writeDeferredSave() -> Int32?? {
        guard let session = deferredSave else { return nil }
        deferredSave = nil
        return perform(state.update(save(session)))
    }

    func save(_ session: PracticeSession) -> Message {
        do {
            try store.save(session)
            return .saved(.success(session))
        } catch {
            return .saved(.failure(StorageFailure(error.description)))
        }
    }

    /// Performs effects in order, feeding each result back as a message (which may ask for more).
    mutating func perform(_ effects: [Effect]) -> Int32?? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            let reply: Message
            switch effect {
            case let .quit(status):
                return .some(status)
            case let .analyse(lesson, request):
                worker.start(lesson: lesson, request)
                continue
            case let .evaluate(lesson, request):
                worker.evaluate(lesson: lesson, request)
                continue
            case .loadLessons:
                reply = .lessonsLoaded(LessonLibrary.load(lessonSets))
            case let .loadScenario(name):
                let loaded = ScenarioLibrary.bundled.forTrainer(name)
                reply = .scenarioLoaded(name: name, loaded.scenario, problems: loaded.problems)
            case let .save(session):
                if deferSaves, state.finishing == nil, deferredSave == nil {
                    deferredSave = session
                    continue
                }
                reply = save(session)
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
            case .bell:
                screen.bell()
                continue
            case .openHistory where state.drill == nil && opening == nil && history == nil:
                // Off the main thread; its reply goes in before the next input (`historyOpened`).
                opening = HistoryOpening(store, wakeup: worker.wakeup)
                continue
            case .openHistory:
                let opened = HistoryDatabase.open(store)
                history = opened.database
                reply = .historyOpened(available: opened.database != nil, notices: opened.notices)
            case let .recordAttempt(attempt):
                reply = .attemptRecorded(writeHistory { db throws(StorageError) in
                    try db.record(attempt)
                    return attempt.itemID
                })
            case .loadAttempts:
                if let history {
                    do { reply = .attemptsLoaded(.success(try history.attempts())) } catch {
                        reply = .attemptsLoaded(.failure(StorageFailure(error.description)))
                    }
                } else {
                    reply = .attemptsLoaded(.failure(StorageFailure("the history database is not open")))
                }
            case .loadSessions:
                if let history {
                    do { reply = .sessionsLoaded(.success(SessionsRead(sessions: try history.sessions(), attempts: try history.attempts()))) } catch {
                        reply = .sessionsLoaded(.failure(StorageFailure(error.description)))
                    }
                } else {
                    reply = .sessionsLoaded(.failure(StorageFailure("the history database is not open")))
                }
            case let .recordVisit(visit):
                reply = .visitRecorded(writeHistory { db throws(StorageError) in
                    try db.recordVisit(id: visit.id, visit.session, lessons: visit.lessons, lessonID: visit.lessonID)
                    return visit.lessonID
                })
            case let .recordDrill(record):
                reply = .sessionRecorded(writeHistory { db throws(StorageError) in
                    try db.record(record)
                    return record.id
                })
            case let .recordSession(finished):
                reply = .sessionRecorded(writeHistory { db throws(StorageError) in
                    try db.recordSession(id: finished.id, finished.session, lessons: finished.lessons,
                                         finishedAt: finished.finishedAt, kind: finished.kind)
                    return finished.id
                })
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

    /// One write to the history database, its failure as the state should hear it.
    func writeHistory(_ body: (HistoryDatabase) throws(StorageError) -> String) -> Result<String, StorageFailure> {
        guard let history else { return .failure(StorageFailure("the history database is not open")) }
        do { return .success(try body(history)) } catch { return .failure(StorageFailure(error.description)) }
    }

    /// Renders a state that draws a different screen from the last one drawn
    /// (an idle tick draws nothing); the screen writes only the cells that changed.
    mutating func draw() {
        if let lastRendered, state.drawsSameScreen(as: lastRendered) { return }
        screen.draw(renderer.render(state))
        lastRendered = state
    }
}
