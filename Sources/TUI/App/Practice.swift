import Calculators
import Trainer

/// Practice: the clock, the checklist, estimates, notes and the questions
/// asked on quit and at start.
extension AppState {
    /// The result the current panel asks the user to guess, hidden until they do
    /// (in practice mode: outside it the calculator shows everything).
    public var hiddenResultKey: String? {
        guard session.practiceMode, let lesson = panel?.lesson, let estimate = lesson.estimate,
              session[lesson: lesson.id].estimate == nil else { return nil }
        return estimate.resultKey
    }

    mutating func toggleClock() {
        guard let lesson = panel?.lesson else { return }
        if !session.practiceMode {
            session.practiceMode = true
            session.clock.start(at: now)
            notice = Notice(.info, "Practice clock started: 10:00 for minutes 41-50. Say each answer out loud; t pauses.")
            return
        }
        session.toggleClock(at: now, lesson: lesson)
        notice = Notice(.info, session.clock.isRunning ? "Clock running" : "Clock paused: t resumes")
    }

    mutating func toggleTick(_ index: Int) {
        guard let lesson = panel?.lesson else { return }
        guard lesson.checklist.indices.contains(index) else {
            notice = Notice(.info, lesson.checklist.isEmpty ? "This panel has no checklist"
                                   : "The checklist has \(lesson.checklist.count) items")
            return
        }
        session[lesson: lesson.id].toggleTick(index)
        let on = session[lesson: lesson.id].ticked.contains(index)
        notice = Notice(.info, (on ? "Ticked: " : "Unticked: ") + lesson.checklist[index])
    }

    mutating func beginEstimate() {
        guard let lesson = panel?.lesson else { return }
        guard lesson.estimate != nil else { notice = Notice(.info, "This panel has no estimate"); return }
        // One guess per panel: once the answer is shown, a second guess would only copy it.
        if let outcome = estimateOutcome {
            notice = Notice(.info, "Already answered: " + outcome.sentence.prefix(1).lowercased() + outcome.sentence.dropFirst() + " (\(outcome.score.rawValue))")
            return
        }
        overlay = .estimate(LineEditor())
    }

    /// The true value of the panel's estimate, at the lesson's starting values
    /// (the question quotes those numbers); computed once per panel.
    public var estimateTruth: ResultValue? { panel?.estimateTruth }

    mutating func commitEstimate(_ text: String) {
        guard let lesson = panel?.lesson, let truth = estimateTruth else { overlay = nil; return }
        let unit = truth.quantity.unit
        let parsed = NumberParser.parse(text)
            ?? NumberParser.parseWithUnit(text).flatMap { q in (try? q.converted(to: unit))?.value }
        guard let guess = parsed, guess.isFinite, guess >= 0, guess <= 1e15 else {
            notice = Notice(.error, "\"\(text)\": type a number from 0 to 10^15" + (unit.symbol.isEmpty ? "" : ", in \(unit.symbol)"))
            return
        }
        overlay = nil
        session[lesson: lesson.id].estimate = guess
        let outcome = EstimateOutcome(guess: guess, truth: truth)
        notice = Notice(outcome.score == .off ? .error : .info, outcome.sentence + ": " + outcome.meaning)
    }

    mutating func answer(_ yes: Bool) -> [Effect] {
        guard case let .confirm(question) = overlay else { return [] }
        overlay = nil
        switch question {
        case .exportBeforeQuit:
            guard yes else { return finish(status: nil) }
            quitAfterExport = true
            return [exportEffect()]
        case let .resume(saved):
            if yes { restore(saved); return [] }
            // Starting fresh never throws the last session away: it is kept aside.
            return [.archive(saved)]
        }
    }
}
