import Calculators
import Trainer

/// The whole app as data: panels, focus, any overlay, the status notice,
/// the screen size, the session and what autosave has written. `update`
/// changes it; views read it; the run loop only sends it messages.
public struct AppState: Equatable, Sendable {
    public var panels: [PanelState]
    /// Files that did not load, shown on a panel of their own after the lessons.
    public var problems: [LessonError]
    public var current: Int = 0
    public var focus: Focus = .lesson
    public var overlay: Overlay?
    public var notice: Notice?
    public var size: Size
    public var display: DisplayOptions
    /// Set once the user changed something since the last export (quitting then offers one).
    public var unsavedChanges = false
    /// Notes, ticks, estimates, the practice clock and the values changed: the one
    /// copy of what the user did, which autosave keeps.
    public var session: PracticeSession
    /// The current panel's notes (the open draft while editing) checked against its checklist,
    /// offline: `update` recomputes it when the panel or the notes change, views only read it.
    /// Nil without notes or without a checklist item to check.
    public internal(set) var answerCheck: AnswerCheck?
    /// The panel and notes `answerCheck` was computed for.
    var answerCheckInput: AnswerCheckInput?
    /// The last monotonic instant the loop reported (`.ticked`); 0 before the first.
    public var now: Double = 0
    /// While only the first lesson is parsed: how many panels are coming, for the header.
    public var announcedPages: Int?
    /// What has been written to the state folder, and when.
    public var autosave = Autosave()
    /// The clock was running when the process was stopped (Ctrl-Z): `fg` restarts it.
    public var resumeClockAfterStop = false
    /// A quit waiting for its export to finish (`y` to "export before quitting?").
    public var quitAfterExport = false
    /// Set once the way out has begun: history, save, then quit.
    public var finishing: Finishing?
    /// Unix seconds minus monotonic seconds, from `.started`: turns `now` into a date.
    public var wallClockOffset: Double = 0
    /// The history database as far as `update` knows it.
    public var history = HistoryLink()
    /// The clock's cues (section ends, time-up) and whether they ring the bell.
    public var cues = ClockCues()
    /// `z`: the focused pane has the whole window (side by side is back on a second `z`).
    public var zoomed = false
    /// The search of lesson text in force (`/`): n and N move through its matches until Esc.
    public var search: LessonSearch?
    /// The last text searched for, which `/` offers again.
    public var lastSearch: String?
    /// Drill mode (`whiteboard drill`): due estimates one after another instead of the panels.
    public var drill: DrillRun?
    /// The scenario the trainer runs under, as its file gives it (`--scenario`, default the
    /// board's). The values in force are the scenario panel's: these with the user's changes.
    public internal(set) var scenario: Scenario
    /// Whether `--scenario` named it: a resumed session then stays under it (and says so);
    /// otherwise resuming switches to the scenario the session was saved under.
    public let scenarioAsked: Bool
    /// A session the user chose to resume, waiting for its scenario (`.loadScenario`).
    var resumeAwaitingScenario: PracticeSession?
    /// Why the scenario asked for did not load (the trainer then runs under the board's).
    public let scenarioProblems: [LessonError]
    /// A simulation's run after a change is handed to the world (`.evaluate`) instead of
    /// made in `update`: the trainer in a terminal; tests and headless commands run it in place.
    public let simulationsOffKeyPath: Bool

    public init(library: LessonLibrary, size: Size, display: DisplayOptions = DisplayOptions(),
                session: PracticeSession = PracticeSession(startedAt: 0, practiceMode: false),
                announcedPages: Int? = nil, quiet: Bool = false, drill: DrillRun? = nil,
                scenario: Scenario = .board, scenarioProblems: [LessonError] = [], scenarioAsked: Bool = false,
                simulationsOffKeyPath: Bool = false) {
        cues = ClockCues(quiet: quiet)
        self.simulationsOffKeyPath = simulationsOffKeyPath
        self.drill = drill
        self.scenario = scenario
        self.scenarioAsked = scenarioAsked
        self.scenarioProblems = scenarioProblems
        panels = Self.deck(library.lessons.map { PanelState(lesson: $0, deferringSimulation: simulationsOffKeyPath) },
                           scenario: PanelState(scenario: scenario))
        self.session = session
        if self.session.scenario == nil { self.session.scenario = scenario.reference }
        problems = library.problems + scenarioProblems
        self.size = size
        self.display = display
        self.announcedPages = announcedPages
        noticeProblems()
        refreshAllPanels()
        if let id = panel?.lesson.id, session.currentLessonID == nil { self.session.visit(id) }
        refreshAnswerCheck()
    }

    /// The session as autosave should write it: a notes draft still open in the
    /// editor counts, so a closed terminal or a kill does not lose it.
    public var savableSession: PracticeSession {
        var copy = session
        if case let .notes(editor) = overlay, let id = panel?.lesson.id { copy[lesson: id].notes = editor.text }
        return copy
    }

