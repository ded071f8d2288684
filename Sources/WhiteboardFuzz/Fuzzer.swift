import BundledLessons
import Calculators
import Trainer
import TUI

/// Random messages through `update` and `view` with a fixed seed: keys (every
/// key of the keymap and more), clicks and wheel notches anywhere (off the
/// screen too), pasted text, resizes from 1x1 to 400x200, clock
/// ticks, suspend and resume, the replies of the world (saves that fail,
/// analyses and simulation runs that arrive late), and quits that start the trainer again, with or
/// without a saved session to resume. After each message it checks what must
/// always hold: no trap, the panel, selection, focus and scrolls in bounds,
/// and, on the frames it draws, a grid exactly the terminal's size with no
/// control character, no non-finite number and no cell a terminal would draw
/// wider or narrower than the grid, equal to what the incremental renderer
/// draws, and the same on a second render.
struct Fuzzer {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    struct Report: Equatable {
        var messages = 0, renders = 0, resizes = 0, pastes = 0, ticks = 0, suspends = 0, quits = 0, analyses = 0, mouse = 0
    }

    /// SplitMix64: small, fast and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    }

    /// Every key the keymap binds (so a new binding is fuzzed without a change here),
    /// keys it does not, and characters that have broken terminals.
    static let keys: [Key] = {
        var keys = Keymap.bindings.flatMap(\.keys)
        keys += [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .tab, .backTab, .backspace,
                 .delete, .escape, .resize, .function(2), .function(12)]
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) } + [.control("["), .control("\\")]
        keys += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,%+-*/=$#@!?&|~`'\"()[]{}<>:;_^"
            .map { Key.character($0) }
        keys += Self.graphemes.compactMap { $0.first.map(Key.character) }
        return keys
    }()

    /// Single graphemes that have broken terminals: wide and zero-width ones, flags,
    /// ZWJ sequences, variation selectors, combining marks, controls, C1, U+FFFD.
    static let graphemes = [
        "漢", "ｱ", "Ａ", "🚀", "🇫🇷", "❤️", "❤", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "e\u{301}", "\u{200B}", "\u{200D}", "\u{FE0F}",
        "\u{1B}", "\u{9B}", "\u{7F}", "\u{0}", "\u{7}", "\u{FFFD}", "\t", "\n", "\r\n", "\u{2028}", "\u{202E}",
    ]

    /// Text pasted anywhere: no "nan" or "inf" in it, so a non-finite number on
    /// screen can only have come from the trainer.
    static let texts = graphemes + [
        "\u{1B}[2J", "\u{1B}]52;c;aGk=\u{7}", "\u{9B}6n", "12", "1e9", "-5", "1M", "3 TB", "5min", "2.5e6", "0", "-0",
        "50%", "1,000,000", "AP", "quorum", "1e30", "0.000001", "x", "hello world",
        String(repeating: "w", count: 80), String(repeating: "漢", count: 45), String(repeating: "🇫🇷", count: 40),
    ]

    /// What a value, a guess or a target may be given as, finite or not.
    static let values = texts + ["inf", "-inf", "nan", "NaN", "1e400", "-1e400", "1e-400", "infinity", "∞"]

    let lessons: LessonLibrary
    /// A trainer just opened on the bundled lessons: every start copies it (the
    /// models are computed once, as `AppState.init` would compute them each time).
    let opened: AppState
    var random: Random
    var state: AppState
    var renderer = FrameRenderer()
    var clock = 1.0
    var report = Report()
    /// Analyses handed to the world and not answered yet (a slow worker), and answers kept.
    var analyses: [(lesson: String, request: Sensitivity.Request)] = []
    var answers: [Sensitivity.Request: Sensitivity.Reply] = [:]
    /// Panels' simulation runs handed to the world and not answered yet.
    var evaluations: [(lesson: String, request: PanelEvaluation)] = []
    /// The session the last run left, offered at the next start.
    var lastSession: PracticeSession?

    /// The bundled lessons and a trainer opened on them, made once per process.
    static let bundled: (LessonLibrary, AppState) = {
        let lessons = LessonLibrary.load([BundledLessons.sources])
        // As in a terminal: a simulation's run after a change comes back later, as a message.
        return (lessons, AppState(library: lessons, size: Size(cols: 100, rows: 30), simulationsOffKeyPath: true))
    }()

    init(seed: UInt64) {
        (lessons, opened) = Self.bundled
        random = Random(state: seed)
        state = opened
        start(size: Size(cols: 100, rows: 30))
    }

    /// A trainer started afresh, sometimes in practice mode, sometimes with the
    /// last run's session to resume (asked, or resumed at once).
    mutating func start(size: Size) {
        state = opened
        state.size = size
        state.display = DisplayOptions(unicode: random.chance(85), color: random.chance(80))
        state.cues = ClockCues(quiet: random.chance(50))
        renderer = FrameRenderer()
        analyses = []
        evaluations = []
        let saved: SessionStore.LoadResult = lastSession.map { random.chance(70) ? .loaded($0) : .none } ?? .none
        let effects = state.update(.started(saved: saved, lockHeld: random.chance(90), resume: random.chance(30),
                                            practice: random.chance(30), wallClock: 1_800_000_000 + clock))
        perform(effects)
    }

    mutating func randomText(from pool: [String]) -> String {
        (0..<random.int(1...6)).map { _ in random.pick(pool) }.joined()
    }

    var fieldTakesValues: Bool {
        switch state.overlay {
        case .entry, .estimate, .solve: true
        default: false
        }
    }

    /// One random message (or key) into the state, its effects answered as the run loop would.
    mutating func step() {
        let effects: [Effect]
        switch random.int(0...999) {
        case 0..<680:
            effects = state.handle(random.pick(Self.keys))
        case 680..<720:
            report.mouse += 1
            effects = state.update(.mouse(randomMouse()))
        case 720..<770:
            report.pastes += 1
            effects = state.update(.pasted(randomText(from: fieldTakesValues ? Self.values : Self.texts)))
        case 770..<820:
            report.resizes += 1
            // Mostly terminal-like sizes, sometimes anything from 1x1 to 400x200.
            let size = random.chance(80) ? Size(cols: random.int(20...220), rows: random.int(6...70))
                : Size(cols: random.int(1...400), rows: random.int(1...200))
            effects = state.update(.resized(size))
        case 820..<960:
            report.ticks += 1
            clock += Double(random.int(0...4000)) / 1000 * (random.chance(2) ? 100 : 1)
            effects = state.update(.ticked(at: clock))
        case 960..<975:
            report.suspends += 1
            var both = state.update(.suspended(at: clock))
            perform(both)
            clock += Double(random.int(0...600))
            both = state.update(.resumed(at: clock))
            effects = both
        case 975..<995:
            effects = answerAnalysis()
        default:
            effects = state.update(.terminated(status: random.chance(50) ? nil : 143))
        }
        report.messages += 1
        perform(effects)
    }

    /// A click or a notch of the wheel: mostly on the screen, sometimes just off
    /// its edges or anywhere at all (a terminal reports what it likes).
    mutating func randomMouse() -> MouseEvent {
        let kind = random.pick([MouseEvent.Kind.click, .click, .wheelUp, .wheelDown])
        let cols = state.size.cols, rows = state.size.rows
        if random.chance(85) {
            return MouseEvent(kind, column: random.int(0...max(0, cols - 1)), row: random.int(0...max(0, rows - 1)))
        }
        let column = random.pick([-1, cols, cols + 1, random.int(-1_000...1_000), Int(Int32.max), Int(Int32.min)])
        let row = random.pick([-1, rows, rows + 1, random.int(-1_000...1_000), Int(Int32.max), Int(Int32.min)])
        return MouseEvent(kind, column: random.chance(50) ? column : random.int(0...max(0, cols - 1)), row: row)
    }

    /// The oldest analysis or panel run still running comes back (an analysis computed once per request).
    mutating func answerAnalysis() -> [Effect] {
        if !evaluations.isEmpty, analyses.isEmpty || random.chance(50) {
            let (lesson, request) = evaluations.removeFirst()
            report.analyses += 1
            guard let result = request.run() else { return [] }
            return state.update(.evaluated(lesson: lesson, result))
        }
        guard !analyses.isEmpty else { return [] }
        let (lesson, request) = analyses.removeFirst()
        report.analyses += 1
        let reply = answers[request] ?? Sensitivity.run(request)
        answers[request] = reply
        return state.update(.analysed(lesson: lesson, reply))
    }

    /// Performs effects in order as the run loop does, feeding each reply back.
    mutating func perform(_ effects: [Effect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            let reply: Message
            switch effect {
            case .quit:
                report.quits += 1
                lastSession = state.savableSession
                start(size: state.size)
                return
            case let .analyse(lesson, request):
                analyses.append((lesson, request))
                continue
            case let .evaluate(lesson, request):
                evaluations.append((lesson, request))
                continue
            case .bell: continue
            case .loadLessons: reply = .lessonsLoaded(lessons)
            case let .loadScenario(name):
                let loaded = random.chance(80) ? ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) }).forTrainer(name)
                    : (scenario: Scenario.board, problems: [LessonError(file: name, line: 1, column: 1, "no such file")])
                reply = .scenarioLoaded(name: name, loaded.scenario, problems: loaded.problems)
            case let .save(session):
                reply = .saved(random.chance(95) ? .success(session) : .failure(StorageFailure("No space left on device")))
            case .archive: reply = .archived(random.chance(95) ? .success("sessions/previous.json") : .failure(StorageFailure("read-only")))
            case let .appendHistory(entry): reply = .historyAppended(.success(entry.sessionID ?? ""))
            case .export:
                reply = .exportFinished(random.chance(90) ? .success(["a.md", "a.json"]) : .failure(ExportFailure("no space")))
            case .openHistory: reply = .historyOpened(available: random.chance(70), notices: random.chance(10) ? ["history was locked"] : [])
            case let .recordAttempt(attempt): reply = .attemptRecorded(.success(attempt.itemID))
            case .loadAttempts: reply = .attemptsLoaded(.success([]))
            case .loadSessions:
                reply = .sessionsLoaded(random.chance(90) ? .success(SessionsRead(sessions: [], attempts: []))
                                                          : .failure(StorageFailure("database is locked")))
            case let .recordDrill(record): reply = .sessionRecorded(.success(record.id))
            case let .recordSession(finished): reply = .sessionRecorded(.success(finished.id))
            case let .recordVisit(visit):
                reply = .visitRecorded(random.chance(95) ? .success(visit.lessonID) : .failure(StorageFailure("database is locked")))
            }
            queue.append(contentsOf: state.update(reply))
        }
    }

    /// Words a non-finite number prints as, were it ever formatted.
    static let nonFinite: Set<String> = ["nan", "NaN", "-nan", "inf", "-inf", "+inf", "Inf", "infinity", "Infinity", "∞", "-∞"]

    /// The invariants of the state, and of its view when `render` is set.
    mutating func check(render: Bool, twice: Bool) throws -> Bool {
        if !(0..<max(1, state.pageCount)).contains(state.current) {
            throw Failure(message: "page \(state.current) outside \(state.pageCount) pages")
        }
        if let panel = state.panel {
            let count = panel.visibleParameters.count
            if count > 0, !(0..<count).contains(panel.selected) {
                throw Failure(message: "selection \(panel.selected) outside \(count) parameters")
            }
            if panel.lessonScroll < 0 { throw Failure(message: "lesson scroll \(panel.lessonScroll) below 0") }
            if state.focus == .calculator, panel.inputs == nil { throw Failure(message: "focus on a calculator the panel lacks") }
        } else if state.focus == .calculator, state.overlay == nil {
            throw Failure(message: "focus on a calculator on the problems page")
        }
        switch state.overlay {
        case let .help(scroll), let .claims(scroll), let .sensitivity(scroll), let .changed(scroll), let .calibration(scroll),
             let .history(scroll):
            if scroll < 0 { throw Failure(message: "overlay scroll \(scroll) below 0") }
        case let .panelList(_, selection):
            if !(0..<max(1, state.pageCount)).contains(selection) { throw Failure(message: "panel list selection \(selection)") }
        case let .solve(entry):
            if !entry.candidates.isEmpty, !entry.candidates.indices.contains(entry.choice) {
                throw Failure(message: "solve choice \(entry.choice) outside \(entry.candidates.count) inputs")
            }
        default: break
        }
        guard render else { return false }
        let grid = renderer.render(state)
        if grid.size != state.size { throw Failure(message: "grid \(grid.size) for a terminal of \(state.size)") }
        var columns = 0
        for y in 0..<grid.size.rows {
            columns = 0
            for x in 0..<grid.size.cols {
                let cell = grid[x, y]
                if cell.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    throw Failure(message: "a control character in the grid at \(x),\(y)")
                }
                columns += cell.width
                // What the terminal advances for this text (wcwidth of the first scalar, none for the rest) is the cell's width.
                if cell.width > 0, let first = cell.text.unicodeScalars.first,
                   TextWidth.scalarColumns(first) != cell.width || cell.text.unicodeScalars.dropFirst().contains(where: { TextWidth.scalarColumns($0) != 0 }) {
                    throw Failure(message: "\(cell.text.unicodeScalars.map { String($0.value, radix: 16) }) at \(x),\(y) takes "
                                  + "\(cell.width) columns in the grid and another number on a terminal")
                }
                if cell.width == 2, (x + 1 >= grid.size.cols || !grid[x + 1, y].isContinuation) {
                    throw Failure(message: "a wide glyph without its right half at \(x),\(y)")
                }
            }
            if columns != grid.size.cols { throw Failure(message: "row \(y) covers \(columns) of \(grid.size.cols) columns") }
        }
        // The typed line of an entry is the user's text, whatever it says.
        let entryRow = fieldTakesValues ? grid.size.rows - 2 : -1
        for (y, line) in grid.lines.enumerated() where y != entryRow {
            if let word = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," || $0 == "=" || $0 == "│" || $0 == "|" })
                .first(where: { Self.nonFinite.contains(String($0)) }) {
                throw Failure(message: "a non-finite number on screen (\"\(word)\" in row \(y): \(line))")
            }
        }
        if twice {
            let fresh = Screen.render(state)
            if fresh != grid { throw Failure(message: "the incremental frame differs from a full render") }
            if Screen.render(state) != fresh { throw Failure(message: "view is not deterministic") }
        }
        return true
    }

    /// Runs `messages` messages, drawing after one in `renderEvery` and after every
    /// resize, and comparing with a full render on one frame in `compareEvery`.
    mutating func run(messages: Int, renderEvery: Int, compareEvery: Int = 64) throws -> Report {
        for n in 0..<messages {
            let resizesBefore = report.resizes
            step()
            let render = n % renderEvery == 0 || report.resizes != resizesBefore
            do {
                if try check(render: render, twice: render && n % compareEvery == 0) { report.renders += 1 }
            } catch let failure as Failure {
                throw Failure(message: "after message \(n) (size \(state.size.cols)x\(state.size.rows)): \(failure.message)")
            }
        }
        return report
    }
}
