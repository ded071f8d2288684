import Calculators
import CustomDump
import Testing
import Trainer
@testable import TUI

/// The reducer tested as a whole: each step sends one message and compares the
/// entire `AppState` afterwards with the state before, changed by hand in
/// exactly the fields the message should move. A field changed by mistake, or
/// a change that did not happen, shows as a diff of the two states.
@Suite struct ReducerTests {
    /// The wall clock at the first tick, for history dates.
    static let wallClock = 1_800_000_000.0

    static func fresh(_ cols: Int = 120, _ rows: Int = 40) -> AppState {
        AppState(library: Harness.bundled, size: Size(cols: cols, rows: rows))
    }

    static func index(_ state: AppState, _ id: String) throws -> Int {
        try #require(state.panels.firstIndex { $0.lesson.id == id })
    }

    /// Sends `message`, then checks the whole state against the state before with
    /// `change` applied, and the effects against `effects`.
    @discardableResult
    static func send(_ state: inout AppState, _ message: Message, effects expectedEffects: [Effect],
                     sourceLocation: SourceLocation = #_sourceLocation,
                     _ change: (inout AppState) throws -> Void = { _ in }) rethrows -> [Effect] {
        var expected = state
        try change(&expected)
        let effects = state.update(message)
        expectSame(state, expected, "state after \(message)", sourceLocation: sourceLocation)
        expectSame(effects, expectedEffects, "effects of \(message)", sourceLocation: sourceLocation)
        return effects
    }

    /// Equality with CustomDump's field-by-field diff as the failure message. (Its own
    /// `expectNoDifference` reports through a hook that this platform's Swift Testing
    /// does not answer, so a difference would pass unseen; the diff is recorded here.)
    static func expectSame<T: Equatable>(_ actual: T, _ expected: T, _ what: String,
                                         sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        let difference = diff(expected, actual, format: .proportional) ?? "(equal dumps; a field outside the dump differs)"
        Issue.record("\(what) differs (− expected, + actual):\n\(difference)", sourceLocation: sourceLocation)
    }

    /// The session a save effect writes.
    static func written(_ effects: [Effect]) throws -> PracticeSession {
        let saved = effects.compactMap { effect -> PracticeSession? in
            if case let .save(session) = effect { return session }
            return nil
        }
        return try #require(saved.first)
    }

    /// A state on the fan-out panel, calculator focused, started with the folder's lock held
    /// and its first save answered.
    static func started(at instant: Double = 100) throws -> (AppState, Int) {
        var state = fresh()
        let i = try index(state, "fanout-one-author")
        _ = state.update(.ticked(at: instant))
        let effects = state.update(.started(saved: .none, lockHeld: true, resume: false, practice: false, wallClock: wallClock))
        _ = state.update(.saved(.success(try written(effects))))
        _ = state.update(.goToPanel(i))
        _ = state.update(.toggleFocus)
        _ = state.update(.saved(.success(try written(state.update(.ticked(at: instant + 1))))))
        return (state, i)
    }

    // MARK: - key flows

    @Test func aStepChangesTheSessionTheCachesTheUndoAndTheFlags() throws {
        var state = Self.fresh()
        let i = try Self.index(state, "fanout-one-author")
        let id = state.panels[i].lesson.id
        _ = state.update(.goToPanel(i))
        _ = state.update(.toggleFocus)
        // As after an export and a history write: nothing unsaved, the session listed.
        state.unsavedChanges = false
        state.session.inHistory = true
        state.notice = Notice(.info, "an old notice")

        // What follows the reduce step in `update`: the notice goes, the panel's cache is
        // recomputed, the change is news (unsaved, out of the history) and can be undone.
        try Self.send(&state, .step(1, large: false), effects: []) {
            $0.notice = nil
            $0.session[lesson: id].noteChange(from: [:])
            $0.session[lesson: id].parameters["followers"] = 2_000_000
            $0.refreshPanel(i)
            $0.unsavedChanges = true
            $0.session.inHistory = nil
        }
        #expect(state.panels[i].output?.value("push.writes") == 2_000_000)
        #expect(state.panels[i].changedKeys == ["followers"])

        // Undo takes the value back; it is a change like any other, but not one to undo again.
        try Self.send(&state, .undo, effects: []) {
            $0.session[lesson: id].parameters = [:]
            $0.session[lesson: id].undo = []
            $0.session[lesson: id].redo = [["followers": 2_000_000]]
            $0.refreshPanel(i)
            $0.notice = Notice(.info, "Undone: followers 2,000,000 followers → 1,000,000 followers")
        }
        #expect(state.panels[i].changedKeys.isEmpty)
    }