    /// Whether autosave may write now: not while the start-up question about
    /// the previous session is open, or it would overwrite that session unasked.
    public var mayAutosave: Bool {
        // Until the last session is resumed or set aside, the file on disk is still it.
        if case .confirm(.resume) = overlay { return false }
        if resumeAwaitingScenario != nil { return false }
        return autosave.enabled
    }

    /// The focus is on text being typed (notes, a value, a guess, the panel
    /// list's filter): the terminal then reads a split escape sequence as the
    /// key it is rather than as Esc.
    public var isEditingText: Bool {
        switch overlay {
        case .entry, .estimate, .panelList, .notes, .search: true
        default: false
        }
    }

    /// Panels plus the problems panel when some files failed.
    public var pageCount: Int { panels.count + (problems.isEmpty ? 0 : 1) }

    public var isOnProblemsPage: Bool { current >= panels.count }

    public var panel: PanelState? { panels.indices.contains(current) ? panels[current] : nil }

    /// The key context for the current overlay and focus.
    public var keyContext: KeyBinding.Context {
        switch overlay {
        case .help, .claims, .changed, .calibration, .history: return .help
        case .panelList: return .panelList
        case .entry, .estimate, .search: return .entry
        case .notes: return .notes
        case .confirm: return .confirm
        case .sensitivity: return .sensitivity
        case .solve: return .solve
        case nil: return focus == .lesson || panel?.inputs == nil ? .lesson : .calculator
        }
    }

    /// The contexts keys are looked up in, first match wins: the focused one, and
    /// with the lesson focused, a calculator on screen beside it.
    public var keyContexts: [KeyBinding.Context] {
        let context = keyContext
        // While a search is on, n, N and Esc are the search's.
        let searching: [KeyBinding.Context] = overlay == nil && search != nil ? [.search] : []
        if context == .lesson, calculatorOnScreen { return searching + [.lesson, .calculatorShown] }
        return searching + [context]
    }

    /// Whether the panel's calculator is drawn at this size and focus.
    public var calculatorOnScreen: Bool {
        guard let p = panel, p.inputs != nil, Layout.fits(size) else { return false }
        return layout.calculator != nil
    }

    /// Whether `z` changes the layout now: zoomed, and wide enough for both panes.
    public var zoomedInEffect: Bool { zoomed && size.cols >= Layout.sideBySideWidth }

    /// Where the panes go at this size, focus and zoom.
    public var layout: Layout {
        // The notes editor takes the calculator's side, so the lesson it answers stays in view.
        if notesBesideLesson { return Layout(size: size, focus: .lesson, hasCalculator: true, zoomed: false) }
        return Layout(size: size, focus: focus, hasCalculator: panel?.inputs != nil, zoomed: zoomed)
    }

    /// Whether the notes editor is open where the window is wide enough for it beside the lesson.
    var notesBesideLesson: Bool {
        if case .notes = overlay { return size.cols >= Layout.sideBySideWidth && panel != nil }
        return false
    }

    /// Pages whose number or title matches the panel-list query (the problems page
    /// included), then those whose lesson text alone does.
    public func panelMatches(_ query: String) -> [Int] {
        let q = query.lowercased()
        let all = Array(0..<pageCount)
        guard !q.isEmpty else { return all }
        if let n = Int(q) { return all.filter { String($0 + 1).hasPrefix(String(n)) } }
        let named = all.filter { pageTitle($0).lowercased().contains(q) || (panels.indices.contains($0) && (panels[$0].lesson.id.contains(q) || panels[$0].lesson.minutes.contains(q))) }
        return named + all.filter { !named.contains($0) && matchesOnlyInText($0, q) }
    }

    /// Whether the page is listed for `query` by its lesson's text alone (not its title, id or minutes).
    public func matchesOnlyInText(_ page: Int, _ query: String) -> Bool {
        let q = query.lowercased()
        guard !q.isEmpty, Int(q) == nil, panels.indices.contains(page) else { return false }
        let p = panels[page]
        if p.lesson.title.lowercased().contains(q) || p.lesson.id.contains(q) || p.lesson.minutes.contains(q) { return false }
        return p.searchText.contains(q)
    }

    /// A page's title for lists: the lesson's, or the problems page's.
    public func pageTitle(_ index: Int) -> String {
        panels.indices.contains(index) ? panels[index].lesson.title : "Lesson files with problems"
    }

    /// What the panel on screen offers, so the footer hints only keys that do something.
    public var offer: Keymap.Offer {
        guard let p = panel else { return Keymap.Offer() }
        return Keymap.Offer(calculator: p.inputs != nil, claims: !p.lesson.claims.isEmpty,
                            estimate: !p.lesson.estimates.isEmpty, checklist: !p.lesson.checklist.isEmpty,
                            sideBySide: size.cols >= Layout.sideBySideWidth)
    }

