import Foundation

/// What `whiteboard history` prints from the history database: every
/// session, drills and imported ones included, newest first by its start, with
/// its estimates and their accuracy, and checklist coverage, each over every panel of the deck: an
/// estimate on a skipped panel counts as a miss and its checklist as not
/// ticked, so skipping the hard ones does not raise the score.
public enum SessionHistoryReport {
    /// The table's column names. A session is dated by its start, and listed by it.
    public static let header = ["started", "kind", "time used", "panels", "estimates (good/fair/off)", "accuracy", "checklist"]

    /// What accuracy is, for the help under the table and `whiteboard history --help`.
    public static let accuracyMeaning = "Accuracy is the share of the estimates asked that scored good (within 2×; "
        + "a percent within 5 points, or 2× in odds near 0 or 100 %): of every estimate of the deck for a session, "
        + "of every item asked for a drill."

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

    /// The order both `whiteboard history` and the trainer's history view list sessions in:
    /// newest first by when they started (the date shown), ties by id. A session resumed,
    /// or finished later than one started after it, keeps its place.
    public static func newestFirst(_ sessions: [SessionRecord]) -> [SessionRecord] {
        sessions.sorted { $0.startedAt != $1.startedAt ? $0.startedAt > $1.startedAt : $0.id > $1.id }
    }

    /// One row of cells per session, newest first (`newestFirst`), under `header`
    /// (the trainer's history view lays them out to its width).
    public static func rows(_ sessions: [SessionRecord], attempts: [AttemptRecord],
                            timeZone: TimeZone = .current) -> [[String]] {
        let bySession = Dictionary(grouping: attempts, by: \.sessionID)
        return newestFirst(sessions).map { s in
            let own = bySession[s.id] ?? []
            let counts = own.isEmpty ? s.estimates : own.reduce(into: EstimateCounts()) { $0.add($1.score) }
            let deck = s.kind == .drill || s.kind == .imported ? 0 : s.deckEstimates
            return [
                ExportNaming.readable(at: s.startedAt, timeZone: timeZone),
                s.kind.rawValue + (s.finishedAt == nil ? " (unfinished)" : ""),
                s.kind == .drill ? TimeText.clock(s.secondsUsed)
                    : "\(TimeText.clock(s.secondsUsed)) of \(TimeText.clock(PracticeClock.total))",
                s.kind == .drill ? "—" : s.deckPanels > 0 ? "\(s.panelsVisited) of \(s.deckPanels)" : String(s.panelsVisited),
                estimates(counts, deck: deck),
                accuracy(counts, asked: s.kind == .drill ? counts.total : deck),
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

    /// "10 % good": the share of the estimates asked that scored good, the same
    /// measure for every row (`accuracyMeaning`). For a session, `asked` is every
    /// estimate of the deck, so one not answered, or revealed without a guess, counts
    /// against it; for a drill, every item it asked. "—" when nothing is known to have
    /// been asked (an imported line, which kept no deck; a deck without estimates).
    static func accuracy(_ counts: EstimateCounts, asked: Int) -> String {
        guard asked > 0 else { return "—" }
        return "\(Int((Double(min(counts.good, asked)) * 100 / Double(asked)).rounded())) % good"
    }
}
