import Calculators
import Foundation
import Trainer

/// Drill mode (`whiteboard drill`): the estimates due, one after another,
/// each asked at fresh numbers and revealed with the calculator's working.
/// No lesson is open and nothing needs the network; the drill is one session
/// in the history, every answer an attempt.
public struct DrillRun: Equatable, Sendable {
    /// The session id in the history ("d" and the start in milliseconds).
    public var id: String = ""
    /// Unix seconds at the start.
    public var startedAt: Double = 0
    /// Monotonic instant at the start, for the time used.
    public var startedInstant: Double?
    /// At most this many questions.
    public var limit: Int
    /// A fixed seed (tests, `--seed`); otherwise from the item, the day and its answers.
    public var seed: UInt64?
    /// What is due, in the order asked; nil until the history has been read.
    public var due: [DrillSchedule.Entry]?
    /// Index into `due` of the question on screen.
    public var index = 0
    public var question: DrillQuestion?
    /// How far the card on screen is scrolled (`j`/`k`), within its height at the window's size.
    public var scroll = 0
    /// Monotonic instant the question appeared.
    public var askedAt: Double?
    /// The answer, once given or revealed: the attempt as recorded.
    public var answered: AttemptRecord?
    public var counts = EstimateCounts()
    /// Every attempt of this drill, in order.
    public var attempts: [AttemptRecord] = []
    /// The history could not be read or written: answers are not kept.
    public var unkept: String?

    public init(limit: Int = 10, seed: UInt64? = nil) {
        self.limit = limit
        self.seed = seed
    }

    public var isDone: Bool { due.map { index >= min($0.count, limit) } ?? false }
    public var total: Int { min(due?.count ?? 0, limit) }
}

extension AppState {
    /// Messages that mean something else in drill mode; nil lets `reduce` handle them as usual.
    mutating func drillReduce(_ message: Message) -> [Effect]? {
        guard drill != nil else { return nil }
        switch message {
        case .commit: return drillCommit()
        case .cancel, .quit: return finish(status: nil)
        case let .scrollLesson(d): return scrollDrill(by: d)
        case let .pageLesson(d): return scrollDrill(by: d * max(1, DrillView.content(size).height - 1))
        case let .halfPageLesson(d): return scrollDrill(by: d * max(1, DrillView.content(size).height / 2))
        case let .scrollLessonToEdge(end): return scrollDrill(by: end ? Keymap.farScroll : -Keymap.farScroll)
        case .nextPanel, .revealEstimate, .beginEntry:
            if drill?.answered != nil || drill?.isDone == true { drillNext(); return [] }
            if message == .revealEstimate { return drillAnswer(nil) }
            notice = Notice(.info, "Type your answer, or Enter to see it (a miss)")
            return []
        case .previousPanel, .goToPanel, .openPanelList, .toggleFocus, .toggleClock, .beginEstimate, .editNotes,
             .showClaims, .export, .toggleTick, .step, .resetParameter, .resetPanel, .undo, .redo,
             .typeValue:
            notice = Notice(.info, "Drill: answer, Enter, n for the next; q ends the drill")
            return []
        default: return nil
        }
    }

    /// Scrolls the card within its wrapped height at this size, so a key back up always moves it.
    mutating func scrollDrill(by d: Int) -> [Effect] {
        guard let run = drill else { return [] }
        let limit = DrillView(state: self, run: run, theme: Theme(display)).maxScroll()
        let from = min(max(0, run.scroll), limit)
        let to = from + d < 0 ? 0 : min(from + d, limit)
        drill?.scroll = to
        return []
    }

    /// `.started` in drill mode: no autosave (the practice session is left alone), the lessons and the history.
    mutating func drillStarted(wallClock: Double) -> [Effect] {
        autosave.enabled = false
        drill?.startedAt = wallClock
        drill?.startedInstant = now
        drill?.id = "d" + String(Int64((wallClock.isFinite ? wallClock : 0) * 1000))
        return [.loadLessons, .openHistory]
    }

    /// The history opened (or not): read its attempts, or drill with none kept.
    mutating func drillHistoryOpened(available: Bool) -> [Effect] {
        guard drill != nil else { return [] }
        if available { return [.loadAttempts] }
        drill?.unkept = "the history database is not open"
        drillScheduled([])
        return []
    }

    /// The attempts so far: the schedule, then the first question.
    mutating func drillScheduled(_ attempts: [AttemptRecord]) {
        guard drill != nil else { return }
        let schedule = DrillSchedule(items: DrillItem.all(in: panels.map(\.lesson)), attempts: attempts,
                                     now: now + wallClockOffset, timeZone: TimeZone(identifier: "UTC") ?? .current)
        drill?.due = schedule.due
        drill?.index = 0
        askDrill()
    }