    @Test func aStepAtTheEndOfTheRangeOnlySaysSo() throws {
        var state = Self.fresh()
        let i = try Self.index(state, "fanout-one-author")
        _ = state.update(.goToPanel(i))
        _ = state.update(.toggleFocus)
        try Self.send(&state, .step(-1, large: true), effects: []) {
            $0.session[lesson: $0.panels[i].lesson.id].noteChange(from: [:])
            $0.session[lesson: $0.panels[i].lesson.id].parameters["followers"] = 100_000
            $0.refreshPanel(i)
            $0.unsavedChanges = true
        }
        for _ in 0..<5 { _ = state.update(.step(-1, large: true)) }
        #expect(state.panels[i].inputs?["followers"] == 1)
        try Self.send(&state, .step(-1, large: false), effects: []) {
            $0.notice = Notice(.info, "followers is at its minimum: 1 … 1B followers")
        }
    }

    @Test func typingAValueOpensTheEntryAndEnterSetsIt() throws {
        var state = Self.fresh()
        let i = try Self.index(state, "fanout-one-author")
        let id = state.panels[i].lesson.id
        _ = state.update(.goToPanel(i))
        _ = state.update(.toggleFocus)
        try Self.send(&state, .typeValue("5"), effects: []) {
            var editor = LineEditor("1,000,000", prefilled: true)
            editor.insert("5")
            $0.overlay = .entry(ValueEntry(key: "followers", editor: editor))
        }
        for ch in "0M" { _ = state.update(.typed(ch)) }
        try Self.send(&state, .commit, effects: []) {
            $0.overlay = nil
            $0.session[lesson: id].noteChange(from: [:])
            $0.session[lesson: id].parameters["followers"] = 50_000_000
            $0.refreshPanel(i)
            $0.unsavedChanges = true
            $0.notice = Notice(.info, "followers = 50,000,000 followers")
        }
    }

    @Test func whatTheWorldReportsIsNoUserChange() throws {
        var state = Self.fresh()
        let i = try Self.index(state, "fanout-one-author")
        let id = state.panels[i].lesson.id
        _ = state.update(.goToPanel(i))
        _ = state.update(.ticked(at: 10))
        state.notice = Notice(.info, "still shown")
        state.session.inHistory = true
        // Panel seconds count, but the notice stays, nothing is unsaved and the history row stands.
        try Self.send(&state, .ticked(at: 12), effects: []) {
            $0.session[lesson: id].seconds += 2
            $0.now = 12
        }
        try Self.send(&state, .resized(Size(cols: 80, rows: 24)), effects: []) {
            $0.size = Size(cols: 80, rows: 24)
        }
    }

    // MARK: - autosave

    @Test func workIsSavedWithinAQuarterSecond() throws {
        var (state, i) = try Self.started(at: 100)
        let id = state.panels[i].lesson.id
        let lastWrite = state.autosave.lastWriteAt
        #expect(lastWrite == 101)
        // A change right after a write waits for the quarter second…
        try Self.send(&state, .step(1, large: false), effects: []) {
            $0.session[lesson: id].noteChange(from: [:])
            $0.session[lesson: id].parameters["followers"] = 2_000_000
            $0.refreshPanel(i)
            $0.unsavedChanges = true
        }
        // (Instants a power of two apart, so the seconds counted add up exactly.)
        try Self.send(&state, .ticked(at: 101.125), effects: []) {
            $0.session[lesson: id].seconds += 0.125
            $0.now = 101.125
        }
        // …and is written once it has passed.
        var pending = state.session
        pending[lesson: id].seconds += 0.25
        let effects = try Self.send(&state, .ticked(at: 101.375), effects: [.save(pending)]) {
            $0.session = pending
            $0.now = 101.375
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 101.375
        }
        // While a write is out, nothing else is asked; its answer records what was written.
        try Self.send(&state, .step(1, large: false), effects: []) {
            $0.session[lesson: id].noteChange(from: ["followers": 2_000_000])
            $0.session[lesson: id].parameters["followers"] = 5_000_000
            $0.refreshPanel(i)
        }
        try Self.send(&state, .saved(.success(try Self.written(effects))), effects: []) {
            $0.autosave.inFlight = false
            $0.autosave.written = pending
        }
        // The change made while the write was out goes in the next one, a quarter second after.
        try Self.send(&state, .ticked(at: 101.5), effects: []) {
            $0.session[lesson: id].seconds += 0.125
            $0.now = 101.5
        }
        try Self.send(&state, .ticked(at: 101.75), effects: [.save(state.session.advanced(id, by: 0.25))]) {
            $0.session[lesson: id].seconds += 0.25
            $0.now = 101.75
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 101.75
        }
    }

