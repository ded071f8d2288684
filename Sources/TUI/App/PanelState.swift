import Calculators
import Trainer

/// One panel: its lesson, where the user is on it (selected parameter, lesson
/// scroll), and what its calculator says for the values in force.
///
/// The user's values live in one place, the session's record for the lesson
/// (`PanelRecord.parameters`: changes over the lesson's start and the
/// scenario's linked values; for the scenario panel, the user's scenario
/// changes). Everything
/// here that depends on them (`inputs`, `output`, the claim checks, the
/// visible parameters) is a cache that `update` refreshes through `refresh`
/// when those values change; views only read it and never run a model.
public struct PanelState: Equatable, Sendable {
    public let lesson: Lesson
    /// Resolved once from the lesson's calculator name; nil for text-only panels.
    public let calculator: (any Calculator)?
    /// The lesson's starting values: what "changed" compares against when nothing is linked.
    public let startingInputs: Inputs?
    /// Each estimate's answer at the lesson's starting values (the questions quote them), in the
    /// lesson's order. Taken from the model's run at those values (or beside the run at the values
    /// in force), so the model is not run a second time for it; nil until that run is in.
    public private(set) var estimateTruths: [ResultValue?]
    /// Whether `estimateTruths` holds the answers (a simulation's first run may still be out).
    private var truthsKnown: Bool
    /// The parameters that follow the scenario, by key (the lesson's departures left out).
    public let links: [String: ScenarioLink]
    /// The lesson's words in lower case (text, prompts, questions, checklist), lines
    /// joined by spaces: what the panel list matches besides the title.
    public let searchText: String

    /// The values before the user changes any: the lesson's start with every
    /// linked parameter set from the scenario in force. `r` and `R` return to it.
    public private(set) var baseInputs: Inputs?
    /// The values in force: `baseInputs` with the user's changes applied.
    public private(set) var inputs: Inputs?
    /// The calculator's output for `inputs`.
    public private(set) var output: Output?
    /// The board's claims, checked at the board's scenario with the user's changes.
    public private(set) var claimChecks: [ClaimCheck] = []
    /// Where the claims are checked when the scenario in force moves this panel
    /// away from the board's: ["200M DAU"]; empty when they are checked on screen.
    public private(set) var claimsCheckedAt: [String] = []
    /// The parameters that matter for `inputs` (the debt prioritizer hides unused item slots).
    public private(set) var visibleParameters: [Parameter] = []
    /// Keys whose value differs from the base, or that override a link.
    public private(set) var changedKeys: Set<String> = []
    /// For each estimate's result, the other results that would answer it at
    /// `inputs` (equal to it, or one arithmetic step from it with a number shown).
    public private(set) var giveAways: [String: Set<String>] = [:]

    /// Index into `visibleParameters`.
    public var selected: Int = 0
    /// The first parameter row shown when they do not all fit: the rows move only
    /// as far as keeps the selection in view, so a clicked row stays where it was.
    public var parameterTop: Int = 0
    public var lessonScroll: Int = 0
    /// How far the calculator's results, claims and charts are scrolled (its parameters stay put).
    public var calculatorScroll: Int = 0
    /// The result `s` and `=` act on, and the tornado, break-evens and solves at `inputs`.
    public var analysis = PanelAnalysis()
    /// The values a simulation is being run for off the keystroke path; until its
    /// output arrives, `output`, the claim checks and the give-aways are those of the
    /// values before (the pane says it is updating). Nil when they are for `inputs`.
    public private(set) var evaluating: Inputs?
    /// A model's first run, not yet made: loading the deck does not run the models on
    /// the main thread (the simulations would hold up the first keys by ~100 ms, the rest
    /// with their claim and give-away checks by ~10 ms), so a panel loaded with
    /// `deferringSimulation` (or `deferringFirstRun`) has values but no output until this
    /// run comes back (`.evaluated`) or the panel is shown (`settle`, from `update`).
    public private(set) var firstRun: PanelEvaluation?
    /// The first run as last handed to the world (`askFirstRun`), so it is asked once.
    private var firstRunAsked: PanelEvaluation?

