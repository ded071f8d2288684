import Testing
@testable import TUI

/// The mouse: the wheel scrolls what is under the pointer, a click selects a
/// parameter, a claim or a panel in the list, and nothing else moves. Every
/// cell is found in the rendered screen (or the layout the views draw from),
/// so the tests aim where a user would.
@Suite struct MouseTests {
    /// The first cell of `text` drawn inside `rect`, searched in the rendered grid.
    func find(_ text: String, in rect: Rect, of h: Harness) -> (column: Int, row: Int)? {
        let grid = h.grid
        let wanted = text.map(String.init)
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX where x + wanted.count <= rect.maxX {
                if wanted.indices.allSatisfy({ grid[x + $0, y].text == wanted[$0] }) { return (x, y) }
            }
        }
        return nil
    }

    func centre(_ rect: Rect) -> (column: Int, row: Int) { (rect.x + rect.width / 2, rect.y + rect.height / 2) }

    @discardableResult
    func mouse(_ h: inout Harness, _ kind: MouseEvent.Kind, _ at: (column: Int, row: Int), times: Int = 1) -> [Effect] {
        (0..<times).flatMap { _ in h.state.update(.mouse(MouseEvent(kind, column: at.column, row: at.row))) }
    }

    @Test func theWheelOverTheLessonScrollsTheLessonThreeLinesANotchAndNotTheCalculator() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab)
        let lesson = try #require(h.state.layout.lesson)
        let top = try #require(h.lines[lesson.y + 1].split(separator: "┃").first)
        mouse(&h, .wheelDown, centre(lesson))
        #expect(h.state.panel?.lessonScroll == 3)
        #expect(h.state.panel?.calculatorScroll == 0)
        // The wheel scrolls; it does not move the focus.
        #expect(h.state.focus == .calculator)
        #expect(!h.lines[lesson.y + 1].contains(top))
        mouse(&h, .wheelUp, centre(lesson), times: 2)
        #expect(h.state.panel?.lessonScroll == 0)
        #expect(h.lines[lesson.y + 1].contains(top))
    }

    @Test func theWheelOverTheCalculatorScrollsItsResultsAndNotTheLesson() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let calculator = try #require(h.state.layout.calculator)
        let limit = h.state.calculatorScrollLimit
        #expect(limit > 3)
        mouse(&h, .wheelDown, centre(calculator))
        #expect(h.state.panel?.calculatorScroll == 3)
        #expect(h.state.panel?.lessonScroll == 0)
        #expect(h.state.focus == .lesson)
        // Past the end it stays at the end, and a notch back up always moves.
        mouse(&h, .wheelDown, centre(calculator), times: limit)
        #expect(h.state.panel?.calculatorScroll == limit)
        mouse(&h, .wheelUp, centre(calculator))
        #expect(h.state.panel?.calculatorScroll == limit - 3)
    }

    @Test func aClickOnTheThirdParameterRowSelectsItAndFocusesTheCalculator() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let calculator = try #require(h.state.layout.calculator)
        let third = try #require(h.state.panel?.visibleParameters[2])
        let at = try #require(find(third.label, in: calculator, of: h))
        mouse(&h, .click, at)
        #expect(h.state.panel?.selected == 2)
        #expect(h.state.focus == .calculator)
        #expect(h.lines[at.row].contains("▸ " + third.label))
        // The keys go on from there.
        h.press(.character("j"))
        #expect(h.state.panel?.selected == 3)
    }

    @Test func aClickOnAParameterRowFarDownTheListSelectsTheOneDrawnThere() throws {
        // 27 parameters in a short pane: the rows shown scroll with the selection.
        var h = Harness(120, 30)
        h.open("monthly-bill")
        h.press(.tab)
        for _ in 0..<12 { h.press(.character("j")) }
        let calculator = try #require(h.state.layout.calculator)
        let parameters = try #require(h.state.panel?.visibleParameters)
        let onScreen = parameters.indices.filter { find(parameters[$0].label + "  ", in: calculator, of: h) != nil }
        #expect(onScreen.first ?? 0 > 0 && onScreen.last == 12)
        // The second row shown: a parameter above the selection, with one more on screen above it.
        let shown = try #require(onScreen.dropFirst().first)
        let at = try #require(find(parameters[shown].label + "  ", in: calculator, of: h))
        mouse(&h, .click, at)
        #expect(h.state.panel?.selected == shown)
        // The rows stay where they were: the clicked one is selected in its place.
        #expect(h.lines[at.row].contains("▸ " + parameters[shown].label))
        // k from there moves the selection up the rows on screen, not the rows.
        let top = try #require(find(parameters[shown - 1].label + "  ", in: calculator, of: h))
        h.press(.character("k"))
        #expect(h.lines[top.row].contains("▸ " + parameters[shown - 1].label))
    }

    @Test func aClickOnAClaimInTheCalculatorOpensTheClaimsViewAtThatClaim() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let calculator = try #require(h.state.layout.calculator)
        let claim = try #require(h.state.panel?.claimChecks[1].claim.text)
        let at = try #require(find(String(claim.prefix(20)), in: calculator, of: h))
        mouse(&h, .click, at)
        guard case let .claims(scroll) = h.state.overlay else { Issue.record("no claims view: \(String(describing: h.state.overlay))"); return }
        #expect(scroll > 0)
        // The claim is the first thing in the box.
        let box = try #require(h.state.scrollingOverlay?.frame(in: h.state.size))
        #expect(h.lines[box.y + 1].contains("2. " + claim.prefix(20)))
        // The claims view has no selection: a click in it changes nothing; the wheel scrolls it.
        let before = h.state
        mouse(&h, .click, centre(box))
        #expect(h.state == before)
        mouse(&h, .wheelUp, centre(box))
        #expect(h.state.overlay == .claims(scroll: max(0, scroll - 3)))
    }

    @Test func aClickOnTheLessonFocusesIt() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab)
        #expect(h.state.focus == .calculator)
        mouse(&h, .click, centre(try #require(h.state.layout.lesson)))
        #expect(h.state.focus == .lesson)
        // And anywhere on the calculator off its parameters and claims (here the selected
        // parameter's range) focuses the calculator, keeping the selection.
        let calculator = try #require(h.state.layout.calculator)
        mouse(&h, .click, try #require(find("steps 1-2-5", in: calculator, of: h)))
        #expect(h.state.overlay == nil)
        #expect(h.state.focus == .calculator)
        #expect(h.state.panel?.selected == 0)
    }

    @Test func clicksAndTheWheelOutsideEveryPaneDoNothing() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab)
        h.press(.character("j"))
        h.press(.character("Z"))
        let layout = h.state.layout
        let before = h.state
        #expect(before.notice != nil)
        let outside: [(column: Int, row: Int)] = [(5, layout.header.y), (60, layout.status.y), (10, layout.hints.y), (-1, -1), (120, 5), (5, 40),
                       (Int(Int32.max), Int(Int32.min))]
        for at in outside {
            for kind in [MouseEvent.Kind.click, .wheelUp, .wheelDown] {
                #expect(mouse(&h, kind, at).isEmpty)
                #expect(h.state == before, "\(kind) at \(at)")
            }
        }
    }

    @Test func aMouseEventWhileAValueIsTypedKeepsTheTypedText() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let calculator = try #require(h.state.layout.calculator)
        let lesson = try #require(h.state.layout.lesson)
        let third = try #require(h.state.panel?.visibleParameters[2])
        let row = try #require(find(third.label, in: calculator, of: h))
        h.press(.enter)
        h.press(.control("u"))
        h.type("25")
        let typing = h.state
        let events: [(MouseEvent.Kind, (column: Int, row: Int))] = [
            (.click, row), (.wheelDown, centre(lesson)), (.wheelUp, centre(calculator)), (.click, centre(lesson)), (.click, (3, 0)),
        ]
        for (kind, at) in events {
            mouse(&h, kind, at)
            #expect(h.state == typing)
        }
        h.press(.enter)
        #expect(h.state.panel?.inputs?["followers"] == 25)
        #expect(h.state.panel?.selected == 0)
    }

    @Test func aMouseEventWhileNotesAreWrittenKeepsThem() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.character("N"))
        h.type("push for most")
        let writing = h.state
        mouse(&h, .click, centre(try #require(h.state.layout.calculator)))
        mouse(&h, .wheelDown, centre(try #require(h.state.layout.lesson)))
        #expect(h.state == writing)
    }

    @Test func theWheelOverTheHelpScrollsItWithinItsLengthAndOutsideItDoesNothing() throws {
        var h = Harness(100, 24)
        h.press(.character("?"))
        let view = try #require(h.state.scrollingOverlay)
        let box = view.frame(in: h.state.size)
        let limit = view.maxScroll(in: h.state.size)
        #expect(limit > 3)
        mouse(&h, .wheelDown, centre(box))
        #expect(h.state.overlay == .help(scroll: 3))
        let before = h.state
        mouse(&h, .wheelDown, (box.x - 1, box.y))
        #expect(h.state == before)
        mouse(&h, .wheelDown, centre(box), times: limit)
        #expect(h.state.overlay == .help(scroll: limit))
        mouse(&h, .wheelUp, centre(box))
        #expect(h.state.overlay == .help(scroll: limit - 3))
        // The keys are bounded the same way: j past the end, then k moves back at once.
        h.press(.character(" "), .character(" "), .character(" "), .character(" "), .character(" "), .character(" "))
        #expect(h.state.overlay == .help(scroll: limit))
        h.press(.character("k"))
        #expect(h.state.overlay == .help(scroll: limit - 1))
    }

    @Test func aClickOnARowOfThePanelListSelectsThatPanelAndKeepsTheQuery() throws {
        var h = Harness(120, 40)
        h.press(.character("g"))
        h.type("a")
        guard case let .panelList(query, _) = h.state.overlay else { Issue.record("no panel list"); return }
        let matches = h.state.panelMatches(query.text)
        let target = matches[2]
        let at = try #require(find(h.state.pageTitle(target), in: Rect(size: h.state.size), of: h))
        mouse(&h, .click, at)
        #expect(h.state.overlay == .panelList(query: query, selection: target))
        mouse(&h, .wheelDown, at)
        #expect(h.state.overlay == .panelList(query: query, selection: matches[3]))
        mouse(&h, .wheelUp, at)
        h.press(.enter)
        #expect(h.state.current == target)
    }

    @Test func atEightyColumnsTheWheelScrollsTheOnePaneOnScreen() throws {
        var h = Harness(80, 24)
        h.open("monthly-bill")
        let lesson = try #require(h.state.layout.lesson)
        #expect(h.state.layout.calculator == nil)
        mouse(&h, .wheelDown, centre(lesson))
        #expect(h.state.panel?.lessonScroll == 3)
        h.press(.tab)
        let calculator = try #require(h.state.layout.calculator)
        mouse(&h, .wheelDown, centre(calculator))
        #expect(h.state.panel?.calculatorScroll == 3)
        #expect(h.state.panel?.lessonScroll == 3)
    }

    @Test func aScreenTooSmallToDrawIgnoresTheMouse() {
        var h = Harness(30, 8)
        let before = h.state
        mouse(&h, .click, (3, 3))
        mouse(&h, .wheelDown, (3, 3))
        #expect(h.state == before)
    }
}