    @Test func timeAloneIsSavedEveryTenSecondsOnlyWhileTheClockRuns() throws {
        var (state, i) = try Self.started(at: 100)
        let id = state.panels[i].lesson.id
        // Clock stopped: panel seconds change the session but never cause a write.
        try Self.send(&state, .ticked(at: 104), effects: []) {
            $0.session[lesson: id].seconds += 3
            $0.now = 104
        }
        try Self.send(&state, .ticked(at: 300), effects: []) {
            $0.session[lesson: id].seconds += 5  // a gap counts as 5 s at most
            $0.now = 300
        }
        // Starting the clock is work: written at once (the last write is long past).
        var started = state.session
        started.practiceMode = true
        started.clock.start(at: 300)
        let effects = try Self.send(&state, .toggleClock, effects: [.save(started)]) {
            $0.session = started
            $0.notice = Notice(.info, "Practice clock started: 10:00 for minutes 41-50. Say each answer out loud; t pauses.")
            $0.cues.startNoticeAt = 300
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 300
        }
        _ = state.update(.saved(.success(try Self.written(effects))))
        // Running time alone waits ten seconds from the last write.
        let lesson = state.panels[i].lesson
        try Self.send(&state, .ticked(at: 305), effects: []) {
            $0.session.tick(at: 305, lesson: lesson)
            $0.now = 305
        }
        var due = state.session
        due.tick(at: 310.5, lesson: lesson)
        try Self.send(&state, .ticked(at: 310.5), effects: [.save(due)]) {
            $0.session = due
            $0.now = 310.5
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 310.5
        }
        #expect(due.clock.elapsed == 10.5)
    }

    @Test func aFailedSaveIsSaidOnceAndRetriedFiveSecondsLater() throws {
        var (state, i) = try Self.started(at: 100)
        let id = state.panels[i].lesson.id
        _ = state.update(.step(1, large: false))
        let first = state.update(.ticked(at: 102))
        _ = try Self.written(first)
        try Self.send(&state, .saved(.failure(StorageFailure("disk full"))), effects: []) {
            $0.autosave.inFlight = false
            $0.autosave.lastWriteAt = 107
            $0.autosave.failure = "disk full"
            $0.notice = Notice(.error, "Autosave failed: disk full")
        }
        // The unsaved work waits out the back-off (five seconds, plus the usual quarter)…
        try Self.send(&state, .ticked(at: 107.125), effects: []) {
            $0.session[lesson: id].seconds += 5
            $0.now = 107.125
        }
        // …then it is tried again; the same failure again is not said twice.
        var pending = state.session
        pending[lesson: id].seconds += 0.25
        try Self.send(&state, .ticked(at: 107.375), effects: [.save(pending)]) {
            $0.session = pending
            $0.now = 107.375
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 107.375
        }
        state.notice = nil
        try Self.send(&state, .saved(.failure(StorageFailure("disk full"))), effects: []) {
            $0.autosave.inFlight = false
            $0.autosave.lastWriteAt = 112.375
        }
        // A success clears the failure, so the next one is said again.
        _ = state.update(.ticked(at: 112.75))
        _ = state.update(.saved(.success(state.session)))
        #expect(state.autosave.failure == nil)
    }

    @Test func noAutosaveWithoutTheLock() throws {
        var state = Self.fresh()
        _ = state.update(.ticked(at: 50))
        try Self.send(&state, .started(saved: .none, lockHeld: false, resume: false, practice: false, wallClock: Self.wallClock),
                      effects: [.loadLessons, .openHistory]) {
            $0.wallClockOffset = Self.wallClock - 50
            $0.notice = Notice(.error, "Another whiteboard is running: this one will not autosave (export with x)")
            $0.autosave.heldByAnother = true
        }
        _ = state.update(.nextPanel)
        #expect(state.update(.ticked(at: 60)).isEmpty)
    }

    // MARK: - history and the way out

    /// Quits without exporting; returns the history entry written, if any, and the final session.
    static func quit(_ state: inout AppState) throws -> (HistoryEntry?, PracticeSession) {
        var effects = state.update(.quit)
        if case .confirm(.exportBeforeQuit) = state.overlay { effects = state.update(.answer(false)) }
        var entry: HistoryEntry?
        if case let .appendHistory(e) = effects.first {
            entry = e
            effects = state.update(.historyAppended(.success("history.sqlite")))
        }
        // Nothing new to write goes straight to quit; else the save is answered first.
        if effects != [.quit(status: nil)] { effects = state.update(.saved(.success(try written(effects)))) }
        #expect(effects == [.quit(status: nil)])
        return (entry, state.session)
    }

