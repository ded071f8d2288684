import Calculators
import Trainer

/// One panel: its lesson, where the user is on it (selected parameter, lesson
/// scroll), and what its calculator says for the values in force.
///
/// The user's values live in one place, the session's record for the lesson
/// (`PanelRecord.parameters`: changes over the lesson's start). Everything
/// here that depends on them (`inputs`, `output`, the claim checks, the
/// visible parameters) is a cache that `update` refreshes through `refresh`
/// when those values change; views only read it and never run a model.
public struct PanelState: Equatable, Sendable {
    public let lesson: Lesson
    /// Resolved once from the lesson's calculator name; nil for text-only panels.
    public let calculator: (any Calculator)?
    /// The lesson's starting values: what `R` returns to and "changed" compares against.
    public let startingInputs: Inputs?
    /// The estimate's answer at the lesson's starting values (the question quotes them).
    public let estimateTruth: ResultValue?

    /// The values in force: the lesson's start with the user's changes applied.
    public private(set) var inputs: Inputs?
    /// The calculator's output for `inputs`.
    public private(set) var output: Output?
    /// The board's claims checked against `output`.
    public private(set) var claimChecks: [ClaimCheck] = []
    /// The parameters that matter for `inputs` (the debt prioritizer hides unused item slots).
    public private(set) var visibleParameters: [Parameter] = []
    /// Keys whose value differs from the lesson's start.
    public private(set) var changedKeys: Set<String> = []
    /// For each estimate's result, the other results that would answer it at
    /// `inputs` (equal to it, or one arithmetic step from it with a number shown).
    public private(set) var giveAways: [String: Set<String>] = [:]

    /// Index into `visibleParameters`.
    public var selected: Int = 0
    public var lessonScroll: Int = 0
    /// The result `s` and `=` act on, and the tornado, break-evens and solves at `inputs`.
    public var analysis = PanelAnalysis()

    public init(lesson: Lesson) {
        self.lesson = lesson
        calculator = lesson.calculator.flatMap(Registry.named)
        startingInputs = lesson.startingInputs()
        estimateTruth = lesson.estimateTruth()
        refresh(changes: [:])
    }

    /// Recomputes everything that depends on the user's values. Called by
    /// `update` whenever the panel's record changed, and nowhere else.
    mutating func refresh(changes: [String: Double]) {
        guard let calculator, var values = startingInputs else { return }
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) { values.setClamped(key, value) }
        let computed = calculator.evaluate(values)
        inputs = values
        output = computed
        claimChecks = lesson.claims.map { $0.evaluate(computed) }
        visibleParameters = calculator.visibleParameters(values)
        giveAways = Dictionary(uniqueKeysWithValues: lesson.estimateKeys.map { key in
            (key, GiveAway.revealing(key, output: computed, inputs: values, parameters: visibleParameters))
        })
        changedKeys = Set(changes.keys.filter { key in startingInputs.map { $0[key] != values[key] } ?? false })
        analysis.forget(unless: values)
        if selected >= visibleParameters.count { selected = max(0, visibleParameters.count - 1) }
    }

    public var selectedParameter: Parameter? {
        visibleParameters.indices.contains(selected) ? visibleParameters[selected] : visibleParameters.last
    }

    /// True when any value differs from where the lesson started it.
    public var isChanged: Bool { !changedKeys.isEmpty }

    /// True when the value differs from where the lesson started it.
    public func isChanged(_ key: String) -> Bool { changedKeys.contains(key) }

    /// The lesson determines the calculator, its start and the estimate's truth;
    /// the caches follow from the record. Two panels are equal when the lesson,
    /// the place in it and the values in force are.
    public static func == (a: PanelState, b: PanelState) -> Bool {
        a.lesson == b.lesson && a.inputs == b.inputs && a.selected == b.selected && a.lessonScroll == b.lessonScroll
            && a.analysis == b.analysis
    }
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