    /// The current panel's estimate outcomes, in the lesson's order: nil for those not revealed yet.
    public var estimateOutcomes: [EstimateOutcome?] {
        guard let p = panel else { return [] }
        let record = session[lesson: p.lesson.id]
        return p.estimateTruths.enumerated().map { i, truth in
            guard let truth, record[guess: i].revealed else { return nil }
            return EstimateOutcome(guess: record[guess: i].value, truth: truth)
        }
    }

    /// The estimate asked now on the current panel: the first not revealed
    /// (each is asked once the one before is shown); nil when all are, or there is none.
    public var currentEstimateIndex: Int? {
        guard let p = panel else { return nil }
        let record = session[lesson: p.lesson.id]
        return p.lesson.estimates.indices.first { !record[guess: $0].revealed }
    }

    /// The question asked now (`currentEstimateIndex`).
    public var currentEstimate: Lesson.Estimate? {
        guard let i = currentEstimateIndex, let p = panel else { return nil }
        return p.lesson.estimates[i]
    }

    // MARK: - the scenario

    /// The lesson panels with the scenario panel second (right after the opening
    /// one), when some panel follows the scenario.
    static func deck(_ lessons: [PanelState], scenario: PanelState) -> [PanelState] {
        guard lessons.contains(where: { !$0.links.isEmpty }) else { return lessons }
        var deck = lessons
        deck.insert(scenario, at: min(1, deck.count))
        return deck
    }

    /// Where the scenario panel is in the deck.
    public var scenarioIndex: Int? { panels.firstIndex(where: \.isScenario) }

    /// The scenario's values in force: the file's with the user's changes (the scenario panel's values).
    public var scenarioValues: Inputs {
        if let i = scenarioIndex, let values = panels[i].inputs { return values }
        var values = scenario.values
        for (key, value) in session[lesson: Scenario.panelID].parameters.sorted(by: { $0.key < $1.key }) {
            values.setClamped(key, value)
        }
        return values
    }

    /// The scenario inputs the user changed, in the model's order: key, the file's value, the user's.
    public var scenarioChanges: [(key: String, from: Double, to: Double)] {
        var now = scenario
        now.values = scenarioValues
        return now.changes(from: scenario)
    }

    // MARK: - caches

    /// Recomputes one panel's cached values from the session's record and the scenario.
    /// With `deferring` (and `simulationsOffKeyPath`), a simulation's run comes back as an effect.
    @discardableResult
    mutating func refreshPanel(_ index: Int, deferring: Bool = false) -> Effect? {
        guard panels.indices.contains(index) else { return nil }
        let id = panels[index].lesson.id
        return panels[index].refresh(changes: session[lesson: id].parameters, scenario: scenarioValues,
                                     deferring: deferring && simulationsOffKeyPath)
            .map { .evaluate(lesson: id, $0) }
    }

    /// The simulations' first runs (see `PanelState.firstRun`): the panel on screen makes
    /// its own now, as it cannot be drawn without it; the others go off the main thread, each
    /// asked once.
    mutating func firstRunEffects() -> [Effect] {
        if panels.indices.contains(current), panels[current].awaitingFirstRun { panels[current].settle() }
        return panels.indices.compactMap { i in panels[i].askFirstRun().map { .evaluate(lesson: panels[i].lesson.id, $0) } }
    }

    /// The scenario panel first, so every linked value reads the scenario in force.
    mutating func refreshAllPanels() {
        if let s = scenarioIndex { refreshPanel(s) }
        for i in panels.indices where !panels[i].isScenario { refreshPanel(i) }
    }

    mutating func noticeProblems() {
        if !scenarioProblems.isEmpty {
            let file = scenarioProblems.first?.file ?? "the scenario"
            notice = Notice(.error, "\(file) did not load (running under the board's scenario): see the last panel")
            return
        }
        guard !problems.isEmpty else { return }
        let files = Set(problems.map(\.file)).count
        notice = Notice(.error, "\(files) lesson file\(files == 1 ? "" : "s") did not load: see the last panel")
    }
}

/// Autosave's book-keeping, so `update` decides when to write and the loop only writes.
public struct Autosave: Equatable, Sendable {
    /// On once `.started` reports this trainer holds the state folder's lock
    /// (another trainer on the same folder must not be written over).
    public var enabled = false
    /// Another trainer holds the state folder's lock: the header says so for the whole session.
    public var heldByAnother = false
    /// The session as last written (or as found at start), to write only changes.
    public var written: PracticeSession?
    /// Monotonic instant of the last write asked for.
    public var lastWriteAt: Double = -.infinity
    /// A write is on its way and not yet reported.
    public var inFlight = false
    /// The last write failed with this message (shown once).
    public var failure: String?

    /// Work (values, notes, ticks, guesses) is written at most this late…
    public static let workDelay = 0.25
    /// …time counted alone (panel seconds, the running clock) at most this late.
    public static let timeDelay = 10.0

    public init() {}
}
