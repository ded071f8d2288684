/// One finished session, as a line of `history.jsonl`: enough to show progress
/// over weeks without keeping every export.
public struct HistoryEntry: Codable, Equatable, Sendable {
    /// The session's stable id: a session resumed and finished again is one
    /// row (the last line with an id wins). Nil in lines written before ids.
    public var sessionID: String?
    /// When the session finished, Unix seconds.
    public var date: Double
    /// Practice-clock seconds used (of 600).
    public var secondsUsed: Double
    public var panelsVisited: Int
    public var estimates: EstimateCounts
    public var checklistTicked: Int
    public var checklistTotal: Int

    public init(date: Double, secondsUsed: Double, panelsVisited: Int, estimates: EstimateCounts,
                checklistTicked: Int, checklistTotal: Int) {
        self.date = date
        self.secondsUsed = secondsUsed
        self.panelsVisited = panelsVisited
        self.estimates = estimates
        self.checklistTicked = checklistTicked
        self.checklistTotal = checklistTotal
    }

    /// Counted as the export counts (see `SessionSummary`).
    public init(session: PracticeSession, lessons: [Lesson], finishedAt: Double) {
        let summary = SessionSummary(session, lessons: lessons)
        self.init(date: finishedAt, secondsUsed: summary.timeUsed,
                  panelsVisited: summary.panels.filter(\.record.visited).count,
                  estimates: summary.estimates,
                  checklistTicked: summary.checklistTicked, checklistTotal: summary.checklistTotal)
        sessionID = session.id
    }
}
