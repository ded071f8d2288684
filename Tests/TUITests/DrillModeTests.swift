import Calculators
import Testing
import Trainer
@testable import TUI

/// `whiteboard drill` in the trainer: due estimates one after another at
/// fresh numbers, revealed with the working, kept as a drill session.
@Suite struct DrillModeTests {
    static let day = 1_796_000_000.0

    /// A drill started with the history open and these attempts in it.
    static func drilling(_ attempts: [AttemptRecord] = [], limit: Int = 3, available: Bool = true,
                         cols: Int = 100, rows: Int = 30) -> (Harness, [Effect]) {
        var h = Harness(cols, rows)
        h.state = AppState(library: Harness.bundled, size: Size(cols: cols, rows: rows), drill: DrillRun(limit: limit, seed: 7))
        _ = h.state.update(.ticked(at: 50))
        var effects = h.state.update(.started(saved: .none, lockHeld: false, resume: false, practice: false, wallClock: day))
        #expect(effects == [.loadLessons, .openHistory])
        effects = h.state.update(.historyOpened(available: available, notices: []))
        if available {
            #expect(effects == [.loadAttempts])
            effects = h.state.update(.attemptsLoaded(.success(attempts)))
        }
        return (h, effects)
    }

    @Test func aMissIsAskedFirstAtFreshNumbersAndRevealedWithTheWorking() throws {
        let items = DrillItem.all(in: Harness.bundled.lessons)
        let missed = try #require(items.first { $0.id == "queue-lag/drain_time" })
        let question = try #require(missed.ask(seed: 1))
        let miss = AttemptRecord(sessionID: "old", lesson: missed.lesson, truth: question.truth, guess: nil,
                                 inputs: question.inputs, secondsTaken: 3, date: Self.day - 3_600)
        var (h, _) = Self.drilling([miss])
        let run = try #require(h.state.drill)
        #expect(run.question?.item.id == "queue-lag/drain_time")
        #expect(run.autosaveOff(h.state))
        #expect(h.text.contains("Why now: missed"))
        #expect(h.text.contains(try #require(run.question?.question.prefix(30)).description))
        // At numbers drawn afresh, not the lesson's.
        #expect(run.question?.inputs != missed.lesson.startingInputs())
        let truth = try #require(run.question?.truth)
        _ = h.state.update(.ticked(at: 58))
        h.type(Format.count(truth.quantity.value))
        let effects = h.press(.enter)
        guard case let .recordAttempt(attempt)? = effects.first else { Issue.record("no attempt: \(effects)"); return }
        #expect(attempt.drill)
        #expect(attempt.sessionID.hasPrefix("d"))
        #expect(attempt.score == .good)
        #expect(attempt.secondsTaken == 8)
        #expect(attempt.parameters == run.question?.inputs.values)
        #expect(h.text.contains("Working"))
        #expect(h.text.contains(truth.label + " = " + truth.display))
        h.press(.character("n"))
        #expect(h.state.drill?.index == 1)
        #expect(h.state.drill?.answered == nil)
    }

    /// At 80x24 the bill's revealed card (ten numbers given, then the answer)
    /// is taller than its frame: j/k move it one line, never past its end,
    /// and the frame's foot says how much is left below.
    @Test func aCardTallerThanTheWindowScrollsWithinItsHeight() throws {
        let bill = try #require(DrillItem.all(in: Harness.bundled.lessons).first { $0.id == "monthly-bill/per_dau.yearly" })
        let question = try #require(bill.ask(seed: 1))
        let miss = AttemptRecord(sessionID: "old", lesson: bill.lesson, truth: question.truth, guess: nil,
                                 inputs: question.inputs, secondsTaken: 3, date: Self.day - 3_600)
        var (h, _) = Self.drilling([miss], cols: 80, rows: 24)
        let run = try #require(h.state.drill)
        #expect(run.question?.item.id == bill.id)
        h.press(.enter)
        let revealed = try #require(h.state.drill)
        let truth = try #require(revealed.question?.truth)
        let answerLine = truth.label + " = " + truth.display
        let limit = DrillView(state: h.state, run: revealed, theme: Theme(h.state.display)).maxScroll()
        #expect(limit > 0)
        #expect(revealed.scroll == 0)
        #expect(h.text.contains("\u{2193} \(limit) more"))
        #expect(!h.text.contains(answerLine))
        #expect(h.text.contains("j/k scroll"))
        for _ in 0..<(limit + 5) { h.press(.character("j")) }
        #expect(h.state.drill?.scroll == limit)
        // Under the "Working" heading, indented two columns inside the frame's padding.
        #expect(h.text.contains("┃   " + answerLine))
        #expect(h.text.contains(" end "))
        h.press(.character("k"))
        #expect(h.state.drill?.scroll == limit - 1)
        #expect(h.text.contains("\u{2193} 1 more"))
        // The next question starts at the top.
        h.press(.character("n"))
        #expect(h.state.drill?.scroll == 0)
    }

    @Test func anEmptyEnterShowsTheAnswerAsAMissAndTheDrillIsASession() throws {
        var (h, _) = Self.drilling(limit: 2)
        h.press(.enter)
        #expect(h.state.drill?.answered?.score == .off)
        #expect(h.state.drill?.answered?.method == .revealed)
        h.press(.enter)
        #expect(h.state.drill?.index == 1)
        h.type("0.5")
        h.press(.enter)
        #expect(h.state.drill?.answered?.guess != nil)
        h.press(.character("n"))
        #expect(h.state.drill?.isDone == true)
        #expect(h.text.contains("Drill done:"))
        let effects = h.press(.character("q"))
        guard case let .recordDrill(record)? = effects.first else { Issue.record("no drill session: \(effects)"); return }
        #expect(record.kind == .drill)
        #expect(record.estimates.total == 2)
        #expect(record.deckPanels == h.state.panels.count)
        #expect(effects.last == .quit(status: nil))
    }

    @Test func withoutTheHistoryEveryEstimateIsNewAndNothingIsSent() throws {
        var (h, effects) = Self.drilling(available: false)
        #expect(effects.isEmpty)
        #expect(h.state.drill?.total == 3)
        #expect(h.text.contains("Answers are not kept"))
        #expect(h.press(.enter).isEmpty)
        h.press(.character("n"), .enter, .character("n"), .enter)
        #expect(h.press(.character("q")) == [.quit(status: nil)])
    }

    @Test func halfForAPercentAsksWhichWasMeant() throws {
        var (h, _) = Self.drilling(limit: 30)
        while h.state.drill?.question?.truth.quantity.unit != .percent, h.state.drill?.isDone == false {
            h.press(.enter, .enter)
        }
        #expect(h.state.drill?.question != nil)
        h.type("0.5")
        h.press(.enter)
        #expect(h.state.drill?.answered == nil)
        #expect(h.state.notice?.text.hasPrefix("0.5 % or 50 %?") == true)
        h.type("%")
        h.press(.enter)
        #expect(h.state.drill?.answered?.guess == 0.005)
    }

    @Test func panelKeysDoNothingInADrill() {
        var (h, _) = Self.drilling()
        h.press(.enter)
        h.press(.character("g"))
        #expect(h.state.overlay == nil)
        #expect(h.state.notice?.text.hasPrefix("Drill:") == true)
    }
}

extension DrillRun {
    /// A drill never writes over the practice session.
    func autosaveOff(_ state: AppState) -> Bool { !state.autosave.enabled }
}