    /// With `deferringSimulation`, a simulation is not run here: see `firstRun`; with
    /// `deferringFirstRun`, no model is (the panels loaded behind the first frame: their
    /// model runs, claim checks and give-away checks would hold up the first keys).
    public init(lesson: Lesson, deferringSimulation: Bool = false, deferringFirstRun: Bool = false) {
        self.lesson = lesson
        calculator = lesson.calculator.flatMap(Registry.named)
        startingInputs = lesson.startingInputs()
        estimateTruths = lesson.estimates.map { _ in nil }
        truthsKnown = lesson.estimates.isEmpty || calculator == nil || startingInputs == nil
        links = lesson.scenarioLinks
        searchText = Self.searchText(of: lesson)
        let wait = calculator != nil && (deferringFirstRun || deferringSimulation && calculator.map(Sensitivity.runsOffKeyPath) == true)
        _ = refresh(changes: [:], scenario: Scenario.board.values, firstRunDeferred: wait)
    }

    /// The scenario panel: the scenario's inputs as parameters, starting at the file's values.
    public init(scenario: Scenario) {
        lesson = scenario.panelLesson
        calculator = Scenario.model
        startingInputs = scenario.values
        estimateTruths = []
        truthsKnown = true
        links = [:]
        searchText = Self.searchText(of: lesson)
        _ = refresh(changes: [:], scenario: scenario.values)
    }

    static func searchText(of lesson: Lesson) -> String {
        var parts: [String] = []
        for block in lesson.body {
            switch block {
            case let .heading(_, text), let .paragraph(text): parts.append(text)
            case let .list(items), let .code(items): parts += items
            }
        }
        parts += [lesson.prompts.short, lesson.prompts.long].compactMap { $0 }
        parts += lesson.estimates.map(\.question) + lesson.checklist.map(\.text)
        return lowercased(parts.joined(separator: " "))
    }

    /// `text.lowercased()`, made a scalar at a time into one buffer. The standard one
    /// appends each scalar's mapping as a string of its own once the text holds a single
    /// non-ASCII character (a "·" or a "→" in every lesson): 11M instructions for the deck,
    /// which the trainer loads right after its first frame.
    static func lowercased(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                bytes.append(b >= 65 && b <= 90 ? b + 32 : b)
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether this is the scenario panel.
    public var isScenario: Bool { lesson.id == Scenario.panelID }

    /// Recomputes everything that depends on the user's values and the scenario's.
    /// Called by `update` whenever the panel's record or the scenario changed, and nowhere else.
    ///
    /// With `deferring`, a simulation that has shown an output once is not run here:
    /// the values, the changed marks and the selection follow at once, and the run
    /// comes back as the request to hand off the keystroke path (see `evaluating`).
    /// While the first run is awaited (or with `firstRunDeferred`), the run becomes the
    /// first run instead (`askFirstRun` hands it off).
    mutating func refresh(changes: [String: Double], scenario: Inputs, deferring: Bool = false,
                          firstRunDeferred: Bool = false) -> PanelEvaluation? {
        guard let calculator, let start = startingInputs else { return nil }
        let base = ScenarioLinks.apply(links, to: start, scenario: scenario)
        var values = base
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) { values.setClamped(key, value) }
        baseInputs = base
        inputs = values
        // The board's claims are about the board: checked at its scenario when this one moves the panel.
        claimsCheckedAt = lesson.claims.isEmpty ? [] : ScenarioLinks.boardDifferences(links, scenario: scenario)
        var atBoard: Inputs?
        if !claimsCheckedAt.isEmpty {
            var board = ScenarioLinks.apply(links, to: start, scenario: Scenario.board.values)
            for (key, value) in changes.sorted(by: { $0.key < $1.key }) { board.setClamped(key, value) }
            atBoard = board
        }
        visibleParameters = calculator.visibleParameters(values)
        changedKeys = Set(changes.keys.filter { key in base[key] != values[key] || links[key] != nil })
        analysis.forget(unless: values)
        if selected >= visibleParameters.count { selected = max(0, visibleParameters.count - 1) }
        // The estimates' answers come from the same run: at the start itself, or beside it.
        let request = PanelEvaluation(calculator: calculator.name, inputs: values, boardInputs: atBoard,
                                      startInputs: truthsKnown || values == start ? nil : start)
        if firstRunDeferred || firstRun != nil {
            firstRun = request
            return nil
        }
        if deferring, output != nil, Sensitivity.runsOffKeyPath(calculator) {
            evaluating = values
            return request
        }
        evaluated(request.run(on: calculator))
        return nil
    }

    /// Takes a model's output for the values in force (a reply for values since
    /// changed is dropped: another run for the new ones is on its way).
    mutating func evaluated(_ result: PanelEvaluation.Result) {
        learnTruths(from: result)
        guard result.request.inputs == inputs else { return }
        firstRun = nil
        firstRunAsked = nil
        output = result.output
        claimChecks = lesson.claims.map { lesson.check($0, output: result.boardOutput ?? result.output) }
        giveAways = Dictionary(uniqueKeysWithValues: lesson.estimateKeys.map { key in
            (key, GiveAway.revealing(key, output: result.output, inputs: result.request.inputs, parameters: visibleParameters))
        })
        evaluating = nil
    }

