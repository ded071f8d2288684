import Calculators
import Foundation
import GRDB

/// One sitting, as the history database keeps it: a row per session, written
/// when it finishes (and again if it is resumed and finished later: the row is
/// replaced, never duplicated, because the id is stable).
public struct SessionRecord: Equatable, Sendable {
    /// Stable across resumes: made once when the session starts (`HistoryDatabase.newSessionID()`).
    public var id: String
    public var kind: Kind
    /// Unix seconds.
    public var startedAt: Double
    /// Nil until the session finishes (a drill in progress, a crash).
    public var finishedAt: Double?
    /// Practice-clock seconds used.
    public var secondsUsed: Double
    /// Panels in the deck when the session finished: coverage is counted over all of them.
    public var deckPanels: Int
    /// Estimates asked by every panel of the deck (a lesson may ask several): accuracy is
    /// counted over all of them, so one on a panel skipped or never opened is a miss.
    /// 0 for a drill and an imported session, whose accuracy counts their attempts alone.
    public var deckEstimates: Int
    public var panelsVisited: Int
    public var checklistTicked: Int
    /// Checklist items over every panel of the deck, visited or not.
    public var checklistTotal: Int
    /// Good / fair / off as the session itself counted them (the JSON history's
    /// figures for imported sessions; attempts are counted from the attempt rows).
    public var estimates: EstimateCounts
    /// The scenario the session ran under, as `--scenario` names it; nil for a drill
    /// and for an imported session.
    public var scenario: String?

    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The ten-minute clock on.
        case practice
        /// Browsing the panels without the clock.
        case explore
        /// `whiteboard drill`: due estimates, one after another.
        case drill
        /// A line of the old `history.jsonl`, brought in once.
        case imported
    }

    public init(id: String, kind: Kind, startedAt: Double, finishedAt: Double? = nil, secondsUsed: Double = 0,
                deckPanels: Int = 0, panelsVisited: Int = 0, checklistTicked: Int = 0, checklistTotal: Int = 0,
                estimates: EstimateCounts = EstimateCounts(), scenario: String? = nil, deckEstimates: Int = 0) {
        self.id = id
        self.kind = kind
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.secondsUsed = secondsUsed
        self.deckPanels = deckPanels
        self.deckEstimates = deckEstimates
        self.panelsVisited = panelsVisited
        self.checklistTicked = checklistTicked
        self.checklistTotal = checklistTotal
        self.estimates = estimates
        self.scenario = scenario
    }

    /// A finished trainer session, with coverage counted over every lesson of
    /// the deck (a skipped panel counts its checklist as not ticked, and its
    /// estimates as not answered), under the scenario the session records.
    public init(id: String, session: PracticeSession, lessons: [Lesson], finishedAt: Double?,
                kind: Kind? = nil) {
        self.init(id: id, session: session, lessons: lessons, finishedAt: finishedAt, kind: kind,
                  estimates: SessionSummary(session, lessons: lessons).estimates)
    }

    /// A trainer session still in progress, as a panel left writes it: the same
    /// figures, without scoring its estimates (that evaluates every panel visited;
    /// an unfinished session's estimates are counted from its attempts).
    public static func inProgress(id: String, session: PracticeSession, lessons: [Lesson]) -> SessionRecord {
        SessionRecord(id: id, session: session, lessons: lessons, finishedAt: nil, kind: nil, estimates: EstimateCounts())
    }

    init(id: String, session: PracticeSession, lessons: [Lesson], finishedAt: Double?, kind: Kind?,
         estimates: EstimateCounts) {
        self.init(id: id, kind: kind ?? (session.practiceMode ? .practice : .explore),
                  startedAt: session.startedAt, finishedAt: finishedAt, secondsUsed: session.clock.elapsed,
                  deckPanels: lessons.count,
                  panelsVisited: lessons.filter { session[lesson: $0.id].visited }.count,
                  checklistTicked: lessons.reduce(0) { total, lesson in
                      total + session[lesson: lesson.id].ticked.filter { lesson.checklist.indices.contains($0) }.count
                  },
                  checklistTotal: lessons.reduce(0) { $0 + $1.checklist.count },
                  estimates: estimates, scenario: session.scenario,
                  deckEstimates: lessons.reduce(0) { $0 + $1.estimates.count })
    }
}

