import Foundation

/// What `whiteboard history` prints from the history database: every
/// session, drills and imported ones included, with its estimates and their
/// accuracy, and checklist coverage, each over every panel of the deck: an
/// estimate on a skipped panel counts as a miss and its checklist as not
/// ticked, so skipping the hard ones does not raise the score.
public enum SessionHistoryReport {
    /// The table's column names.
    public static let header = ["date", "kind", "time used", "panels", "estimates (good/fair/off)", "accuracy", "checklist"]

    /// What an empty history says: how a session gets there (the trainer's history view says the same).
    public static let empty = "No sessions yet. A session is kept here as you practise with `whiteboard`: each panel "
        + "when you leave it, the whole session when you quit (q); a drill when you finish it (`whiteboard drill`)."

    public static func table(_ sessions: [SessionRecord], attempts: [AttemptRecord],
                             timeZone: TimeZone = .current) -> String {
        guard !sessions.isEmpty else {
            return empty + "\n"
        }
        return CalculatorReport.layout([header] + rows(sessions, attempts: attempts, timeZone: timeZone)) + "\n"
    }

    /// One row of cells per session, in the order given, under `header`
    /// (the trainer's history view lays them out to its width).
    public static func rows(_ sessions: [SessionRecord], attempts: [AttemptRecord],
                            timeZone: TimeZone = .current) -> [[String]] {
        let bySession = Dictionary(grouping: attempts, by: \.sessionID)
        return sessions.map { s in
            let own = bySession[s.id] ?? []
            let counts = own.isEmpty ? s.estimates : own.reduce(into: EstimateCounts()) { $0.add($1.score) }
            let deck = s.kind == .drill || s.kind == .imported ? 0 : s.deckEstimates
            return [
                ExportNaming.readable(at: s.finishedAt ?? s.startedAt, timeZone: timeZone),
                s.kind.rawValue + (s.finishedAt == nil ? " (unfinished)" : ""),
                s.kind == .drill ? TimeText.clock(s.secondsUsed)
                    : "\(TimeText.clock(s.secondsUsed)) of \(TimeText.clock(PracticeClock.total))",
                s.kind == .drill ? "—" : s.deckPanels > 0 ? "\(s.panelsVisited) of \(s.deckPanels)" : String(s.panelsVisited),
                estimates(counts, deck: deck),
                accuracy(own, deck: deck),
                s.kind == .drill || s.checklistTotal == 0 ? "—"
                    : "\(s.checklistTicked)/\(s.checklistTotal)" + TimeText.percent(s.checklistTicked, of: s.checklistTotal)
                        + (s.kind == .imported ? " (visited panels)" : ""),
            ]
        }
    }

    /// "2/1/0 of 21": good, fair and off, of every estimate of the deck; "none of 21"
    /// when none was answered. Without a deck (a drill, an imported line) the counts alone.
    static func estimates(_ counts: EstimateCounts, deck: Int) -> String {
        let answered = counts.total == 0 ? "none" : "\(counts.good)/\(counts.fair)/\(counts.off)"
        return deck > 0 ? answered + " of \(deck)" : answered
    }

    /// "within 1.8×": the median factor between guess and truth (odds ratio for
    /// percentages). Over a deck, the median is taken over every estimate it asks:
    /// one not answered, revealed without a guess or with no ratio is a miss, and
    /// when half or more are misses the median is one ("half or more missed");
    /// "none answered" without an attempt. Without a deck, `oneByOne`.
    static func accuracy(_ attempts: [AttemptRecord], deck: Int = 0) -> String {
        guard deck > 0 else { return oneByOne(attempts) }
        guard !attempts.isEmpty else { return "none answered" }
        let answered = attempts.map { $0.logRatio.map(abs) ?? .infinity }
        let logs = answered + Array(repeating: .infinity, count: max(0, deck - answered.count))
        guard let median = Calibration.median(logs), median.isFinite else { return "half or more missed" }
        return "within " + EstimateGrade.factor(pow(10, median))
    }

    /// Over the attempts that have a ratio; "—" without any.
    static func oneByOne(_ attempts: [AttemptRecord]) -> String {
        let logs = attempts.compactMap(\.logRatio).map(abs)
        guard let median = Calibration.median(logs) else {
            return attempts.isEmpty ? "—" : "no ratio"
        }
        return "within " + EstimateGrade.factor(pow(10, median))
    }
}