    /// The estimates' answers, from a run at the lesson's start or made beside one.
    private mutating func learnTruths(from result: PanelEvaluation.Result) {
        guard !truthsKnown else { return }
        guard let atStart = result.request.inputs == startingInputs ? result.output : result.startOutput else { return }
        estimateTruths = lesson.estimateTruths(from: atStart)
        truthsKnown = true
    }

    /// Whether the panel has values but no output yet (its first run is out).
    public var awaitingFirstRun: Bool { firstRun != nil }

    /// The first run to hand off the main thread, once per request (nil when asked already or none is due).
    mutating func askFirstRun() -> PanelEvaluation? {
        guard let firstRun, firstRun != firstRunAsked else { return nil }
        firstRunAsked = firstRun
        return firstRun
    }

    /// Makes the first run here and now: the panel is on screen and cannot be drawn without it.
    mutating func settle() {
        guard let run = firstRun, let calculator else { return }
        evaluated(run.run(on: calculator))
    }

    public var selectedParameter: Parameter? {
        visibleParameters.indices.contains(selected) ? visibleParameters[selected] : visibleParameters.last
    }

    /// True when any value differs from where the lesson and the scenario put it.
    public var isChanged: Bool { !changedKeys.isEmpty }

    /// True when the value differs from where the lesson and the scenario put it, or overrides a link.
    public func isChanged(_ key: String) -> Bool { changedKeys.contains(key) }

    /// The link a parameter follows now: nil when it has none or the user overrode it here.
    public func link(_ key: String) -> ScenarioLink? { changedKeys.contains(key) ? nil : links[key] }

    /// The link the user overrode on this panel.
    public func overriddenLink(_ key: String) -> ScenarioLink? { changedKeys.contains(key) ? links[key] : nil }

    /// The lesson determines the calculator, its start and the estimates' truths;
    /// the caches follow from the record and the scenario. Two panels are equal
    /// when the lesson, the place in it and the values in force are.
    public static func == (a: PanelState, b: PanelState) -> Bool {
        a.lesson == b.lesson && a.inputs == b.inputs && a.selected == b.selected && a.parameterTop == b.parameterTop && a.lessonScroll == b.lessonScroll && a.calculatorScroll == b.calculatorScroll
            && a.analysis == b.analysis && a.startingInputs == b.startingInputs && a.claimsCheckedAt == b.claimsCheckedAt
            && a.evaluating == b.evaluating && a.firstRun == b.firstRun
    }
}

/// One run of a panel's model: at the values in force and, when the scenario moves
/// the panel off the board's, at the board's too (where its claims are checked).
public struct PanelEvaluation: Equatable, Sendable {
    public let calculator: String
    public let inputs: Inputs
    public let boardInputs: Inputs?
    /// The lesson's starting values, when the estimates' answers are still wanted and the
    /// values in force are elsewhere.
    public let startInputs: Inputs?

    public init(calculator: String, inputs: Inputs, boardInputs: Inputs? = nil, startInputs: Inputs? = nil) {
        self.calculator = calculator
        self.inputs = inputs
        self.boardInputs = boardInputs
        self.startInputs = startInputs
    }

    public struct Result: Equatable, Sendable {
        public let request: PanelEvaluation
        public let output: Output
        public let boardOutput: Output?
        public let startOutput: Output?
    }

    func run(on model: any Calculator) -> Result {
        Result(request: self, output: model.evaluate(inputs), boardOutput: boardInputs.map(model.evaluate),
               startOutput: startInputs.map(model.evaluate))
    }

    /// The run, off the keystroke path (nil for a calculator no longer registered).
    public func run() -> Result? { Registry.named(calculator).map(run(on:)) }
}

/// The results a panel keeps back until the guess: those asked, and those
/// that would answer them.
public struct HiddenResults: Equatable, Sendable {
    public var asked: Set<String> = []
    public var revealing: Set<String> = []

    public init(asked: Set<String> = [], revealing: Set<String> = []) {
        self.asked = asked
        self.revealing = revealing.subtracting(asked)
    }

    public var isEmpty: Bool { asked.isEmpty }
    public func contains(_ key: String) -> Bool { asked.contains(key) || revealing.contains(key) }
}