    mutating func attemptsLoaded(_ result: Result<[AttemptRecord], StorageFailure>) {
        switch result {
        case let .success(attempts) where drill == nil: calibrationLoaded(attempts)
        case let .success(attempts): drillScheduled(attempts)
        case let .failure(failure) where drill == nil:
            history.calibration = CalibrationSummary(failure: failure.message)
        case let .failure(failure):
            notice = Notice(.error, "History not read: \(failure.message); every estimate counts as new")
            drill?.unkept = failure.message
            drillScheduled([])
        }
    }

    /// Puts the question at `index` on screen, at numbers drawn for it.
    mutating func askDrill() {
        guard var run = drill, let due = run.due else { return }
        run.question = nil
        run.answered = nil
        run.scroll = 0
        overlay = nil
        while run.index < run.total {
            let entry = due[run.index]
            let day = Int(((run.startedAt.isFinite ? run.startedAt : 0) / 86_400).rounded(.down))
            let seed = run.seed.map { $0 &+ UInt64(run.index) }
                ?? DrillSeed.seed("\(entry.item.id) \(day) \(entry.state.answers)")
            if let question = entry.item.ask(seed: seed) {
                run.question = question
                run.askedAt = now
                overlay = .estimate(LineEditor())
                break
            }
            run.index += 1
        }
        drill = run
    }

    /// Enter: reads the answer (empty: reveal, a miss; "0.5" for a percent: asks which).
    mutating func drillCommit() -> [Effect] {
        guard let run = drill else { return [] }
        if run.answered != nil || run.isDone { drillNext(); return [] }
        guard let question = run.question, case let .estimate(editor) = overlay else { return [] }
        let unit = question.truth.quantity.unit
        switch DrillAnswer.read(editor.text, unit: unit) {
        case let .value(v):
            guard v.isFinite, abs(v) <= 1e15 else {
                notice = Notice(.error, "\"\(editor.text)\": type a number up to 10^15" + (unit.symbol.isEmpty ? "" : ", in \(unit.symbol)"))
                return []
            }
            return drillAnswer(v)
        case .reveal: return drillAnswer(nil)
        case let .ambiguous(a):
            notice = Notice(.info, "\(a.question) Type \(Format.count(a.asPercent))% or \(Format.count(a.asFraction))% to say which")
            return []
        case let .invalid(message):
            notice = Notice(.error, message)
            return []
        }
    }

    /// Scores the answer, shows the truth and the working, and records the attempt.
    mutating func drillAnswer(_ guess: Double?) -> [Effect] {
        guard var run = drill, let question = run.question, run.answered == nil, run.index < run.total,
              let due = run.due else { return [] }
        let entry = due[run.index]
        let attempt = AttemptRecord(sessionID: run.id, lesson: entry.item.lesson, truth: question.truth, guess: guess,
                                    inputs: question.inputs, question: question.question,
                                    secondsTaken: run.askedAt.map { max(0, now - $0) }, date: now + wallClockOffset,
                                    drill: true)
        run.answered = attempt
        run.scroll = 0
        run.attempts.append(attempt)
        run.counts.add(attempt.score)
        drill = run
        overlay = nil
        let outcome = EstimateOutcome(guess: guess, truth: question.truth)
        notice = Notice(outcome.score == .off ? .error : .info, outcome.sentence + ": " + outcome.meaning)
        guard history.available == true, run.unkept == nil else { return [] }
        return [.recordAttempt(attempt)]
    }

    mutating func drillNext() {
        guard var run = drill else { return }
        if run.isDone { notice = Notice(.info, "Drill done: q leaves"); return }
        run.index += 1
        drill = run
        askDrill()
    }

    /// The drill as a session row: kind drill, its answers counted, the deck's size.
    func drillSessionRecord() -> SessionRecord? {
        guard let run = drill, !run.attempts.isEmpty else { return nil }
        return SessionRecord(id: run.id, kind: .drill, startedAt: run.startedAt, finishedAt: now + wallClockOffset,
                             secondsUsed: run.startedInstant.map { max(0, now - $0) } ?? 0, deckPanels: panels.count,
                             estimates: run.counts)
    }

    /// The way out of a drill: its session into the history, then quit.
    mutating func finishDrill(status: Int32?) -> [Effect] {
        finishing = Finishing(status: status)
        var effects: [Effect] = []
        if history.available == true, drill?.unkept == nil, let record = drillSessionRecord() {
            effects.append(.recordDrill(record))
        }
        return effects + [.quit(status: status)]
    }
}
