import Calculators
import Trainer

/// Every claim of the panel in full: what the board says, what the calculator
/// computes, and the lesson's reason when they differ. Scrolls with j/k.
struct ClaimsOverlay: ScrollingOverlay {
    let panel: PanelState
    let output: Output?
    let hidden: HiddenResults
    /// Numbers covered in the claims' text until the guess.
    var mask = AnswerMask()
    let theme: Theme
    let scroll: Int

    func lines(width: Int) -> [Line] { layout(width: width).lines }

    /// The scroll that puts claim `index` (0-based) at the top of the box on a screen of `size`.
    func scroll(toClaim index: Int, in size: Size) -> Int {
        let starts = layout(width: ScrollingBox.lineWidth(cols: size.cols, maxWidth: 90)).starts
        guard starts.indices.contains(index) else { return 0 }
        return min(starts[index], maxScroll(in: size))
    }

    /// The lines, and the line each claim starts on.
    /// Whether `p` is the model's mode and has moved from the lesson's.
    private func changedMode(_ p: Parameter, _ start: Inputs, _ inputs: Inputs) -> Bool {
        p.key == "mode" && start[p.key] != inputs[p.key]
    }

    private func layout(width: Int) -> (lines: [Line], starts: [Int]) {
        let checks = panel.claimChecks
        var starts: [Int] = []
        var out: [Line] = []
        if !panel.claimsCheckedAt.isEmpty {
            let text = "The board's claims are about the board: checked at the board's \(panel.claimsCheckedAt.joined(separator: ", ")), not the scenario on screen."
            for part in TextWidth.wrap(text, width: width) { out.append(Line(part, theme.muted)) }
            out.append(.blank)
        }
        if let start = panel.startingInputs, let inputs = panel.inputs, let calculator = panel.calculator,
           let mode = calculator.parameters.first(where: { !$0.choices.isEmpty && changedMode($0, start, inputs) }) {
            // A claim about AP read while the panel runs CP is a claim about another mode: say so first.
            let text = "The panel is in \(mode.display(inputs[mode.key])) mode; the board's claims are about "
                + "\(mode.display(start[mode.key])) mode, so their verdicts here are of the other mode (r on \(mode.label) goes back)."
            for part in TextWidth.wrap(text, width: width) { out.append(Line(part, theme.warn)) }
            out.append(.blank)
        }
        if panel.isChanged {
            for part in TextWidth.wrap("You changed values: verdicts use your values, the explanations describe the lesson's (r/R resets).", width: width) {
                out.append(Line(part, theme.warn))
            }
            out.append(.blank)
        }
        for (i, check) in checks.enumerated() {
            let hidden = self.hidden.contains(check.claim.resultKey)
            // Until the guess, a verdict would say whether the board's figure is the answer.
            let mark = hidden ? "?" : check.holds ? theme.glyphs.check : theme.glyphs.cross
            let head = "\(mark) \(i + 1). "
            let indent = String.repeating(" ", count: TextWidth.columns(of: head))
            starts.append(out.count)
            for (n, part) in TextWidth.wrap(mask.apply(check.claim.text), width: max(1, width - indent.count)).enumerated() {
                out.append(n == 0 ? Line(head, hidden ? theme.muted : check.holds ? theme.good : theme.bad).appending(part, .bold) : Line(indent + part, .bold))
            }
            let computed = hidden ? "? (guess it first: e)" : check.computed.map(check.literal) ?? "n/a"
            out.append(Line(indent + "board ", theme.muted).appending(hidden ? mask.apply(check.literal(check.claim.stated)) : check.literal(check.claim.stated))
                .appending("  computed ", theme.muted).appending(computed, hidden ? theme.muted : check.holds ? theme.good : theme.bad))
            if !check.holds, !hidden, let why = check.claim.why {
                for part in TextWidth.wrap((panel.isChanged ? "At the lesson's values: " : "Why: ") + why, width: max(1, width - indent.count)) {
                    out.append(Line(indent + part))
                }
            }
            out.append(.blank)
        }
        if out.last == .blank { out.removeLast() }
        return (out, starts)
    }

    func draw(on grid: inout Grid) {
        let width = min(grid.size.cols - 4, 90)
        drawScrollingBox(lines(width: max(1, width - 4)), title: "The board says · Esc closes", maxWidth: 90,
                         scroll: scroll, theme: theme, on: &grid)
    }

    func frame(in size: Size) -> Rect { box(in: size).frame(in: size) }
    func maxScroll(in size: Size) -> Int { box(in: size).maxScroll(in: size) }
    private func box(in size: Size) -> ScrollingBox {
        ScrollingBox(content: lines(width: ScrollingBox.lineWidth(cols: size.cols, maxWidth: 90)), maxWidth: 90)
    }
}
