import Calculators
import Trainer

/// What the trainer knows of the history database: whether it opened, and
/// when the estimate box on screen was opened (for the time taken to answer).
public struct HistoryLink: Equatable, Sendable {
    /// Nil until `.historyOpened` reports; attempts and sessions are sent only once it is true.
    public var available: Bool?
    /// The last write failure, said once.
    public var failure: String?
    /// Monotonic instant the estimate box opened, while it is open.
    public var estimateOpenedAt: Double?
    /// Attempts written this run.
    public var attemptsRecorded = 0
    /// Panel visits sent to the history this run: the session is in the history
    /// (unfinished) and is completed when it ends, even with nothing else to keep.
    public var visitsSent = 0
    /// What the calibration view shows, once the history was read for it (`A`).
    public var calibration: CalibrationSummary?
    /// What the history view shows, once the history was read for it (`S`).
    public var sessions: SessionListing?

    public init() {}
}

/// Estimates kept until revealed, and the history database: every attempt
/// recorded when it is revealed, every finished session with its panels.
extension AppState {
    mutating func historyOpened(available: Bool, notices: [String]) {
        history.available = available
        guard let first = notices.first else { return }
        let text = notices.count == 1 ? first : first + " (+\(notices.count - 1) more)"
        // A start-up notice already on screen (resume, problems) is kept; the history's goes after it.
        let prefix = notice.map { $0.text + " · " } ?? ""
        notice = Notice(available && notice?.kind != .error ? .info : .error, prefix + "History: " + text)
    }

    mutating func recorded(_ result: Result<String, StorageFailure>, what: String) {
        switch result {
        case .success:
            if what == "attempt" { history.attemptsRecorded += 1 }
            history.failure = nil
        case let .failure(failure):
            guard history.failure != failure.message else { return }
            history.failure = failure.message
            notice = Notice(.error, "History: \(what) not kept: \(failure.message)")
        }
    }

    /// `v`: shows the answer to the estimate asked now. A guess typed earlier
    /// is scored; none is a miss. The attempt goes to the history database
    /// with the numbers it was asked at and the session's scenario, the panel's visit with it;
    /// the panel's next estimate, if any, is asked next.
    /// `confirmed`: the user said yes to revealing with no guess typed.
    mutating func revealEstimate(confirmed: Bool = false) -> [Effect] {
        guard let p = panel, !p.lesson.estimates.isEmpty else {
            notice = Notice(.info, "This panel has no estimate")
            return []
        }
        let id = p.lesson.id
        guard let index = currentEstimateIndex else {
            if let outcome = estimateOutcomes.last ?? nil { notice = Notice(.info, "Already revealed: " + lowerFirst(outcome.sentence)) }
            return []
        }
        let estimate = p.lesson.estimates[index]
        guard let truth = estimateTruth else { notice = Notice(.error, "The calculator has no result \"\(estimate.resultKey)\""); return [] }
        if session[lesson: id][guess: index].value == nil, !confirmed {
            overlay = .confirm(.revealWithoutGuess)
            return []
        }
        if case .estimate = overlay { overlay = nil }
        history.estimateOpenedAt = nil
        session[lesson: id][guess: index].revealed = true
        let record = session[lesson: id][guess: index]
        let outcome = EstimateOutcome(guess: record.value, truth: truth)
        let left = p.lesson.estimates.count - index - 1
        notice = Notice(outcome.score == .off ? .error : .info,
                        outcome.sentence + ": " + outcome.meaning + (record.value == nil ? " (counted as a miss)" : "")
                        + (left > 0 ? " · e: the next estimate (\(left) more)" : ""))
        guard history.available == true, let inputs = p.startingInputs else { return [] }
        let attempt = AttemptRecord(sessionID: session.id ?? PracticeSession.makeID(startedAt: session.startedAt),
                                    lesson: p.lesson, truth: truth, guess: record.value, inputs: inputs,
                                    question: estimate.question, scenario: session.scenario, secondsTaken: record.seconds,
                                    date: now + wallClockOffset)
        // The session's row and this panel follow the answer: a trainer killed before it
        // leaves the panel is listed with the estimate counted over the whole deck.
        return [.recordAttempt(attempt)] + [visitRecordEffect(id)].compactMap { $0 }
    }

    /// The panel with this lesson id, just left, for the database: while the
    /// session has something to keep and is not finishing (finishing writes every panel).
    mutating func visitRecordEffect(_ lessonID: String) -> Effect? {
        guard history.available == true, drill == nil, finishing == nil, session.hasChanges else { return nil }
        history.visitsSent += 1
        return .recordVisit(HistoryVisit(id: session.id ?? PracticeSession.makeID(startedAt: session.startedAt),
                                         session: savableSession, lessons: panels.map(\.lesson), lessonID: lessonID))
    }

    /// The finished session for the database, when there is one to keep (or its visits were kept).
    func sessionRecordEffects() -> [Effect] {
        guard history.available == true, session.hasChanges || history.visitsSent > 0 else { return [] }
        let id = session.id ?? PracticeSession.makeID(startedAt: session.startedAt)
        return [.recordSession(HistorySession(id: id, session: savableSession, lessons: panels.map(\.lesson),
                                              finishedAt: now + wallClockOffset))]
    }

    func lowerFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
}
