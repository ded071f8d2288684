import Calculators
import Trainer

/// Practice: the clock, the checklist, estimates, notes and the questions
/// asked on quit and at start.
extension AppState {
    /// The result the current panel asks the user to guess now, hidden until it
    /// is revealed (in practice mode: outside it the calculator shows everything).
    public var hiddenResultKey: String? {
        guard session.practiceMode else { return nil }
        return currentEstimate?.resultKey
    }

    /// Everything the calculator must not show yet: every estimate's result
    /// not yet revealed, and the results that would answer them (`PanelState.giveAways`).
    public var hiddenResults: HiddenResults {
        guard session.practiceMode, let p = panel, let first = currentEstimateIndex else { return HiddenResults() }
        let record = session[lesson: p.lesson.id]
        let keys = p.lesson.estimates.indices.filter { $0 >= first && !record[guess: $0].revealed }.map { p.lesson.estimates[$0].resultKey }
        return HiddenResults(asked: Set(keys), revealing: keys.reduce(into: Set<String>()) { $0.formUnion(p.giveAways[$1] ?? []) })
    }

    mutating func toggleClock() {
        guard let lesson = panel?.lesson else { return }
        if !session.practiceMode {
            session.practiceMode = true
            session.clock.start(at: now)
            notice = Notice(.info, Self.startedNotice + ": 10:00 for minutes 41-50. Say each answer out loud; t pauses.")
            cues.startNoticeAt = now
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
        notice = Notice(.info, (on ? "Ticked: " : "Unticked: ") + lesson.checklist[index].text)
    }

    mutating func beginEstimate() {
        guard let lesson = panel?.lesson else { return }
        guard !lesson.estimates.isEmpty else { notice = Notice(.info, "This panel has no estimate"); return }
        // Once every answer is shown, a second guess would only copy it.
        guard let index = currentEstimateIndex else {
            let outcomes = estimateOutcomes.compactMap { $0 }
            if outcomes.count == 1, let outcome = outcomes.first {
                notice = Notice(.info, "Already answered: " + lowerFirst(outcome.sentence) + " (\(outcome.score.rawValue))")
            } else {
                notice = Notice(.info, "All \(lesson.estimates.count) estimates answered: "
                                + outcomes.map(\.score.rawValue).joined(separator: ", "))
            }
            return
        }
        // A guess kept but not revealed opens again to be revised.
        let kept = session[lesson: lesson.id][guess: index].value.map { Format.count($0) } ?? ""
        overlay = .estimate(LineEditor(kept, prefilled: !kept.isEmpty))
        history.estimateOpenedAt = now
    }

    /// The true value of the estimate asked now, at the lesson's starting
    /// values (the question quotes those numbers); computed once per panel.
    public var estimateTruth: ResultValue? {
        guard let i = currentEstimateIndex, let p = panel, p.estimateTruths.indices.contains(i) else { return nil }
        return p.estimateTruths[i]
    }

    /// Enter in the estimate box: keeps the guess (it can be revised until `v` reveals the answer).
    mutating func commitEstimate(_ text: String) {
        guard let lesson = panel?.lesson, let index = currentEstimateIndex, let truth = estimateTruth else { overlay = nil; return }
        let unit = truth.quantity.unit
        let guess: Double
        switch DrillAnswer.read(text, unit: unit) {
        case .reveal:
            notice = Notice(.info, "Type a guess" + (unit.symbol.isEmpty ? "" : " in \(unit.symbol)")
                            + "; Esc, then v shows the answer without one (counted as a miss)")
            return
        case let .ambiguous(a):
            notice = Notice(.info, "\(a.question) Type \(Format.count(a.asPercent))% or \(Format.count(a.asFraction))% to say which")
            return
        case let .invalid(message):
            notice = Notice(.error, message.replacingOccurrences(of: ", or press Enter to see the answer", with: ""))
            return
        case let .value(v): guess = v
        }
        guard guess.isFinite, guess >= 0, guess <= 1e15 else {
            notice = Notice(.error, "\"\(text)\": type a number from 0 to 10^15" + (unit.symbol.isEmpty ? "" : ", in \(unit.symbol)"))
            return
        }
        overlay = nil
        let revised = session[lesson: lesson.id][guess: index].value != nil
        session[lesson: lesson.id][guess: index].value = guess
        if let opened = history.estimateOpenedAt, now >= opened {
            session[lesson: lesson.id][guess: index].seconds = (session[lesson: lesson.id][guess: index].seconds ?? 0) + (now - opened)
        }
        history.estimateOpenedAt = nil
        notice = Notice(.info, (revised ? "Guess revised: " : "Guess kept: ") + Format.quantity(Quantity(guess, unit))
                        + " · e revises it · v reveals the answer")
    }

    mutating func answer(_ yes: Bool) -> [Effect] {
        guard case let .confirm(question) = overlay else { return [] }
        overlay = nil
        switch question {
        case .exportBeforeQuit:
            guard yes else { return finish(status: nil) }
            quitAfterExport = true
            return [exportEffect()]
        case .exportAtTimeUp:
            return yes ? [exportEffect()] : []
        case .revealWithoutGuess:
            return yes ? revealEstimate(confirmed: true) : []
        case let .resume(saved):
            // Starting fresh never throws the last session away: it is kept aside.
            guard yes else { return [.archive(saved)] }
            // Without --scenario, the session comes back under the scenario it was saved under.
            if !scenarioAsked, let name = saved.scenario, name != scenario.reference {
                resumeAwaitingScenario = saved
                return [.loadScenario(name)]
            }
            restore(saved)
            return []
        }
    }
}