/// Time spent and checklist ticked on one panel of one session.
public struct PanelVisitRecord: Equatable, Sendable {
    public var sessionID: String
    public var lessonID: String
    public var seconds: Double
    public var visited: Bool
    public var checklistTicked: Int
    public var checklistTotal: Int

    public init(sessionID: String, lessonID: String, seconds: Double, visited: Bool,
                checklistTicked: Int, checklistTotal: Int) {
        self.sessionID = sessionID
        self.lessonID = lessonID
        self.seconds = seconds
        self.visited = visited
        self.checklistTicked = checklistTicked
        self.checklistTotal = checklistTotal
    }

    /// One row per lesson of the deck, visited or not.
    public static func rows(sessionID: String, session: PracticeSession, lessons: [Lesson]) -> [PanelVisitRecord] {
        lessons.map { row(sessionID: sessionID, session: session, lesson: $0) }
    }

    /// The row of one lesson: the time spent on it so far and its checklist.
    public static func row(sessionID: String, session: PracticeSession, lesson: Lesson) -> PanelVisitRecord {
        let record = session[lesson: lesson.id]
        return PanelVisitRecord(sessionID: sessionID, lessonID: lesson.id, seconds: record.seconds,
                                visited: record.visited,
                                checklistTicked: record.ticked.filter { lesson.checklist.indices.contains($0) }.count,
                                checklistTotal: lesson.checklist.count)
    }
}

/// One guess at one estimate: what was asked, at which numbers, the truth and
/// the guess in base units (seconds, bytes, dollars, per second; a percent as
/// a fraction), how it scored and how long it took.
public struct AttemptRecord: Equatable, Sendable {
    /// Assigned by the database; nil before insertion.
    public var id: Int64?
    public var sessionID: String
    public var lessonID: String
    /// The calculator result asked for ("push.writes").
    public var resultKey: String
    /// The question as shown, with the numbers it was asked at.
    public var question: String
    public var kind: QuantityKind
    /// The unit the answer is shown in ("s", "$/month"): base values convert back through it.
    public var unit: String
    public var truth: Double
    /// Nil when the answer was revealed without a guess (a miss).
    public var guess: Double?
    /// The calculator's inputs at the time (key -> value, in each parameter's own unit).
    public var parameters: [String: Double]
    /// The scenario the trainer ran under when it was asked, as `--scenario` names it
    /// ("celebrity", a file's path); nil for a drill, which asks at numbers of its own.
    public var scenario: String?
    /// log10(guess / truth) for magnitudes, log10 of the odds ratio for
    /// percentages; nil when undefined (no guess, zero, sign mismatch).
    public var logRatio: Double?
    public var score: EstimateScore
    public var method: EstimateGrade.Method
    /// Seconds from the question appearing to the guess; nil when not measured.
    public var secondsTaken: Double?
    /// Unix seconds.
    public var date: Double
    /// Asked by `whiteboard drill` rather than on a lesson panel.
    public var drill: Bool

    public init(id: Int64? = nil, sessionID: String, lessonID: String, resultKey: String, question: String,
                kind: QuantityKind, unit: String, truth: Double, guess: Double?, parameters: [String: Double],
                scenario: String? = nil, secondsTaken: Double?, date: Double, drill: Bool = false) {
        self.id = id
        self.sessionID = sessionID
        self.lessonID = lessonID
        self.resultKey = resultKey
        self.question = question
        self.kind = kind
        self.unit = unit
        self.truth = truth
        self.guess = guess
        self.parameters = parameters
        self.scenario = scenario
        self.secondsTaken = secondsTaken
        self.date = date
        self.drill = drill
        let grade = EstimateScore.grade(guess: guess, truth: truth, kind: kind)
        logRatio = grade.logRatio
        score = grade.score
        method = grade.method
    }

    /// From a guess in the answer's own unit (as typed: 90 for "90 s", 54 for
    /// "54 %"): converts both sides to base units and scores by kind.
    public init(sessionID: String, lesson: Lesson, truth: ResultValue, guess: Double?, inputs: Inputs,
                question: String? = nil, scenario: String? = nil, secondsTaken: Double?, date: Double,
                drill: Bool = false) {
        let unit = truth.quantity.unit
        self.init(sessionID: sessionID, lessonID: lesson.id, resultKey: truth.key,
                  question: question ?? lesson.estimate(for: truth.key)?.question ?? truth.label,
                  kind: QuantityKind(unit), unit: unit.symbol, truth: truth.quantity.baseValue,
                  guess: guess.map { $0 * unit.toBase }, parameters: inputs.values, scenario: scenario,
                  secondsTaken: secondsTaken, date: date, drill: drill)
    }

