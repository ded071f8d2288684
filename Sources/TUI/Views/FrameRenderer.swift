import Calculators
import Trainer

/// Renders frames as `Screen.render` does, for a loop that draws one after another.
///
/// Every frame equals `Screen.render(state)` cell for cell; what changes is the
/// work. The lesson and calculator panes, most of a frame, are copied from the
/// last frame when what they are drawn from is the same (a key on the calculator
/// leaves the lesson as it was; a tick of the practice clock leaves both), and
/// the lesson's wrapped lines are kept while the lesson, its ticks, notes and the
/// width stay (scrolling re-wraps nothing). When the calculator pane's values
/// changed, its frame and every row equal to the last frame's are copied and only
/// the other rows drawn. The run loop keeps one renderer.
///
/// Why the memo lives here, beside the pure view and not in `AppState` or `update`:
/// what it holds is cells and wrapped lines, all derived from the state, so keeping
/// them in the state would be a second copy of facts the state already has, and it
/// would make `AppState`'s equality (idle ticks, tests) compare screens. Here it is
/// a cache keyed by everything a pane is drawn from: a view stays a function of the
/// state (`Screen.render` is the same code with an empty memo), snapshot tests need
/// no renderer, and `FrameRendererTests` holds every frame equal to a fresh render.
public struct FrameRenderer: Sendable {
    private(set) var memo = PaneMemo()

    public init() {}

    public mutating func render(_ state: AppState) -> Grid {
        Screen.render(state, memo: &memo)
    }
}

/// What the last frame drew of its two big panes, and what it drew them from.
///
/// A pane is drawn into a part of a new grid where nothing else has drawn yet
/// and never writes outside its rectangle, so its cells depend only on what the
/// key holds: equal keys, equal cells.
struct PaneMemo: Sendable {
    struct LessonKey: Equatable, Sendable {
        var pane: LessonPane
        var rect: Rect
        var focused: Bool
        var scroll: Int
        var title: String
        var gridSize: Size
    }

    struct CalculatorKey: Equatable, Sendable {
        var pane: CalculatorPane
        var rect: Rect
        var focused: Bool
        var suffix: String
        var gridSize: Size
    }

    private var lessonLines: (pane: LessonPane, width: Int, lines: [Line])?
    private var lesson: (key: LessonKey, patch: Grid.Patch)?
    /// The calculator pane as last drawn, with what it drew row by row.
    private var calculator: (key: CalculatorKey, patch: Grid.Patch, drawing: CalculatorPane.Drawing?)?
    /// How many rows of the calculator pane the last frame drew again over the frame before's
    /// cells; nil when it copied the pane whole or drew it from scratch (for tests).
    private(set) var calculatorRowsRedrawn: Int?
    /// The footer's text and what it was made from (the bindings are searched and sorted for it).
    private var hints: (contexts: [KeyBinding.Context], offer: Keymap.Offer, width: Int, theme: Theme, text: String)?

    mutating func draw(_ pane: LessonPane, in rect: Rect, on grid: inout Grid, focused: Bool, scroll: Int, title: String) {
        let pane = pane.keyed
        let key = LessonKey(pane: pane, rect: rect, focused: focused, scroll: scroll, title: title, gridSize: grid.size)
        if let lesson, lesson.key == key {
            grid.paste(lesson.patch)
            return
        }
        let width = LessonPane.contentWidth(in: rect)
        let content: [Line]
        var unmarked = pane
        unmarked.marks = nil
        if let kept = lessonLines, kept.width == width, kept.pane == unmarked {
            content = kept.lines
        } else {
            content = pane.lines(width: width)
            lessonLines = (unmarked, width, content)
        }
        pane.draw(in: rect, on: &grid, focused: focused, scroll: scroll, title: title, content: content)
        lesson = (key, grid.patch(rect))
    }

    /// The calculator pane: copied whole when its key is the last frame's; else, when only
    /// some rows differ (a `+` changes a value, the results and the chart, not the frame, the
    /// other parameters or the hints), the last frame's cells with just those rows drawn again.
    mutating func draw(_ pane: CalculatorPane, in rect: Rect, on grid: inout Grid, focused: Bool, title suffix: String) {
        let key = CalculatorKey(pane: pane.keyed, rect: rect, focused: focused, suffix: suffix, gridSize: grid.size)
        if let calculator, calculator.key == key {
            grid.paste(calculator.patch)
            calculatorRowsRedrawn = nil
            return
        }
        let drawing = pane.drawing(in: rect, focused: focused, title: suffix)
        calculatorRowsRedrawn = nil
        if let drawing, let last = calculator, let before = last.drawing, last.patch.gridSize == grid.size,
           last.patch.area == rect.intersection(grid.bounds), before.frame == drawing.frame, before.area == drawing.area,
           before.rows.count == drawing.rows.count {
            grid.paste(last.patch)
            let area = drawing.area.intersection(grid.bounds)
            var redrawn = 0
            for i in drawing.rows.indices where drawing.rows[i] != before.rows[i] {
                let y = drawing.area.y + i
                guard y >= area.y, y < area.maxY else { continue }
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1))
                drawing.draw(row: i, on: &grid)
                redrawn += 1
            }
            calculatorRowsRedrawn = redrawn
        } else {
            drawing?.draw(on: &grid)
        }
        calculator = (key, grid.patch(rect), drawing)
    }
}

extension PaneMemo {
    /// `Screen.hints`, with the footer's text kept while the key contexts, the offer and the width stay.
    mutating func drawHints(_ state: AppState, in rect: Rect, on grid: inout Grid, theme: Theme) {
        let contexts = state.keyContexts, offer = state.offer
        let text: String
        if let hints, hints.contexts == contexts, hints.offer == offer, hints.width == rect.width, hints.theme == theme {
            text = hints.text
        } else {
            text = Screen.hintText(contexts: contexts, offer: offer, width: rect.width, theme: theme)
            hints = (contexts, offer, rect.width, theme, text)
        }
        grid.put(text, x: rect.x, y: rect.y, style: theme.muted, clip: rect)
    }
}

extension LessonPane {
    /// The pane with what it does not draw left out of its record (values, undo,
    /// time on the panel), so a key on the calculator or a tick keeps it equal.
    var keyed: LessonPane {
        var copy = self
        var record = copy.record
        record.parameters = [:]
        record.undo = []
        record.redo = []
        record.seconds = 0
        record.visited = false
        copy.record = record
        return copy
    }
}

extension CalculatorPane {
    /// The pane without the lesson's scroll, which it does not draw.
    var keyed: CalculatorPane {
        var panel = self.panel
        panel.lessonScroll = 0
        return CalculatorPane(panel: panel, output: output, theme: theme, hidden: hidden, mask: mask)
    }
}

extension AppState {
    /// True when this state draws the same screen as `other`: the two differ at
    /// most in what an idle tick moves and no view shows (`now`, and the seconds
    /// counted on the panel on screen). The practice clock is on screen and is compared.
    public func drawsSameScreen(as other: AppState) -> Bool {
        var probe = other
        probe.now = now
        if let id = panel?.lesson.id, let seconds = session.panels[id]?.seconds,
           var record = probe.session.panels[id], record.seconds != seconds {
            record.seconds = seconds
            probe.session.panels[id] = record
        }
        return probe == self
    }
}
