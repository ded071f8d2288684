import Calculators
import Trainer

extension AppState {
    /// Turns a key into a message through the keymap and applies it.
    public mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        guard let message = Keymap.message(for: key, in: keyContext) else {
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
        if !isTransient(message) { notice = nil }
        let before = session.panels
        defer {
            if case .ticked = message {} else if session.panels != before {
                unsavedChanges = true
                session.inHistory = nil
            }
        }
        switch message {
        case .nextPanel: go(to: current + 1)
        case .previousPanel: go(to: current - 1)
        case let .goToPanel(i): go(to: i)
        case .openPanelList: overlay = .panelList(query: "", selection: current)
        case .toggleFocus:
            if panel?.inputs == nil { focus = .lesson; notice = Notice(.info, "This panel has no calculator") } else {
                focus = focus == .lesson ? .calculator : .lesson
            }
        case let .moveSelection(d): moveSelection(d)
        case let .scrollLesson(d): scrollLesson(by: d)
        case let .pageLesson(d): scrollLesson(by: d * max(1, size.rows - 6))
        case let .step(d, large): step(d, large: large)
        case .beginEntry:
            if let p = panel?.selectedParameter { overlay = .entry(ValueEntry(key: p.key)) }
        case .resetParameter: resetParameter()
        case .resetPanel: resetPanel()
        case .showClaims:
            guard let p = panel, !p.lesson.claims.isEmpty else { notice = Notice(.info, "This panel makes no claims"); return [] }
            overlay = .claims(scroll: 0)
        case let .typed(ch): typed(ch)
        case .deleteBackward: deleteBackward()
        case .commit: return commit()
        case .cancel:
            if case let .notes(editor) = overlay, let id = panel?.lesson.id { session[lesson: id].notes = editor.text }
            overlay = nil
        case let .moveListSelection(d): moveListSelection(d)
        case .toggleHelp:
            switch overlay {
            case .help, .claims: overlay = nil
            default: overlay = .help(scroll: 0)
            }
        case let .scrollHelp(d):
            if case let .help(scroll) = overlay { overlay = .help(scroll: max(0, scroll + d)) }
            if case let .claims(scroll) = overlay { overlay = .claims(scroll: max(0, scroll + d)) }
        case .export: return [.export]
        case .quit:
            if unsavedChanges, session.hasChanges {
                overlay = .confirm(.exportBeforeQuit)
                return []
            }
            quitRequested = true
            return [.quit]
        case let .answer(yes): return answer(yes)
        case let .ticked(at: instant):
            now = instant
            if let lesson = panel?.lesson {
                if session.clock.isRunning {
                    session.tick(at: instant, lesson: lesson)
                } else if let last = lastTick, instant > last {
                    // Outside the clock, time on a panel still counts; a gap over 5 s
                    // (a suspend, a sleep) counts as 5 s.
                    session[lesson: lesson.id].seconds += min(instant - last, 5)
                }
            }
            lastTick = instant
        case .toggleClock: toggleClock()
        case let .toggleTick(i): toggleTick(i)
        case .beginEstimate: beginEstimate()
        case .editNotes:
            guard let lesson = panel?.lesson else { return [] }
            overlay = .notes(TextEditor(text: session[lesson: lesson.id].notes))
        case .newline, .deleteForward, .moveCursor: editNotes(message)
        case let .resized(newSize): size = newSize
        case let .exportFinished(result):
            switch result {
            case let .success(paths):
                unsavedChanges = false
                notice = Notice(.info, "Exported " + paths.joined(separator: " and "))
            case let .failure(failure):
                notice = Notice(.error, "Export failed: " + failure.message)
            }
        }
        return []
    }

    /// Messages that must not wipe the notice they are about to show or that the user is reading.
    private func isTransient(_ message: Message) -> Bool {
        switch message {
        case .resized, .exportFinished, .showClaims, .ticked: return true
        default: return false
        }
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
    }

