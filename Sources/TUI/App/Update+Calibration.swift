import Foundation
import Trainer

/// What the calibration view (`A`) shows: the history's attempts summed up by
/// `Calibration` (the model `whiteboard calibration` prints), and the drill
/// items due first. Worked out in `update` when the attempts arrive.
public struct CalibrationSummary: Equatable, Sendable {
    public var calibration: Calibration?
    /// Attempts read from the history.
    public var attempts = 0
    /// The first items a drill would ask now, with why.
    public var drillNext: [(title: String, question: String, why: String)] = []
    /// Why the history could not be read.
    public var failure: String?

    public init(calibration: Calibration? = nil, attempts: Int = 0,
                drillNext: [(title: String, question: String, why: String)] = [], failure: String? = nil) {
        self.calibration = calibration
        self.attempts = attempts
        self.drillNext = drillNext
        self.failure = failure
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.calibration == b.calibration && a.attempts == b.attempts && a.failure == b.failure
            && a.drillNext.map { [$0.title, $0.question, $0.why] } == b.drillNext.map { [$0.title, $0.question, $0.why] }
    }

    /// How many items "drill next" lists.
    static let drillNextCount = 3
}

extension AppState {
    /// `A`: opens the calibration view and reads the history for it.
    mutating func showCalibration() -> [Effect] {
        overlay = .calibration(scroll: 0)
        if let reason = historyUnreadable {
            history.calibration = CalibrationSummary(failure: reason)
            return []
        }
        return [.loadAttempts]
    }

    /// Why a view cannot read the history now (nil: it can).
    var historyUnreadable: String? {
        switch history.available {
        case true?: nil
        case nil: "the history database is still opening"
        case false?: "the history database is not open"
        }
    }

    /// The attempts, read for the calibration view: bias by kind and what is due.
    mutating func calibrationLoaded(_ attempts: [AttemptRecord]) {
        let schedule = DrillSchedule(items: DrillItem.all(in: panels.map(\.lesson)), attempts: attempts,
                                     now: now + wallClockOffset, timeZone: TimeZone(identifier: "UTC") ?? .current)
        let next = schedule.due.prefix(CalibrationSummary.drillNextCount).map {
            (title: $0.item.lesson.title, question: $0.item.estimate.question, why: $0.why)
        }
        history.calibration = CalibrationSummary(calibration: Calibration(attempts), attempts: attempts.count,
                                                 drillNext: Array(next))
    }
}
