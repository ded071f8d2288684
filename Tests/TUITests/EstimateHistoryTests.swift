import BundledLessons
import Calculators
import Foundation
import Testing
import Trainer
@testable import TUI

/// Guesses kept until revealed, and what reaches the history database.
@Suite struct EstimateHistoryTests {
    /// A harness in practice mode whose history database is open.
    static func practising(_ id: String) -> Harness {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: true, notices: []))
        h.press(.character("t"))
        h.open(id)
        return h
    }

    /// A harness in practice mode under a bundled scenario, its history database open.
    static func practising(_ id: String, under name: String) throws -> Harness {
        let library = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) })
        let scenario = try library.load(name).get()
        var h = Harness(120, 40)
        h.state = AppState(library: Harness.bundled, size: Size(cols: 120, rows: 40), scenario: scenario,
                           scenarioAsked: true)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: true, notices: []))
        h.press(.character("t"))
        h.open(id)
        return h
    }

    @Test func aGuessCanBeRevisedUntilRevealedAndTheAttemptIsRecorded() throws {
        var h = Self.practising("lag-autoscaling")
        let truth = try #require(h.state.estimateTruth)
        h.press(.character("e"))
        _ = h.state.update(.ticked(at: 104))
        h.type("10")
        #expect(h.press(.enter).allSatisfy { if case .recordAttempt = $0 { false } else { true } })
        #expect(h.state.notice?.text.hasPrefix("Guess kept: 10 s") == true)
        h.press(.character("e"))
        #expect(h.state.overlay == .estimate(LineEditor("10", prefilled: true)))
        _ = h.state.update(.ticked(at: 106))
        h.type(Format.count(truth.quantity.value))
        h.press(.enter)
        #expect(h.state.notice?.text.hasPrefix("Guess revised") == true)
        #expect(h.state.session[lesson: "lag-autoscaling"][guess: 0].value == truth.quantity.value)
        let effects = h.press(.character("v"))
        guard case let .recordAttempt(attempt)? = effects.first else {
            Issue.record("no attempt recorded: \(effects)")
            return
        }
        #expect(attempt.lessonID == "lag-autoscaling")
        #expect(attempt.resultKey == "drain_time")
        #expect(attempt.kind == .latency)
        #expect(attempt.truth == truth.quantity.baseValue)
        #expect(attempt.guess == truth.quantity.value)
        #expect(attempt.score == .good)
        #expect(attempt.secondsTaken == 6)   // 4 s on the first guess, 2 s on the revision
        #expect(attempt.sessionID == h.state.session.id)
        #expect(attempt.parameters == h.state.panel?.startingInputs?.values)
        // Once revealed, no second guess and no second attempt.
        #expect(h.press(.character("v")).isEmpty)
        h.press(.character("e"))
        #expect(h.state.overlay == nil)
    }

    @Test func revealingWithoutAGuessIsAMiss() throws {
        var h = Self.practising("queue-lag")
        // A stray v spends nothing: it asks first, and n (or Esc) leaves the estimate open.
        #expect(h.press(.character("v")).isEmpty)
        #expect(h.state.overlay == .confirm(.revealWithoutGuess))
        #expect(h.text.contains("Reveal the answer without a guess? It counts as a miss."))
        #expect(h.press(.character("n")).isEmpty)
        #expect(h.state.overlay == nil)
        #expect(h.state.hiddenResultKey != nil)
        #expect(h.state.session[lesson: "queue-lag"][guess: 0].revealed == false)
        h.press(.character("v"))
        h.press(.escape)
        #expect(h.state.hiddenResultKey != nil)
        h.press(.character("v"))
        let effects = h.press(.character("y"))
        guard case let .recordAttempt(attempt)? = effects.first else {
            Issue.record("no attempt recorded: \(effects)")
            return
        }
        #expect(attempt.guess == nil)
        #expect(attempt.score == .off)
        #expect(attempt.method == .revealed)
        #expect(h.state.notice?.text.contains("counted as a miss") == true)
        #expect(h.state.hiddenResultKey == nil)
        #expect(h.state.estimateOutcomes.first??.score == .off)
    }

    @Test func halfTypedForAPercentAsksWhichWasMeant() throws {
        var h = Self.practising("storage-tiers")
        h.press(.character("e"))
        h.type("0.5")
        h.press(.enter)
        #expect(h.state.notice?.text.hasPrefix("0.5 % or 50 %?") == true)
        // The question is on the status row, beside the box still open, where the eye is.
        let status = try #require(h.lines.first { $0.contains("0.5▏") || $0.contains("0.5_") })
        #expect(status.contains("0.5 % or 50 %? Type 0.5% or 50% to say which"))
        #expect(h.state.session[lesson: "storage-tiers"][guess: 0].value == nil)
        guard case .estimate = h.state.overlay else { Issue.record("the box closed"); return }
        h.type("%")
        h.press(.enter)
        #expect(h.state.session[lesson: "storage-tiers"][guess: 0].value == 0.5)
        h.press(.character("e"), .control("u"))
        h.type("50%")
        h.press(.enter)
        #expect(h.state.session[lesson: "storage-tiers"][guess: 0].value == 50)
    }

    @Test func withoutTheDatabaseNothingIsSentButTheAnswerIsStillShown() {
        var h = Harness(120, 40)
        _ = h.state.update(.historyOpened(available: false, notices: ["history not kept: read-only folder"]))
        #expect(h.state.notice == Notice(.error, "History: history not kept: read-only folder"))
        h.open("queue-lag")
        h.press(.character("v"))
        #expect(h.press(.character("y")).isEmpty)
        #expect(h.state.estimateOutcomes.first! != nil)
    }

    /// With no database, the session still goes to the history, in `history.jsonl`.
    @Test func withoutTheDatabaseTheSessionGoesToTheJSONHistory() {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: false, notices: ["history not kept: read-only folder"]))
        h.state.autosave.enabled = true
        h.open("queue-lag")
        h.press(.character("v"), .character("y"))
        _ = h.state.update(.quit)
        var effects = h.press(.character("n"))
        if effects.isEmpty { effects = h.state.update(.answer(false)) }
        #expect(effects.contains { if case .appendHistory = $0 { true } else { false } }, "\(effects)")
        #expect(!effects.contains { if case .recordSession = $0 { true } else { false } })
    }

    @Test func theFinishedSessionGoesToTheDatabaseWithEveryPanel() throws {
        var h = Self.practising("queue-lag")
        h.state.autosave.enabled = true
        h.press(.character("v"), .character("y"))
        _ = h.state.update(.quit)
        let effects = h.press(.character("n"))
        guard case let .recordSession(finished)? = effects.first else {
            Issue.record("no session recorded: \(effects)")
            return
        }
        #expect(finished.id == h.state.session.id)
        #expect(finished.lessons.count == h.state.panels.count)
        // The database is the history: the old JSON file is not written as well (it
        // would come back, imported, as a second row of the same session).
        #expect(!effects.contains { if case .appendHistory = $0 { true } else { false } }, "\(effects)")

        // What the run loop does with the two effects, on a temporary database.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-tui-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let opened = HistoryDatabase.open(at: folder + "/history.sqlite")
        let db = try #require(opened.database)
        var h2 = Self.practising("queue-lag")
        h2.press(.character("v"))
        guard case let .recordAttempt(attempt)? = h2.press(.character("y")).first else { Issue.record("no attempt"); return }
        try db.record(attempt)
        _ = h2.state.update(.attemptRecorded(.success(attempt.itemID)))
        _ = h2.state.update(.ticked(at: 160))
        _ = h2.state.update(.quit)
        guard case let .recordSession(done)? = h2.press(.character("n")).first else { Issue.record("no session"); return }
        try db.recordSession(id: done.id, done.session, lessons: done.lessons, finishedAt: done.finishedAt, kind: done.kind)
        let sessions = try db.sessions()
        #expect(sessions.count == 1)
        #expect(sessions.first?.kind == .practice)
        #expect(sessions.first?.deckPanels == h2.state.panels.count)
        let attempts = try db.attempts()
        #expect(attempts.map(\.resultKey) == ["drain_time"])
        #expect(attempts.first?.score == .off)
        // Every estimate of the deck is counted; what the session stored and what its
        // attempts say agree, so history prints the same from either.
        let deck = h2.state.panels.reduce(0) { $0 + $1.lesson.estimates.count }
        #expect(deck > 1)
        #expect(sessions.first?.deckEstimates == deck)
        #expect(sessions.first?.estimates == EstimateCounts(off: 1))
        let printed = SessionHistoryReport.rows(sessions, attempts: attempts)
        #expect(printed.first?[4] == "0/0/1 of \(deck)")
        #expect(printed.first?[4] == SessionHistoryReport.rows(sessions, attempts: []).first?[4])
        #expect(printed.first?[5] == "0 % good")
        let visits = try db.panels(session: done.id)
        #expect(visits.count == h2.state.panels.count)
        #expect(visits.first { $0.lessonID == "queue-lag" }?.visited == true)
        #expect((visits.first { $0.lessonID == "queue-lag" }?.seconds ?? 0) > 0)
        db.close()
    }

    /// What the run loop does with the history's effects, on `db`, each reply sent back
    /// (the autosave and the rest are left out: the history is what is checked).
    static func perform(_ effects: [Effect], on h: inout Harness, _ db: HistoryDatabase) throws {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case let .recordVisit(visit):
                try db.recordVisit(id: visit.id, visit.session, lessons: visit.lessons, lessonID: visit.lessonID)
                queue.append(contentsOf: h.state.update(.visitRecorded(.success(visit.lessonID))))
            case let .recordAttempt(attempt):
                try db.record(attempt)
                queue.append(contentsOf: h.state.update(.attemptRecorded(.success(attempt.itemID))))
            case let .recordSession(done):
                try db.recordSession(id: done.id, done.session, lessons: done.lessons, finishedAt: done.finishedAt, kind: done.kind)
                queue.append(contentsOf: h.state.update(.sessionRecorded(.success(done.id))))
            default: break
            }
        }
    }

    /// A trainer killed (SIGKILL) and never resumed: each panel it left was written as
    /// it was left, so only the visit in progress is lost, and `history` lists the
    /// session as unfinished with what it had done.
    @Test func aKilledSessionKeepsThePanelsItLeft() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-tui-killed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try #require(HistoryDatabase.open(at: folder + "/history.sqlite").database)
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: true, notices: []))
        try Self.perform(h.press(.character("t")), on: &h, db)
        _ = h.state.update(.ticked(at: 130))
        let left = h.press(.character("n"))
        #expect(left.contains { if case .recordVisit = $0 { true } else { false } })
        try Self.perform(left, on: &h, db)
        _ = h.state.update(.ticked(at: 145))
        try Self.perform(h.press(.character("n")), on: &h, db)
        _ = h.state.update(.ticked(at: 150))
        let id = try #require(h.state.session.id)
        let deck = h.state.panels.count
        let estimates = h.state.panels.reduce(0) { $0 + $1.lesson.estimates.count }
        // Killed: no quit, no finish; the process state is simply gone.
        db.close()

        let reopened = try #require(HistoryDatabase.open(at: folder + "/history.sqlite").database)
        defer { reopened.close() }
        let visits = try reopened.panels(session: id)
        #expect(visits.map(\.lessonID) == ["tradeoff-framework", "scenario"])
        #expect(visits.map(\.seconds) == [30, 15])
        #expect(visits.map(\.visited) == [true, true])
        let sessions = try reopened.sessions()
        #expect(sessions.count == 1)
        let session = try #require(sessions.first)
        #expect(session.id == id && session.kind == .practice && session.finishedAt == nil)
        #expect(session.secondsUsed == 45 && session.panelsVisited == 3 && session.deckPanels == deck)
        let rows = SessionHistoryReport.rows(sessions, attempts: try reopened.attempts(), timeZone: TimeZone(identifier: "UTC")!)
        #expect(rows == [["1970-01-01 00:00", "practice (unfinished)", "0:45 of 10:00", "3 of \(deck)",
                          "none of \(estimates)", "0 % good", "0/\(session.checklistTotal) (0 %)"]])
        #expect(deck == 26 && estimates > 0)
    }

    /// Killed right after an answer, before leaving its panel: the attempt and the session's
    /// row, counted over the whole deck, are both kept.
    @Test func aSessionKilledRightAfterAnAnswerIsListedWithIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-tui-reveal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try #require(HistoryDatabase.open(at: folder + "/history.sqlite").database)
        var h = Self.practising("lag-autoscaling")
        let truth = try #require(h.state.estimateTruth)
        h.press(.character("e"))
        h.type(Format.count(truth.quantity.value))
        h.press(.enter)
        let revealed = h.press(.character("v"))
        #expect(revealed.contains { if case .recordVisit = $0 { true } else { false } })
        try Self.perform(revealed, on: &h, db)
        let id = try #require(h.state.session.id)
        let estimates = h.state.panels.reduce(0) { $0 + $1.lesson.estimates.count }
        db.close()

        let reopened = try #require(HistoryDatabase.open(at: folder + "/history.sqlite").database)
        defer { reopened.close() }
        let sessions = try reopened.sessions()
        #expect(sessions.map(\.id) == [id])
        #expect(sessions.first?.finishedAt == nil)
        #expect(sessions.first?.deckEstimates == estimates)
        let rows = SessionHistoryReport.rows(sessions, attempts: try reopened.attempts(), timeZone: TimeZone(identifier: "UTC")!)
        #expect(rows.first?[1] == "practice (unfinished)")
        #expect(rows.first?[4] == "1/0/0 of \(estimates)")
        #expect(try reopened.panels(session: id).first { $0.lessonID == "lag-autoscaling" }?.visited == true)
    }

    /// A clean finish replaces the rows written as panels were left: every panel of the deck, once.
    @Test func finishingReplacesThePanelsKeptOnTheWay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-tui-finish-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try #require(HistoryDatabase.open(at: folder + "/history.sqlite").database)
        defer { db.close() }
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        _ = h.state.update(.historyOpened(available: true, notices: []))
        try Self.perform(h.press(.character("t")), on: &h, db)
        _ = h.state.update(.ticked(at: 130))
        try Self.perform(h.press(.character("n")), on: &h, db)
        _ = h.state.update(.ticked(at: 140))
        try Self.perform(h.state.update(.quit), on: &h, db)
        try Self.perform(h.press(.character("n")), on: &h, db)
        let id = try #require(h.state.session.id)
        let visits = try db.panels(session: id)
        #expect(visits.count == h.state.panels.count)
        #expect(visits.filter(\.visited).map(\.lessonID) == ["tradeoff-framework", "scenario"])
        #expect(visits.filter(\.visited).map(\.seconds) == [30, 10])
        #expect(try db.sessions().map(\.finishedAt) == [140])
    }

    /// Under a scenario, the attempt revealed and the finished session both carry its
    /// name, and read back from the database with it.
    @Test func attemptsAndTheSessionCarryTheScenarioInForce() throws {
        var h = try Self.practising("queue-lag", under: "celebrity")
        #expect(h.state.session.scenario == "celebrity")
        let panel = try #require(h.state.panel)
        let truth = try #require(h.state.estimateTruth)
        let estimate = panel.lesson.estimates[0]
        h.press(.character("e"))
        _ = h.state.update(.ticked(at: 103))
        h.type("90")
        h.press(.enter)
        let effects = h.press(.character("v"))
        guard case let .recordAttempt(attempt)? = effects.first else { Issue.record("no attempt recorded: \(effects)"); return }
        let expected = AttemptRecord(sessionID: try #require(h.state.session.id), lesson: panel.lesson, truth: truth,
                                     guess: 90, inputs: try #require(panel.startingInputs), question: estimate.question,
                                     scenario: "celebrity", secondsTaken: 3, date: 103)
        #expect(attempt == expected)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-tui-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try #require(HistoryDatabase.open(at: folder + "/history.sqlite").database)
        defer { db.close() }
        var stored = try db.record(expected)
        _ = h.state.update(.attemptRecorded(.success(expected.itemID)))
        _ = h.state.update(.ticked(at: 160))
        _ = h.state.update(.quit)
        guard case let .recordSession(done)? = h.press(.character("n")).first else { Issue.record("no session"); return }
        #expect(done.session.scenario == "celebrity")
        // What the run loop does with the effect.
        try db.recordSession(id: done.id, done.session, lessons: done.lessons, finishedAt: done.finishedAt, kind: done.kind)
        let session = SessionRecord(id: done.id, session: done.session, lessons: done.lessons,
                                    finishedAt: done.finishedAt, kind: done.kind)
        #expect(session.scenario == "celebrity")
        #expect(try db.sessions() == [session])
        #expect(stored.id != nil)
        #expect(try db.attempts() == [stored])
        stored.id = nil
        #expect(stored == expected)
    }
}