    mutating func scrollLesson(by d: Int) {
        guard panel != nil else { return }
        // The view clamps the upper end; it alone knows the wrapped height.
        panels[current].lessonScroll = max(0, panels[current].lessonScroll + d)
    }

    mutating func step(_ d: Int, large: Bool) {
        guard let p = panel, let parameter = p.selectedParameter, let inputs = p.inputs else { return }
        let old = inputs[parameter.key]
        let new = parameter.stepped(old, by: d, large: large)
        if new == old {
            notice = Notice(.info, "\(parameter.label) is at its \(d > 0 ? "maximum" : "minimum"): \(parameter.rangeDescription)")
            return
        }
        set(parameter.key, new)
    }

    mutating func set(_ key: String, _ value: Double) {
        panels[current].inputs?.setClamped(key, value)
        recordValues()
        // A value can change which parameters are visible (debt items): keep the selection inside.
        let count = panels[current].visibleParameters.count
        if panels[current].selected >= count { panels[current].selected = max(0, count - 1) }
        unsavedChanges = true
    }

    /// Mirrors the panel's changed values into the session, which autosave writes.
    mutating func recordValues() {
        guard let p = panel else { return }
        session[lesson: p.lesson.id].parameters = p.changedValues
    }

    mutating func resetParameter() {
        guard let p = panel, let parameter = p.selectedParameter, let start = p.startingInputs else { return }
        set(parameter.key, start[parameter.key])
        notice = Notice(.info, "\(parameter.label) reset to \(parameter.display(start[parameter.key]))")
    }

    mutating func resetPanel() {
        guard let p = panel, p.inputs != nil else { return }
        panels[current].inputs = p.startingInputs
        recordValues()
        panels[current].selected = min(p.selected, max(0, panels[current].visibleParameters.count - 1))
        notice = Notice(.info, "Panel reset to the lesson's values")
    }

    // MARK: - overlays

    mutating func typed(_ ch: Character) {
        switch overlay {
        case var .entry(entry):
            entry.text.append(ch)
            overlay = .entry(entry)
        case let .estimate(text):
            overlay = .estimate(text + String(ch))
        case var .notes(editor):
            editor.insert(ch)
            overlay = .notes(editor)
        case let .panelList(query, _):
            let q = query + String(ch)
            overlay = .panelList(query: q, selection: panelMatches(q).first ?? current)
        default: break
        }
    }

    mutating func deleteBackward() {
        switch overlay {
        case var .entry(entry):
            if !entry.text.isEmpty { entry.text.removeLast() }
            overlay = .entry(entry)
        case let .estimate(text):
            overlay = .estimate(String(text.dropLast()))
        case var .notes(editor):
            editor.deleteBackward()
            overlay = .notes(editor)
        case let .panelList(query, selection):
            let q = String(query.dropLast())
            overlay = .panelList(query: q, selection: panelMatches(q).contains(selection) ? selection : (panelMatches(q).first ?? selection))
        default: break
        }
    }

    mutating func moveListSelection(_ d: Int) {
        guard case let .panelList(query, selection) = overlay else { return }
        let matches = panelMatches(query)
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
                notice = Notice(.info, "\(parameter.label) = \(parameter.display(value))")
            } catch {
                // Keep the editor open with the text, so the user can fix it; name the
                // parameter as the screen does, not by its key.
                var message = error.description
                if message.hasPrefix(parameter.key + ":") { message = parameter.label + String(message.dropFirst(parameter.key.count)) }
                notice = Notice(.error, message)
            }
        case let .estimate(text):
            commitEstimate(text)
        case let .panelList(query, selection):
            let matches = panelMatches(query)
            overlay = nil
            if matches.contains(selection) { go(to: selection) } else if let first = matches.first { go(to: first) } else {
                notice = Notice(.error, "No panel matches \"\(query)\"")
            }
        default: break
        }
        return []
    }
}
