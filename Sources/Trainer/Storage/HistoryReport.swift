import Foundation

/// What `whiteboard history` prints from `history.jsonl` when the database
/// cannot be opened: one row per finished session, newest first. A line keeps
/// only when the session finished, so that is its date here.
public enum HistoryReport {
    public static func table(_ entries: [HistoryEntry], timeZone: TimeZone = .current) -> String {
        guard !entries.isEmpty else {
            return SessionHistoryReport.empty + "\n"
        }
        var rows: [[String]] = [["finished", "time used", "panels", "estimates (good/fair/off)", "checklist"]]
        for e in entries.reversed() {
            rows.append([
                ExportNaming.readable(at: e.date, timeZone: timeZone),
                "\(TimeText.clock(e.secondsUsed)) of \(TimeText.clock(PracticeClock.total))",
                String(e.panelsVisited),
                e.estimates.total == 0 ? "none" : "\(e.estimates.good)/\(e.estimates.fair)/\(e.estimates.off)",
                "\(e.checklistTicked)/\(e.checklistTotal)" + TimeText.percent(e.checklistTicked, of: e.checklistTotal),
            ])
        }
        return CalculatorReport.layout(rows) + "\n"
    }
}
