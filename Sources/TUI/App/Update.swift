import Calculators
import Trainer

extension AppState {
    /// Turns a key into a message through the keymap and applies it.
    public mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        // In a drill, Enter moves on once the answer is shown.
        if drill != nil, overlay == nil, key == .enter { return update(.commit) }
        guard let message = Keymap.message(for: key, in: keyContexts) else {
            if overlay == nil, keyContext == .lesson, panel?.inputs != nil,
               Keymap.message(for: key, in: .calculator) != nil {
                notice = Notice(.info, "Tab to the calculator to change values")
            } else if overlay == nil, case let .character(ch) = key {
                notice = Notice(.info, "\"\(TextWidth.sanitized(String(ch)))\" does nothing here: press ? for keys")
            }
            return []
        }
        return update(message)
    }

    /// The only place state changes. Pure: no clock, no I/O; effects say what the loop must do.
    public mutating func update(_ message: Message) -> [Effect] {
        // A mouse event is what it lands on; where it means nothing it changes nothing, not even the notice.
        if case let .mouse(event) = message {
            guard let meant = mouseMessage(event) else { return [] }
            return update(meant)
        }
        if !isTransient(message) { notice = nil }
        let before = session.panels
        let (sessionBefore, lessonBefore) = (session.id, session.currentLessonID)
        var effects = drillReduce(message) ?? reduce(message)
        // A panel left goes to the history as it is left, so a killed trainer keeps it.
        if let left = lessonBefore, left != session.currentLessonID, session.id == sessionBefore,
           let visit = visitRecordEffect(left) { effects.append(visit) }
        if session.panels != before {
            // The one place the panels' caches follow the session's values: the
            // scenario first, then every panel it moved or whose own values changed.
            func moved(_ id: String) -> Bool { before[id]?.parameters ?? [:] != session[lesson: id].parameters }
            let scenarioMoved = moved(Scenario.panelID)
            // Simulations run off the keystroke path (in a terminal): the key shows at once.
            if scenarioMoved, let s = scenarioIndex, let run = refreshPanel(s, deferring: true) { effects.append(run) }
            for i in panels.indices where !panels[i].isScenario {
                if scenarioMoved && !panels[i].links.isEmpty || moved(panels[i].lesson.id),
                   let run = refreshPanel(i, deferring: true) { effects.append(run) }
            }
            if isUserChange(message) {
                unsavedChanges = true
                session.inHistory = nil
                if message != .undo, message != .redo { noteUndo(before) }
            }
        }
        if simulationsOffKeyPath { effects += firstRunEffects() }
        effects += analysisEffects()
        refreshAnswerCheck()
        if !effects.contains(where: \.isWrite), finishing == nil { effects += autosaveEffects() }
        return effects
    }

    /// Applies one message; `update` wraps it with the caches and autosave.
    private mutating func reduce(_ message: Message) -> [Effect] {
        switch message {
        case .nextPanel: go(to: current + 1)
        case .previousPanel: go(to: current - 1)
        case let .goToPanel(i): go(to: i)
        case .openPanelList: overlay = .panelList(query: LineEditor(), selection: current)
        case .toggleFocus:
            if panel?.inputs == nil { focus = .lesson; notice = Notice(.info, "This panel has no calculator") } else {
                focus = focus == .lesson ? .calculator : .lesson
            }
        case let .moveSelection(d): moveSelection(d)
        case let .scrollLesson(d): scrollLesson(by: d)
        case let .pageLesson(d): scrollLesson(by: d * max(1, size.rows - 6))
        case let .halfPageLesson(d): scrollLesson(by: d * max(1, (size.rows - 6) / 2))
        case let .scrollLessonToEdge(end):
            guard panel != nil else { return [] }
            panels[current].lessonScroll = end ? lessonScrollLimit : 0
        case let .scrollCalculator(d): scrollCalculator(by: d)
        case let .pageCalculator(d): scrollCalculator(by: d * calculatorPage)
        case let .halfPageCalculator(d): scrollCalculator(by: d * max(1, calculatorPage / 2))
        case let .scrollCalculatorToEdge(end):
            guard panel != nil else { return [] }
            panels[current].calculatorScroll = end ? calculatorScrollLimit : 0
        case let .focusPane(pane):
            if pane == .lesson || panel?.inputs != nil { focus = pane }
        case let .selectParameter(i):
            guard let p = panel, p.inputs != nil, p.visibleParameters.indices.contains(i) else { return [] }
            focus = .calculator
            panels[current].selected = i
            panels[current].parameterTop = calculatorParameterTop
        case let .showClaim(i):
            guard let p = panel, !p.lesson.claims.isEmpty else { return [] }
            overlay = .claims(scroll: 0)
            if let view = scrollingOverlay as? ClaimsOverlay { overlay = .claims(scroll: view.scroll(toClaim: i, in: size)) }
        case .mouse: break
        case .toggleZoom: toggleZoom()
        case .beginSearch: beginSearch()
        case let .nextMatch(d): moveToMatch(d)
        case .endSearch: endSearch()
        case let .step(d, large): step(d, large: large)
        case .beginEntry: beginEntry()
        case .resetParameter: resetParameter()
        case .resetPanel: resetPanel()
        case let .typeValue(ch):
            beginEntry()
            if case .entry = overlay { edit { $0.insert(ch) } notes: { _ in } }
        case .undo: undo(redo: false)
        case .redo: undo(redo: true)
        case .showClaims:
            guard let p = panel, !p.lesson.claims.isEmpty else { notice = Notice(.info, "This panel makes no claims"); return [] }
            overlay = .claims(scroll: 0)
        case .openSensitivity: openSensitivity()
        case let .cycleResult(d): cycleResult(d)
        case .beginSolve: beginSolve()
        case .showChanged: overlay = .changed(scroll: 0)
        case .showCalibration: return showCalibration()
        case .showHistory: return showHistory()
        case let .typed(ch): edit { $0.insert(ch) } notes: { $0.insert(ch) }
        case let .pasted(text): paste(text)
        case .deleteBackward: edit { $0.deleteBackward() } notes: { $0.deleteBackward() }
        case .deleteForward: edit { $0.deleteForward() } notes: { $0.deleteForward() }
        case .deleteToLineStart: edit { $0.deleteToLineStart() } notes: { _ in }
        case let .moveCursor(move): edit { $0.move(move) } notes: { $0.move(move) }
        case .newline: edit { _ in } notes: { $0.insertNewline() }
        case .commit: return commit()
        case .cancel: return cancel()
        case let .moveListSelection(d): moveListSelection(d)
        case .toggleHelp:
            switch overlay {
            case .help, .claims, .changed, .calibration, .history: overlay = nil
            default: overlay = .help(scroll: 0)
            }
        case let .scrollHelp(d):
            // Within what the view can show at this size, so a key (or a notch) back up always moves it.
            let limit = scrollingOverlay?.maxScroll(in: size) ?? 0
            func moved(_ scroll: Int) -> Int { min(max(0, min(scroll, limit) + d), limit) }
            if case let .help(scroll) = overlay { overlay = .help(scroll: moved(scroll)) }
            if case let .claims(scroll) = overlay { overlay = .claims(scroll: moved(scroll)) }
            if case let .sensitivity(scroll) = overlay { overlay = .sensitivity(scroll: moved(scroll)) }
            if case let .changed(scroll) = overlay { overlay = .changed(scroll: moved(scroll)) }
            if case let .calibration(scroll) = overlay { overlay = .calibration(scroll: moved(scroll)) }
            if case let .history(scroll) = overlay { overlay = .history(scroll: moved(scroll)) }
        case .export: return [exportEffect()]
        case .quit:
            if unsavedChanges, session.hasChanges {
                overlay = .confirm(.exportBeforeQuit)
                return []
            }
            return finish(status: nil)
        case let .answer(yes): return answer(yes)
        case .toggleClock: toggleClock()
        case let .toggleTick(i): toggleTick(i)
        case .beginEstimate: beginEstimate()
        case .revealEstimate: return revealEstimate()
        case .editNotes:
            guard let lesson = panel?.lesson else { return [] }
            overlay = .notes(TextEditor(text: session[lesson: lesson.id].notes))
            showChecklistBesideNotes()

        // What the world reports
        case let .started(saved, lockHeld, resume, practice, wallClock):
            wallClockOffset = wallClock - now
            if drill != nil { return drillStarted(wallClock: wallClock) }
            return started(saved, lockHeld: lockHeld, resume: resume, practice: practice)
        case let .lessonsLoaded(library): load(library)
        case let .scenarioLoaded(name, loaded, problems): resumeUnder(name, loaded, problems)
        case let .ticked(at: instant): return clockTicked(to: instant)
        case let .resized(newSize): size = newSize
        case let .suspended(at: instant): return suspend(at: instant)
        case let .resumed(at: instant):
            now = instant
            if resumeClockAfterStop { session.clock.resume(at: instant) }
            resumeClockAfterStop = false
        case let .terminated(status): return finish(status: status)
        case let .saved(result): return saved(result)
        case let .historyAppended(result): return historyAppended(result)
        case let .archived(result):
            switch result {
            case let .success(path): notice = Notice(.info, "Started a fresh session; the last one is kept in \(path)")
            case let .failure(failure): notice = Notice(.error, "Could not keep the last session: \(failure.message)")
            }
        case let .exportFinished(result): return exportFinished(result)
        case let .historyOpened(available, notices):
            historyOpened(available: available, notices: notices)
            return drillHistoryOpened(available: available)
        case let .attemptsLoaded(result): attemptsLoaded(result)
        case let .sessionsLoaded(result): sessionsLoaded(result)
        case let .attemptRecorded(result): recorded(result, what: "attempt")
        case let .sessionRecorded(result): recorded(result, what: "session")
        case let .visitRecorded(result): recorded(result, what: "panel visit")
        case let .analysed(lesson, reply): analysed(lesson: lesson, reply)
        case let .evaluated(lesson, result):
            if let i = panels.firstIndex(where: { $0.lesson.id == lesson }) { panels[i].evaluated(result) }
        }
        return []
    }

    /// Messages that must not wipe the notice they are about to show or that the user is reading.
    private func isTransient(_ message: Message) -> Bool { message.isFromWorld || message == .showClaims }

    /// Whether a change to the session came from the user (and so is news for export and history).
    /// A solve that finished off the keystroke path sets a value the user asked for.
    private func isUserChange(_ message: Message) -> Bool {
        if case .analysed = message { return true }
        return !message.isFromWorld
    }

    // MARK: - panels

    mutating func go(to index: Int) {
        let target = min(max(index, 0), max(pageCount - 1, 0))
        if target == current {
            if pageCount > 0 { notice = Notice(.info, index > current ? "This is the last panel" : "This is the first panel") }
            return
        }
        current = target
        overlay = nil
        if let id = panel?.lesson.id { session.visit(id) }
        if panel?.inputs == nil { focus = .lesson } else if focus == .lesson, panel?.lesson.body.isEmpty == true {
            focus = .calculator
        }
    }

    mutating func moveSelection(_ d: Int) {
        guard let p = panel else { return }
        let count = p.visibleParameters.count
        guard count > 0 else { return }
        panels[current].selected = min(max(p.selected + d, 0), count - 1)
        panels[current].parameterTop = calculatorParameterTop
    }

    /// Scrolls within the lesson's wrapped height at this size, so a key back up always moves it.
    mutating func scrollLesson(by d: Int) {
        guard panel != nil else { return }
        let limit = lessonScrollLimit
        let from = min(panels[current].lessonScroll, limit)
        panels[current].lessonScroll = min(max(0, from + d), limit)
    }

    /// Scrolls the results within their height at this size, so a key back up always moves them.
    mutating func scrollCalculator(by d: Int) {
        guard panel?.inputs != nil else { return }
        let limit = calculatorScrollLimit
        let from = min(panels[current].calculatorScroll, limit)
        panels[current].calculatorScroll = min(max(0, from + d), limit)
    }

    /// `z`: where both panes share the window, the focused one takes all of it, or gives it back.
    mutating func toggleZoom() {
        guard panel?.inputs != nil else { notice = Notice(.info, "The lesson has the whole window already"); return }
        guard size.cols >= Layout.sideBySideWidth else {
            // A zoom kept from a wider window ends here; at this width nothing else changes.
            notice = Notice(.info, zoomed ? "Zoom off: at this width each pane has the whole window, Tab switches"
                                          : "At this width each pane has the whole window already: Tab switches")
            zoomed = false
            return
        }
        zoomed.toggle()
        notice = Notice(.info, zoomed ? "The \(focus == .lesson ? "lesson" : "calculator") has the whole window: z gives both panes back, Tab switches"
                                      : "Both panes side by side again")
    }

    mutating func step(_ d: Int, large: Bool) {
        guard let p = panel, let parameter = p.selectedParameter, let inputs = p.inputs else { return }
        let old = inputs[parameter.key]
        let new = parameter.stepped(old, by: d, large: large)
        if new == old {
            notice = Notice(.info, "\(parameter.label) is at its \(d > 0 ? "maximum" : "minimum"): \(parameter.rangeDescription(through: Theme(display).glyphs.through))")
            return
        }
        set(parameter.key, new)
    }

    /// Records a value in the session: the one copy of the user's values. A value
    /// equal to the lesson's start is no change, so it is not kept.
    mutating func set(_ key: String, _ value: Double) {
        guard let p = panel, let start = p.baseInputs else { return }
        var probe = start
        probe.setClamped(key, value)
        let id = p.lesson.id
        if probe[key] == start[key] { session[lesson: id].parameters[key] = nil } else {
            session[lesson: id].parameters[key] = probe[key]
        }
    }

    mutating func beginEntry() {
        guard let p = panel, let parameter = p.selectedParameter, let inputs = p.inputs else { return }
        overlay = .entry(ValueEntry(key: parameter.key, editor: LineEditor(Self.editText(parameter, inputs[parameter.key]), prefilled: true)))
    }

    /// A value as the entry line starts it: what `parse` reads back exactly ("1,000,000", "0.25", "AP").
    static func editText(_ parameter: Parameter, _ value: Double) -> String {
        if !parameter.choices.isEmpty { return parameter.display(value) }
        if value == value.rounded(), abs(value) < 1e12 { return Format.count(value) }
        return String(value)
    }

    mutating func resetParameter() {
        guard let p = panel, let parameter = p.selectedParameter, let start = p.baseInputs else { return }
        set(parameter.key, start[parameter.key])
        if let link = p.links[parameter.key] {
            notice = Notice(.info, "\(parameter.label) follows the scenario again: \(parameter.display(start[parameter.key])) (\(link.source))")
        } else {
            notice = Notice(.info, "\(parameter.label) reset to \(parameter.display(start[parameter.key]))")
        }
    }

    mutating func resetPanel() {
        guard let p = panel, p.inputs != nil else { return }
        let count = p.changedKeys.count
        guard count > 0 else { notice = Notice(.info, "Every value is already the lesson's"); return }
        session[lesson: p.lesson.id].parameters = [:]
        let relinked = p.changedKeys.contains { p.links[$0] != nil }
        let whose = p.isScenario ? "the scenario file's" : relinked ? "the lesson's and the scenario's" : "the lesson's"
        notice = Notice(.info, "Panel reset: \(count) value\(count == 1 ? "" : "s") back to \(whose) · u undoes")
    }

    /// Keeps the values each panel had before a user's change, so `u` can go back to them.
    mutating func noteUndo(_ before: [String: PanelRecord]) {
        for (id, record) in session.panels where (before[id]?.parameters ?? [:]) != record.parameters {
            session[lesson: id].noteChange(from: before[id]?.parameters ?? [:])
        }
        for (id, old) in before where session.panels[id] == nil && !old.parameters.isEmpty {
            session[lesson: id].noteChange(from: old.parameters)
        }
    }

    /// `u` (or `Ctrl-R` with `redo`): one step back (forward) in this panel's values.
    mutating func undo(redo: Bool) {
        guard let p = panel, p.inputs != nil else { notice = Notice(.info, "This panel has no calculator"); return }
        let id = p.lesson.id
        var record = session[lesson: id]
        let before = record.parameters
        guard redo ? record.redoChange() : record.undoChange() else {
            notice = Notice(.info, redo ? "Nothing to redo on this panel" : "Nothing to undo on this panel")
            return
        }
        session[lesson: id] = record
        notice = Notice(.info, (redo ? "Redone: " : "Undone: ") + describeChange(on: p, from: before, to: record.parameters))
    }

    /// "followers 2,000,000 followers → 1,000,000 followers", or "3 values (followers, …)".
    func describeChange(on panel: PanelState, from old: [String: Double], to new: [String: Double]) -> String {
        guard let start = panel.baseInputs, let calculator = panel.calculator else { return "" }
        let keys = Set(old.keys).union(new.keys).filter { (old[$0] ?? start[$0]) != (new[$0] ?? start[$0]) }
        let moved = calculator.parameters.filter { keys.contains($0.key) }
        if moved.count == 1, let p = moved.first {
            return "\(p.label) \(p.display(old[p.key] ?? start[p.key])) → \(p.display(new[p.key] ?? start[p.key]))"
        }
        let names = moved.prefix(3).map(\.label).joined(separator: ", ")
        return "\(moved.count) values (\(names)\(moved.count > 3 ? ", …" : ""))"
    }

    /// Swaps in the full library, keeping each surviving panel's place by id;
    /// the values are the session's, so nothing else needs carrying over.
    mutating func load(_ library: LessonLibrary) {
        let previous = Dictionary(panels.map { ($0.lesson.id, $0) }, uniquingKeysWith: { a, _ in a })
        panels = Self.deck(library.lessons.map { lesson in
            if let old = previous[lesson.id], old.lesson == lesson { return old }
            // Behind the first frame: every model's first run goes off the main thread.
            return PanelState(lesson: lesson, deferringSimulation: simulationsOffKeyPath, deferringFirstRun: simulationsOffKeyPath)
        }, scenario: scenarioIndex.map { panels[$0] } ?? PanelState(scenario: scenario))
        problems = library.problems + scenarioProblems
        announcedPages = nil
        // A kept panel already follows the session; a new one was computed at the
        // lesson's start and needs the session's values only if it has some.
        // A new linked panel also needs a scenario other than the board's; the scenario panel goes first.
        if let s = scenarioIndex, previous[Scenario.panelID] == nil { refreshPanel(s) }
        let offBoard = scenarioValues != Scenario.board.values
        for i in panels.indices where !panels[i].isScenario && previous[panels[i].lesson.id] != panels[i]
            && (!session[lesson: panels[i].lesson.id].parameters.isEmpty || offBoard && !panels[i].links.isEmpty) { refreshPanel(i) }
        let currentID = session.currentLessonID
        current = currentID.flatMap { id in panels.firstIndex { $0.lesson.id == id } } ?? min(current, max(0, pageCount - 1))
        if let id = panel?.lesson.id, session.currentLessonID == nil { session.visit(id) }
        if panel?.inputs == nil { focus = .lesson }
        if notice == nil { noticeProblems() }
    }

    /// Takes a saved session back: its panel, values, notes, ticks, estimates and clock.
    public mutating func restore(_ saved: PracticeSession) {
        session = saved
        if session.id == nil { session.id = PracticeSession.makeID(startedAt: saved.startedAt) }
        refreshAllPanels()
        if let id = saved.currentLessonID, let i = panels.firstIndex(where: { $0.lesson.id == id }) { current = i }
        if panel?.inputs == nil { focus = .lesson }
        unsavedChanges = saved.hasChanges
        autosave.written = saved
        notice = Notice(.info, "Resumed your last session" + Self.clockHint(saved))
        // The scenario's changes come back with the session; under another scenario file, say which.
        if let name = saved.scenario, name != scenario.reference {
            session.scenario = scenario.reference
            notice = Notice(.info, "Resumed your last session, saved under the \(name) scenario: now under \(scenario.reference) (--scenario \(name) to match)")
        }
    }

    /// Resumes the waiting session under the scenario it was saved under, or, when that
    /// scenario no longer loads, under the one running, saying why.
    mutating func resumeUnder(_ name: String, _ loaded: Scenario, _ problems: [LessonError]) {
        guard let saved = resumeAwaitingScenario else { return }
        resumeAwaitingScenario = nil
        guard problems.isEmpty else {
            restore(saved)
            notice = Notice(.error, "Resumed your last session, but its scenario \(name) did not load "
                            + "(\(problems[0].description)): now under \(scenario.reference)")
            return
        }
        scenario = loaded
        if let s = scenarioIndex { panels[s] = PanelState(scenario: loaded) }
        restore(saved)
        notice = Notice(.info, "Resumed your last session under the \(loaded.reference) scenario" + Self.clockHint(saved))
    }

    /// A resumed session whose clock had run is paused: the notice says how to go on.
    static func clockHint(_ saved: PracticeSession) -> String {
        saved.clock.elapsed > 0 ? ": t resumes the clock" : ""
    }

    // MARK: - the world

    mutating func started(_ saved: SessionStore.LoadResult, lockHeld: Bool, resume: Bool, practice: Bool) -> [Effect] {
        autosave.enabled = lockHeld
        autosave.heldByAnother = !lockHeld
        if !lockHeld {
            notice = Notice(.error, "Another whiteboard is running: this one will not autosave (export with x)")
        } else {
            switch saved {
            case .none:
                if resume { notice = Notice(.info, "No saved session to resume: starting fresh") }
            case let .loaded(session):
                if resume { restore(session) } else if session.hasChanges { overlay = .confirm(.resume(session)) }
            case let .corrupt(movedTo, reason):
                notice = Notice(.error, "The saved session was unreadable (\(reason)); kept it as \(movedTo)")
            }
        }
        if practice, !session.practiceMode { toggleClock() }
        return [.loadLessons, .openHistory]
    }

    mutating func tick(to instant: Double) {
        defer { now = max(now, instant) }
        guard let lesson = panel?.lesson else { return }
        if session.clock.isRunning {
            session.tick(at: instant, lesson: lesson)
        } else if now > 0, instant > now {
            // Outside the clock, time on a panel still counts; a gap over 5 s
            // (a sleep, a long read without a key) counts as 5 s.
            session[lesson: lesson.id].seconds += min(instant - now, 5)
        }
    }

    /// Ctrl-Z: the clock stops with the process, and the session is written first.
    mutating func suspend(at instant: Double) -> [Effect] {
        tick(to: instant)
        if session.clock.isRunning, let lesson = panel?.lesson {
            session.toggleClock(at: instant, lesson: lesson)
            resumeClockAfterStop = true
        }
        return saveNow().map { [$0] } ?? []
    }

    /// How long the loop may sleep before something on screen or on disk is due
    /// (seconds): the next clock second, a pending autosave; else a slow idle tick.
    public func wakeDelay() -> Double {
        var delay = 5.0
        if session.clock.isRunning {
            let elapsed = session.clock.elapsed
            delay = min(delay, max(0.02, 1 - (elapsed - elapsed.rounded(.down))))
        }
        if let due = autosaveDue() { delay = min(delay, max(0.01, due - now)) }
        if analysisPending { delay = min(delay, 0.03) }
        return delay
    }

    // MARK: - autosave and the way out

    /// The monotonic instant a pending autosave is due, or nil when none is pending.
    func autosaveDue() -> Double? {
        guard mayAutosave, !autosave.inFlight else { return nil }
        let pending = savableSession
        guard pending != autosave.written else { return nil }
        guard let written = autosave.written else { return autosave.lastWriteAt + Autosave.workDelay }
        if !pending.sameWork(as: written) { return autosave.lastWriteAt + Autosave.workDelay }
        // Only time changed: worth writing while the practice clock runs, never for idle panel seconds.
        return pending.clock.isRunning ? autosave.lastWriteAt + Autosave.timeDelay : nil
    }

    /// The save due now, if any (work within a quarter second, practice time within ten).
    mutating func autosaveEffects() -> [Effect] {
        guard let due = autosaveDue(), now >= due else { return [] }
        return saveNow().map { [$0] } ?? []
    }

    /// A save of whatever differs from what was written, ignoring the throttle.
    mutating func saveNow() -> Effect? {
        guard mayAutosave, !autosave.inFlight else { return nil }
        let pending = savableSession
        guard pending != autosave.written else { return nil }
        autosave.inFlight = true
        autosave.lastWriteAt = now
        return .save(pending)
    }

    mutating func saved(_ result: Result<PracticeSession, StorageFailure>) -> [Effect] {
        autosave.inFlight = false
        switch result {
        case let .success(session):
            autosave.written = session
            autosave.failure = nil
        case let .failure(failure):
            // Tried again in a few seconds, not on every key, and said once.
            autosave.lastWriteAt = now + 5
            if autosave.failure != failure.message { notice = Notice(.error, "Autosave failed: \(failure.message)") }
            autosave.failure = failure.message
        }
        guard let finishing else { return [] }
        return [.quit(status: finishing.status)]
    }

    /// On every way out: the session goes into the history (once per session
    /// id), then the autosave is written, then the loop is told to quit. The
    /// history is the database; `history.jsonl` only when the database is not
    /// open (writing both listed one session twice once the file was imported).
    mutating func finish(status: Int32?) -> [Effect] {
        if drill != nil { return finishDrill(status: status) }
        finishing = Finishing(status: status)
        let database = sessionRecordEffects()
        if history.available != true, autosave.enabled, session.hasChanges, session.inHistory != true {
            return database + [.appendHistory(HistoryEntry(session: savableSession, lessons: panels.map(\.lesson),
                                                finishedAt: now + wallClockOffset))]
        }
        return database + saveOrQuit()
    }

    private mutating func saveOrQuit() -> [Effect] {
        if let save = saveNow() { return [save] }
        return [.quit(status: finishing?.status ?? nil)]
    }

    mutating func historyAppended(_ result: Result<String, StorageFailure>) -> [Effect] {
        switch result {
        case .success: session.inHistory = true
        case let .failure(failure): notice = Notice(.error, "History not updated: \(failure.message)")
        }
        return finishing == nil ? [] : saveOrQuit()
    }

    mutating func exportEffect() -> Effect {
        .export(savableSession, lessons: panels.map(\.lesson))
    }

    mutating func exportFinished(_ result: Result<[String], ExportFailure>) -> [Effect] {
        let quitting = quitAfterExport
        quitAfterExport = false
        switch result {
        case let .success(paths):
            unsavedChanges = false
            notice = Notice(.info, "Exported " + paths.joined(separator: " and "))
            return quitting ? finish(status: nil) : []
        case let .failure(failure):
            // A failed export on the way out keeps the trainer open with the error shown.
            notice = Notice(.error, "Export failed: " + failure.message)
            return []
        }
    }

    // MARK: - overlays

    /// Applies a line edit to the open entry, estimate or panel list, or a notes edit to the notes editor.
    mutating func edit(_ line: (inout LineEditor) -> Void, notes: (inout TextEditor) -> Void) {
        switch overlay {
        case var .entry(entry):
            line(&entry.editor)
            overlay = .entry(entry)
        case var .estimate(editor):
            line(&editor)
            overlay = .estimate(editor)
        case var .search(editor):
            line(&editor)
            overlay = .search(editor)
        case .panelList(var query, let selection):
            let before = query.text
            line(&query)
            let matches = panelMatches(query.text)
            let kept = query.text == before || matches.contains(selection) && query.text.count < before.count
            overlay = .panelList(query: query, selection: kept ? selection : (matches.first ?? current))
        case var .notes(editor):
            notes(&editor)
            overlay = .notes(editor)
        case var .solve(entry):
            line(&entry.editor)
            overlay = .solve(entry)
        default: break
        }
    }

    /// A paste types into the field with focus; outside one it does nothing, so
    /// pasted text can never become commands.
    mutating func paste(_ text: String) {
        switch overlay {
        case .entry, .estimate, .panelList, .solve, .search:
            edit { $0.insert(text) } notes: { _ in }
            if case let .entry(e) = overlay, e.editor.truncated { notice = Notice(.error, "Pasted text cut at \(LineEditor.limit) characters") }
        case var .notes(editor):
            for ch in text { if ch == "\n" || ch == "\r\n" || ch == "\r" { editor.insertNewline() } else { editor.insert(ch) } }
            overlay = .notes(editor)
        default:
            notice = Notice(.info, "Pasted text ignored: Enter types a value, N opens notes")
        }
    }

    mutating func cancel() -> [Effect] {
        switch overlay {
        case let .notes(editor):
            if let id = panel?.lesson.id { session[lesson: id].notes = editor.text }
            overlay = nil
        case let .confirm(.resume(saved)):
            // Esc is "not now", never "discard": the last session is kept aside.
            overlay = nil
            return [.archive(saved)]
        case let .solve(entry) where entry.fromSensitivity: overlay = .sensitivity(scroll: 0)
        default: overlay = nil
        }
        return []
    }

    mutating func moveListSelection(_ d: Int) {
        if case .solve = overlay { chooseSolveParameter(d); return }
        guard case let .panelList(query, selection) = overlay else { return }
        let matches = panelMatches(query.text)
        guard !matches.isEmpty else { return }
        let i = matches.firstIndex(of: selection) ?? 0
        overlay = .panelList(query: query, selection: matches[min(max(i + d, 0), matches.count - 1)])
    }

    mutating func commit() -> [Effect] {
        switch overlay {
        case let .entry(entry):
            guard let p = panel, let parameter = p.calculator?.parameter(entry.key) else { overlay = nil; return [] }
            do {
                let value = try parameter.parse(entry.text)
                overlay = nil
                set(entry.key, value)
                let overrides = panel?.overriddenLink(entry.key).map { " · overrides the scenario's \($0.source) here; r restores the link" } ?? ""
                notice = Notice(.info, "\(parameter.label) = \(parameter.display(value))" + overrides)
            } catch {
                // Keep the editor open with the text, so the user can fix it; name the
                // parameter as the screen does, not by its key.
                var message = error.description
                if message.hasPrefix(parameter.key + ":") { message = parameter.label + String(message.dropFirst(parameter.key.count)) }
                notice = Notice(.error, message)
            }
        case let .estimate(editor):
            commitEstimate(editor.text)
        case let .search(editor):
            commitSearch(editor.text)
        case let .solve(entry):
            return commitSolve(entry)
        case let .panelList(query, selection):
            let matches = panelMatches(query.text)
            overlay = nil
            guard let target = matches.contains(selection) ? selection : matches.first else {
                notice = Notice(.error, "No panel matches \"\(query.text)\"")
                return []
            }
            let inText = matchesOnlyInText(target, query.text)
            go(to: target)
            // Listed for its text: the lesson opens at the first match, searched as / would.
            if inText { commitSearch(query.text.trimmingTrailingSpace) }
        default: break
        }
        return []
    }
}

/// A way out in progress: history, then the save, then quit with `status`.
public struct Finishing: Equatable, Sendable {
    public var status: Int32?
}

extension Effect {
    /// Writes that autosave must not race (a save or the history on the way out).
    var isWrite: Bool {
        switch self {
        case .save, .appendHistory, .recordSession, .recordDrill, .quit: true
        default: false
        }
    }
}
