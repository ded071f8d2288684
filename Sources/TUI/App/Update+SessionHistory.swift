import Foundation
import Trainer

/// What the history view (`S`) shows: every session the history database
/// keeps, newest first by start, as the cells `whiteboard history` prints. Worked out
/// in `update` when the sessions arrive; the view only lays them out.
public struct SessionListing: Equatable, Sendable {
    /// One row of cells per session under `SessionHistoryReport.header`, newest first by start.
    public var rows: [[String]] = []
    /// Why the history could not be read.
    public var failure: String?

    public init(rows: [[String]] = [], failure: String? = nil) {
        self.rows = rows
        self.failure = failure
    }
}

extension AppState {
    /// `S`: opens the history view and reads the sessions for it.
    mutating func showHistory() -> [Effect] {
        overlay = .history(scroll: 0)
        if let reason = historyUnreadable {
            history.sessions = SessionListing(failure: reason)
            return []
        }
        history.sessions = nil
        return [.loadSessions]
    }

    /// The sessions and attempts, read for the history view. Dates are shown in UTC,
    /// as the calibration view does, so a view is the same wherever it is drawn.
    mutating func sessionsLoaded(_ result: Result<SessionsRead, StorageFailure>) {
        switch result {
        case let .success(read):
            // Newest first by start, as `whiteboard history` lists them.
            let rows = SessionHistoryReport.rows(read.sessions, attempts: read.attempts,
                                                 timeZone: TimeZone(identifier: "UTC") ?? .current)
            history.sessions = SessionListing(rows: rows)
        case let .failure(failure):
            history.sessions = SessionListing(failure: failure.message)
        }
    }
}