    @Test func aSessionIsOneHistoryRowAcrossResume() throws {
        var (state, i) = try Self.started(at: 100)
        let id = state.panels[i].lesson.id
        _ = state.update(.step(1, large: false))
        _ = state.update(.saved(.success(try Self.written(state.update(.ticked(at: 103))))))
        // The way out: history first (finishing recorded), then the save, then quit.
        try Self.send(&state, .quit, effects: []) { $0.overlay = .confirm(.exportBeforeQuit) }
        let entry = HistoryEntry(session: state.savableSession, lessons: state.panels.map(\.lesson),
                                 finishedAt: 103 + Self.wallClock - 100)
        try Self.send(&state, .answer(false), effects: [.appendHistory(entry)]) {
            $0.overlay = nil
            $0.finishing = Finishing(status: nil)
        }
        var inHistory = state.session
        inHistory.inHistory = true
        try Self.send(&state, .historyAppended(.success("history.sqlite")), effects: [.save(inHistory)]) {
            $0.session = inHistory
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 103
        }
        try Self.send(&state, .saved(.success(inHistory)), effects: [.quit(status: nil)]) {
            $0.autosave.inFlight = false
            $0.autosave.written = inHistory
        }

        // `--resume` and quit again with no change: no second row.
        var resumed = Self.fresh()
        _ = resumed.update(.ticked(at: 500))
        _ = resumed.update(.started(saved: .loaded(inHistory), lockHeld: true, resume: true, practice: false, wallClock: Self.wallClock + 400))
        #expect(resumed.session.id == inHistory.id)
        #expect(resumed.panels[i].inputs?["followers"] == 2_000_000)
        let (again, kept) = try Self.quit(&resumed)
        #expect(again == nil)
        #expect(kept.inHistory == true)

        // A change after resuming puts the same session id back in the history (one row, updated).
        var changed = Self.fresh()
        _ = changed.update(.ticked(at: 900))
        _ = changed.update(.started(saved: .loaded(kept), lockHeld: true, resume: true, practice: false, wallClock: Self.wallClock + 800))
        _ = changed.update(.toggleFocus)
        _ = changed.update(.step(1, large: false))
        #expect(changed.session.inHistory == nil)
        #expect(changed.session[lesson: id].parameters["followers"] == 5_000_000)
        let (updated, _) = try Self.quit(&changed)
        #expect(updated?.sessionID == entry.sessionID)
        #expect(updated?.sessionID != nil)
    }

    @Test func aStopPausesTheClockAndFgRestartsIt() throws {
        var (state, i) = try Self.started(at: 100)
        let lesson = state.panels[i].lesson
        _ = state.update(.ticked(at: 200))
        let start = state.update(.toggleClock)
        _ = state.update(.saved(.success(try Self.written(start))))
        _ = state.update(.saved(.success(try Self.written(state.update(.ticked(at: 230))))))

        // Ctrl-Z: the last seconds are counted, the clock pauses, and the session is written now.
        var paused = state.session
        paused.toggleClock(at: 240, lesson: lesson)
        try Self.send(&state, .suspended(at: 240), effects: [.save(paused)]) {
            $0.session = paused
            $0.now = 240
            $0.resumeClockAfterStop = true
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 240
        }
        #expect(paused.clock.elapsed == 40)
        #expect(!paused.clock.isRunning)
        _ = state.update(.saved(.success(paused)))

        // `fg` an hour later: the clock runs again from then; the hour stopped is not counted.
        var running = state.session
        running.clock.resume(at: 3_840)
        try Self.send(&state, .resumed(at: 3_840), effects: [.save(running)]) {
            $0.session = running
            $0.now = 3_840
            $0.resumeClockAfterStop = false
            $0.autosave.inFlight = true
            $0.autosave.lastWriteAt = 3_840
        }
        _ = state.update(.ticked(at: 3_845))
        #expect(state.session.clock.elapsed == 45)

        // A stop with the clock paused leaves it paused after `fg`.
        _ = state.update(.toggleClock)
        _ = state.update(.suspended(at: 3_850))
        #expect(!state.resumeClockAfterStop)
        _ = state.update(.resumed(at: 3_900))
        #expect(!state.session.clock.isRunning)
        #expect(state.session.clock.elapsed == 45)
    }
}

extension PracticeSession {
    /// This session with `seconds` more counted on one panel.
    func advanced(_ lessonID: String, by seconds: Double) -> PracticeSession {
        var copy = self
        copy[lesson: lessonID].seconds += seconds
        return copy
    }
}
