extension AppState {
    /// What a mouse event means where it lands, as a message `update` already
    /// knows, or nil where it means nothing. The cell is looked up in the same
    /// layout the views draw from (`layout`, the calculator pane's rows, the open
    /// overlay's box), so what is under the pointer is what is on screen.
    ///
    /// - The wheel scrolls what is under the pointer, three lines a notch: the
    ///   lesson, the calculator's results, an overlay that scrolls; in the panel
    ///   list it moves the selection.
    /// - A click on a parameter's row selects it (the calculator takes the focus),
    ///   on a claim in the calculator opens the claims view at it, on a row of the
    ///   panel list selects that panel, and anywhere else on a pane focuses it.
    /// - Over a field being typed in (a value, a guess, notes, a search, a
    ///   question), or outside every pane and box, nothing: typed text stays as it was.
    public func mouseMessage(_ event: MouseEvent) -> Message? {
        guard drill == nil, Layout.fits(size) else { return nil }
        let x = event.column, y = event.row
        guard Rect(size: size).contains(x: x, y: y) else { return nil }
        let wheel: Int? = switch event.kind {
        case .click: nil
        case .wheelUp: -MouseEvent.wheelLines
        case .wheelDown: MouseEvent.wheelLines
        }
        switch overlay {
        case nil: break
        case .help, .claims, .sensitivity, .changed, .calibration, .history:
            // The claims view and the others have no selection: a click there does nothing.
            guard let view = scrollingOverlay, view.frame(in: size).contains(x: x, y: y), let wheel else { return nil }
            return .scrollHelp(wheel)
        case let .panelList(query, selection):
            let list = PanelListOverlay(state: self, query: query, selection: selection, theme: Theme(display))
            let at = list.geometry(in: size).matches.firstIndex(of: selection) ?? 0
            if let wheel {
                return list.geometry(in: size).rect.contains(x: x, y: y) ? .moveListSelection(wheel.signum()) : nil
            }
            return list.match(atColumn: x, row: y, in: size).map { .moveListSelection($0 - at) }
        case .entry, .estimate, .search, .solve, .notes, .confirm:
            return nil
        }
        guard let panel else { return nil }
        if let (pane, rect) = calculatorOnScreenPane, rect.contains(x: x, y: y) {
            if let wheel { return .scrollCalculator(wheel) }
            switch pane.spot(atColumn: x, row: y, in: rect) {
            case let .parameter(i): return .selectParameter(i)
            case let .claim(i): return .showClaim(i)
            case .elsewhere: return focus == .calculator ? nil : .focusPane(.calculator)
            }
        }
        if let rect = layout.lesson, rect.contains(x: x, y: y) {
            if let wheel { return .scrollLesson(wheel) }
            return focus == .lesson || panel.inputs == nil ? nil : .focusPane(.lesson)
        }
        return nil
    }
}