    /// The grade again (method, summary), from the stored values.
    public var grade: EstimateGrade { EstimateScore.grade(guess: guess, truth: truth, kind: kind) }

    /// A base value shown in the answer's unit ("90 s", "54 %").
    public func display(_ base: Double) -> String {
        let unit = (try? Calculators.Unit.named(self.unit)) ?? Calculators.Unit(self.unit, .count)
        return Format.quantity(Quantity(base / unit.toBase, unit))
    }

    /// The drill item this attempt belongs to.
    public var itemID: String { lessonID + "/" + resultKey }
}

// MARK: - Rows

extension SessionRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"

    public init(row: Row) throws {
        self.init(id: row["id"], kind: Kind(rawValue: row["kind"] ?? "") ?? .practice, startedAt: row["started_at"],
                  finishedAt: row["finished_at"], secondsUsed: row["seconds_used"], deckPanels: row["deck_panels"],
                  panelsVisited: row["panels_visited"], checklistTicked: row["checklist_ticked"],
                  checklistTotal: row["checklist_total"],
                  estimates: EstimateCounts(good: row["good"], fair: row["fair"], off: row["off"]),
                  scenario: row["scenario"], deckEstimates: row["deck_estimates"] ?? 0)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["kind"] = kind.rawValue
        container["started_at"] = startedAt
        container["finished_at"] = finishedAt
        container["seconds_used"] = secondsUsed
        container["deck_panels"] = deckPanels
        container["deck_estimates"] = deckEstimates
        container["panels_visited"] = panelsVisited
        container["checklist_ticked"] = checklistTicked
        container["checklist_total"] = checklistTotal
        container["good"] = estimates.good
        container["fair"] = estimates.fair
        container["off"] = estimates.off
        container["scenario"] = scenario
    }
}

extension PanelVisitRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "panel_visit"

    public init(row: Row) throws {
        self.init(sessionID: row["session_id"], lessonID: row["lesson_id"], seconds: row["seconds"],
                  visited: row["visited"], checklistTicked: row["checklist_ticked"], checklistTotal: row["checklist_total"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["session_id"] = sessionID
        container["lesson_id"] = lessonID
        container["seconds"] = seconds
        container["visited"] = visited
        container["checklist_ticked"] = checklistTicked
        container["checklist_total"] = checklistTotal
    }
}

extension AttemptRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "attempt"

    public init(row: Row) throws {
        let parametersText: String = row["parameters"] ?? "{}"
        let parameters = (try? JSONDecoder().decode([String: Double].self, from: Data(parametersText.utf8))) ?? [:]
        id = row["id"]
        sessionID = row["session_id"]
        lessonID = row["lesson_id"]
        resultKey = row["result_key"]
        question = row["question"]
        kind = QuantityKind(rawValue: row["kind"] ?? "") ?? .count
        unit = row["unit"]
        truth = row["truth"] ?? .nan
        guess = row["guess"]
        self.parameters = parameters
        scenario = row["scenario"]
        logRatio = row["log_ratio"]
        score = EstimateScore(rawValue: row["score"] ?? "") ?? .off
        method = EstimateGrade.Method(rawValue: row["method"] ?? "") ?? .ratio
        secondsTaken = row["seconds_taken"]
        date = row["date"]
        drill = row["drill"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Inputs come from validated parameters, so they are finite; a stray
        // non-finite value must still not make the attempt unsavable.
        let finite = parameters.filter { $0.value.isFinite }
        let parametersText = (try? encoder.encode(finite)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        container["id"] = id
        container["session_id"] = sessionID
        container["lesson_id"] = lessonID
        container["result_key"] = resultKey
        container["question"] = question
        container["kind"] = kind.rawValue
        container["unit"] = unit
        container["truth"] = truth
        container["guess"] = guess
        container["parameters"] = parametersText
        container["scenario"] = scenario
        container["log_ratio"] = logRatio
        container["score"] = score.rawValue
        container["method"] = method.rawValue
        container["seconds_taken"] = secondsTaken
        container["date"] = date
        container["drill"] = drill
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
