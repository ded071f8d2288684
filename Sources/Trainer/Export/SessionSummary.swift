import Calculators

/// What a session amounts to, worked out once for the Markdown and JSON
/// exports and the history line, so the three never disagree.
///
/// A panel is included when it was visited or holds user input, in lesson
/// order; records of lessons no longer loaded are left out. Checklist coverage
/// counts the items of included panels only: a panel never opened is not a
/// miss, it is a panel not practised.
public struct SessionSummary: Equatable, Sendable {
    public var panels: [PanelSummary]
    public var sections: [SectionPacing]
    public var timeUsed: Double
    public var estimates: EstimateCounts
    public var checklistTicked: Int
    public var checklistTotal: Int

    /// At most this many results per panel: the headline numbers, not the whole table.
    public static let resultLimit = 8

    public init(_ session: PracticeSession, lessons: [Lesson]) {
        panels = lessons.compactMap { lesson in
            let record = session[lesson: lesson.id]
            guard record.visited || record.hasUserInput else { return nil }
            return PanelSummary(lesson: lesson, record: record)
        }
        sections = Lesson.sections.map {
            SectionPacing(minutes: $0.minutes, spent: session.clock.spent(in: $0.minutes), budget: Double($0.budget))
        }
        timeUsed = session.clock.elapsed
        estimates = EstimateCounts()
        for case let score? in panels.flatMap({ $0.estimates.map(\.score) }) { estimates.add(score) }
        checklistTicked = panels.reduce(0) { $0 + $1.checklist.filter(\.ticked).count }
        checklistTotal = panels.reduce(0) { $0 + $1.checklist.count }
    }
}

/// Spent against budget for one section of the ten minutes.
public struct SectionPacing: Equatable, Sendable {
    public var minutes: String
    public var spent: Double
    /// 0 for the wrap-up, which has no budget of its own.
    public var budget: Double
    public var isOver: Bool { budget > 0 && spent > budget }
}

/// How many estimates scored good, fair and off.
public struct EstimateCounts: Codable, Equatable, Sendable {
    public var good: Int
    public var fair: Int
    public var off: Int

    public init(good: Int = 0, fair: Int = 0, off: Int = 0) {
        self.good = good
        self.fair = fair
        self.off = off
    }

    public var total: Int { good + fair + off }

    public mutating func add(_ score: EstimateScore) {
        switch score {
        case .good: good += 1
        case .fair: fair += 1
        case .off: off += 1
        }
    }
}

/// One panel's part of the export.
public struct PanelSummary: Equatable, Sendable {
    public var lesson: Lesson
    public var record: PanelRecord
    public var changes: [ParameterChange]
    /// Results for the final values, at most `SessionSummary.resultLimit`: those
    /// the lesson's claims and estimate name come first, then the calculator's
    /// leading ones; listed in the calculator's order.
    public var results: [ResultValue]
    /// The lesson's claims checked against the final values.
    public var claims: [ClaimCheck]
    /// One per estimate of the lesson, in its order.
    public var estimates: [EstimateSummary]
    public var checklist: [ChecklistItem]
    /// The notes checked against the checklist offline; nil without notes or without an item to check.
    public var answerCheck: AnswerCheck?

    /// A panel not visited: what it would have asked, without running its
    /// model (nothing was answered, so no answer is needed; a simulation
    /// per untouched panel made an export take seconds).
    public static func unvisited(_ lesson: Lesson) -> PanelSummary {
        PanelSummary(lesson: lesson, record: PanelRecord(), evaluating: false)
    }

    public init(lesson: Lesson, record: PanelRecord) {
        self.init(lesson: lesson, record: record, evaluating: true)
    }

    init(lesson: Lesson, record: PanelRecord, evaluating: Bool) {
        self.lesson = lesson
        self.record = record
        checklist = lesson.checklist.enumerated().map { ChecklistItem(text: $1.text, ticked: record.ticked.contains($0)) }
        answerCheck = record.notes.trimmed.isEmpty || !lesson.checklist.contains(where: \.isCheckable)
            ? nil : AnswerCheck(notes: record.notes, checklist: lesson.checklist)
        guard evaluating, let name = lesson.calculator, let calculator = Registry.named(name),
              let start = lesson.startingInputs() else {
            changes = []
            results = []
            claims = []
            estimates = lesson.estimates.map {
                EstimateSummary(question: $0.question, guess: nil, actual: nil, revealed: false, resultKey: $0.resultKey)
            }
            return
        }
        var final = start
        for (key, value) in record.parameters.sorted(by: { $0.key < $1.key }) { final.setClamped(key, value) }
        changes = calculator.parameters.compactMap { p in
            guard final[p.key] != start[p.key] else { return nil }
            return ParameterChange(parameter: p, from: start[p.key], to: final[p.key])
        }
        let output = calculator.evaluate(final)
        results = Self.keyResults(output, lesson: lesson)
        claims = lesson.claims.map { lesson.check($0, output: output) }
        // The questions state the lesson's own numbers, so the answers are
        // computed at the starting values: later edits do not move them.
        let atStart = lesson.estimates.isEmpty ? nil : calculator.evaluate(start)
        estimates = lesson.estimates.enumerated().map { i, asked in
            EstimateSummary(question: asked.question, guess: record[guess: i].value,
                            actual: atStart?[asked.resultKey], revealed: record[guess: i].revealed,
                            resultKey: asked.resultKey)
        }
    }
}

extension PanelSummary {
    static func keyResults(_ output: Output, lesson: Lesson) -> [ResultValue] {
        let named = Set(lesson.claims.map(\.resultKey) + lesson.estimateKeys)
        let wanted = output.results.filter { named.contains($0.key) } + output.results.filter { !named.contains($0.key) }
        let kept = Set(wanted.prefix(SessionSummary.resultLimit).map(\.key))
        return output.results.filter { kept.contains($0.key) }
    }
}

/// A parameter whose final value differs from the lesson's starting value.
public struct ParameterChange: Equatable, Sendable {
    public var parameter: Parameter
    public var from: Double
    public var to: Double
    /// "followers: 1,000,000 followers → 50,000,000 followers"
    public var display: String { "\(parameter.key): \(parameter.display(from)) → \(parameter.display(to))" }
}

/// The guess, the calculator's answer and the score (nil until the answer is revealed).
public struct EstimateSummary: Equatable, Sendable {
    /// The calculator result asked for ("push.writes").
    public var resultKey: String
    public var question: String
    public var guess: Double?
    /// Nil when the calculator has no such result (a lesson typo that lint reports).
    public var actual: ResultValue?
    /// The answer was shown: a guess is scored, no guess is a miss.
    public var revealed: Bool

    public init(question: String, guess: Double?, actual: ResultValue?, revealed: Bool = true, resultKey: String? = nil) {
        self.resultKey = resultKey ?? actual?.key ?? ""
        self.question = question
        self.guess = guess
        self.actual = actual
        self.revealed = revealed
    }

    /// Scored by kind (ratio, percentage points or odds); nil while not revealed.
    public var outcome: EstimateOutcome? {
        guard revealed, let actual else { return nil }
        return EstimateOutcome(guess: guess, truth: actual)
    }

    public var score: EstimateScore? { outcome?.score }

    /// The guess shown in the answer's unit ("90 s").
    public var guessDisplay: String? {
        guard let guess else { return nil }
        guard let actual else { return Format.count(guess) }
        return ResultValue(actual.key, actual.label, guess, actual.quantity.unit).display
    }
}

public struct ChecklistItem: Equatable, Sendable {
    public var text: String
    public var ticked: Bool
}
