import Foundation

/// SuperMemo 2 (P. Woźniak, 1990), driven by how each estimate scored.
///
/// Each answer is graded on SM-2's 0–5 scale: revealed without a guess 0,
/// off 1, fair 2, good 4, good and close (within 1.25×, or 2 points) 5.
/// SM-2 counts 3 and up as recalled; a fair estimate (within 10×, or 15 points,
/// but not good) is graded 2, "wrong, but the right answer seemed easy to recall": it
/// starts the item over like a miss (it does not add to the run of good
/// answers), though it costs less easiness (−0.32, off −0.54). No score
/// maps to 3. Then, as SM-2 says:
/// - the easiness factor moves by 0.1 − (5 − q)(0.08 + (5 − q)·0.02), never below 1.3;
/// - q < 3 starts the item over (repetition 0, interval 1 day);
/// - otherwise the interval is 1 day, then 6, then the last times the easiness;
/// - an item graded below 4 is asked again the same day until it reaches 4
///   (SM-2's closing rule), so misses and fair answers are due at once, ahead of everything.
public enum SM2 {
    public static let initialEasiness = 2.5
    public static let minimumEasiness = 1.3

    public static func quality(_ grade: EstimateGrade) -> Int {
        switch grade.score {
        case .off: return grade.method == .revealed ? 0 : 1
        case .fair: return 2
        case .good:
            guard let distance = grade.distance else { return 4 }
            return (grade.method == .points ? distance <= 2 : distance <= 1.25) ? 5 : 4
        }
    }

    /// The item's state after one more answer of quality `q` at `date`.
    public static func next(_ state: DrillState, quality q: Int, at date: Double) -> DrillState {
        var s = state
        let fives = Double(5 - q)
        s.easiness = max(minimumEasiness, s.easiness + 0.1 - fives * (0.08 + fives * 0.02))
        if q < 3 {
            s.repetitions = 0
            s.intervalDays = 1
        } else {
            s.intervalDays = s.repetitions == 0 ? 1 : s.repetitions == 1 ? 6 : (s.intervalDays * s.easiness).rounded()
            s.repetitions += 1
        }
        s.lastQuality = q
        s.lastDate = date
        s.due = q < 4 ? date : date + s.intervalDays * 86_400
        s.answers += 1
        return s
    }
}

/// Where one item stands: SM-2's numbers and the last answer.
public struct DrillState: Equatable, Sendable {
    public var repetitions = 0
    public var easiness = SM2.initialEasiness
    public var intervalDays = 0.0
    /// Unix seconds from which the item is due; nil for an item never answered.
    public var due: Double?
    public var lastQuality: Int?
    public var lastDate: Double?
    public var answers = 0
    public init() {}
}

/// Every drill item with its state and whether (and why) it is due, worked
/// out from the attempts in the history: the schedule is a function of the
/// history, so there is nothing else to keep in step.
public struct DrillSchedule: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let item: DrillItem
        public let state: DrillState
        /// The item's latest attempt, if any.
        public let last: AttemptRecord?
        public let isDue: Bool
        /// One line: "missed 2026-12-01: 30× high (ratio); asked again until good".
        public let why: String
    }

    /// Due items first, in the order a drill asks them: misses (worst first),
    /// then fair answers, then items never answered, then good ones whose
    /// interval has run out (longest overdue first); then the rest by due date.
    public let entries: [Entry]

    public var due: [Entry] { entries.filter(\.isDue) }

    public init(items: [DrillItem], attempts: [AttemptRecord], now: Double, timeZone: TimeZone = .current) {
        var byItem: [String: [AttemptRecord]] = [:]
        for attempt in attempts { byItem[attempt.itemID, default: []].append(attempt) }
        let built: [Entry] = items.map { item in
            let history = (byItem[item.id] ?? []).sorted { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }
            var state = DrillState()
            for attempt in history { state = SM2.next(state, quality: SM2.quality(attempt.grade), at: attempt.date) }
            let isDue = state.due.map { $0 <= now } ?? true
            return Entry(item: item, state: state, last: history.last, isDue: isDue,
                         why: Self.why(state, history.last, isDue: isDue, now: now, timeZone: timeZone))
        }
        func rank(_ e: Entry) -> Int {
            guard e.isDue else { return 9 }
            guard let q = e.state.lastQuality else { return 5 }
            return q < 4 ? q : 6
        }
        entries = built.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if rank(x) != rank(y) { return rank(x) < rank(y) }
            let (dx, dy) = (x.state.due ?? 0, y.state.due ?? 0)
            if dx != dy { return dx < dy }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func why(_ s: DrillState, _ last: AttemptRecord?, isDue: Bool, now: Double, timeZone: TimeZone) -> String {
        guard let last, let q = s.lastQuality, let lastDate = s.lastDate else { return "new: never answered" }
        let day = String(ExportNaming.readable(at: lastDate, timeZone: timeZone).prefix(10))
        let grade = last.grade
        let how = grade.method == .revealed ? "revealed without a guess" : grade.summary
        switch q {
        case 0...3 where grade.score == .fair: return "fair \(day): \(how); starts over, asked again until good"
        case 0...3: return "missed \(day): \(how); asked again until good"
        default:
            let dueDay = String(ExportNaming.readable(at: s.due ?? now, timeZone: timeZone).prefix(10))
            let streak = "good \(s.repetitions) time\(s.repetitions == 1 ? "" : "s") in a row"
            let interval = "interval \(Int(s.intervalDays)) day\(s.intervalDays == 1 ? "" : "s")"
            return isDue ? "\(streak), \(interval) ended \(dueDay)" : "\(streak); next \(dueDay) (\(interval))"
        }
    }
}
