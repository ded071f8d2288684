import Calculators
import Testing
import Trainer
@testable import TUI

/// Widgets drawn alone at several widths and compared with the lines a person
/// would see: the chart, the results table and list, the lesson text. Each is
/// drawn into a grid of that width, so anything past the edge is cut as on screen.
@Suite struct WidgetTests {
    let theme = Theme(DisplayOptions())

    /// The lines drawn into a grid `width` columns wide, trailing spaces trimmed.
    func drawn(_ lines: [Line], width: Int) -> [String] {
        var grid = Grid(size: Size(cols: width, rows: max(1, lines.count)))
        let clip = Rect(x: 0, y: 0, width: width, height: lines.count)
        for (y, line) in lines.enumerated() { line.draw(on: &grid, x: 0, y: y, clip: clip) }
        return lines.isEmpty ? [] : grid.lines
    }

    // MARK: ChartView

    let writeTime = Chart.bars(title: "write time", bars: [
        .init("push", Quantity(100, .seconds)), .init("hybrid", Quantity(1, .seconds), highlighted: true),
        .init("pull", Quantity(10, .milliseconds)),
    ])

    @Test func barsShareOneScaleAtEveryWidth() {
        #expect(drawn(ChartView(chart: writeTime, theme: theme).lines(width: 30, maxHeight: 10), width: 30) == [
            "write time",
            "push   ████████████████ 100 s",
            "hybrid ▏                1 s",
            "pull   █▋               10 ms",
        ])
        #expect(drawn(ChartView(chart: writeTime, theme: theme).lines(width: 50, maxHeight: 10), width: 50) == [
            "write time",
            "push   ████████████████████████████████████ 100 s",
            "hybrid ▍                                    1 s",
            "pull   ███▋                                 10 ms",
        ])
        #expect(drawn(ChartView(chart: writeTime, theme: theme).lines(width: 80, maxHeight: 10), width: 80) == [
            "write time",
            "push   ██████████████████████████████████████████████████████████████████ 100 s",
            "hybrid ▋                                                                  1 s",
            "pull   ██████▋                                                            10 ms",
        ])
    }

    @Test func barsThatDoNotFitAreCountedNotDrawn() {
        #expect(drawn(ChartView(chart: writeTime, theme: theme).lines(width: 50, maxHeight: 3), width: 50) == [
            "write time",
            "push ██████████████████████████████████████ 100 s",
            "  … 2 more rows (a taller window shows them)",
        ])
    }

    static let failing = Chart.State("failing", .failed, .denseShade), closed = Chart.State("closed", .ok, .dots)
    static let open = Chart.State("open", .failed, .solid), halfOpen = Chart.State("half-open", .degraded, .mediumShade)
    let breaker = Chart.timeline(title: "breaker state", duration: 180, lanes: [
        .init("burst", [.init(10, 40, failing)]),
        .init("breaker", [.init(0, 15, closed), .init(15, 75, open), .init(75, 76, halfOpen), .init(76, 180, closed)]),
    ])

    @Test func aTimelineScalesItsLanesToTheWidth() {
        // At 30 columns one column is over 8 s: the 1 s half-open state falls between columns.
        #expect(drawn(ChartView(chart: breaker, theme: theme).lines(width: 30, maxHeight: 10), width: 30) == [
            "breaker state over 3 min",
            "burst    ▓▓▓▓",
            "breaker ··███████·············",
            "▓ failing  · closed  █ open",
        ])
        #expect(drawn(ChartView(chart: breaker, theme: theme).lines(width: 50, maxHeight: 10), width: 50) == [
            "breaker state over 3 min",
            "burst     ▓▓▓▓▓▓▓",
            "breaker ···██████████████▒························",
            "▓ failing  · closed  █ open  ▒ half-open",
        ])
        #expect(drawn(ChartView(chart: breaker, theme: theme).lines(width: 80, maxHeight: 10), width: 80) == [
            "breaker state over 3 min",
            "burst       ▓▓▓▓▓▓▓▓▓▓▓▓",
            "breaker ······████████████████████████··········································",
            "▓ failing  · closed  █ open",
        ])
    }

    // MARK: ResultsLayout

    let fanout = FanOut().evaluate(FanOut().defaults)

    @Test func theResultsTableAppearsWhereItFits() {
        let layout = ResultsLayout(fanout)
        #expect(drawn(layout.lines(width: 80, listWidth: 30, theme: theme), width: 80) == [
            "                  writes  write time  read time  storage",
            "push    1,000,000 writes       100 s      50 ms     8 MB",
            "pull             1 write       10 ms     500 ms      8 B",
            "hybrid     10,000 writes         1 s     100 ms    80 KB",
            "hybrid: fewer writes      100×",
            "hybrid: less storage      100×",
            "hybrid: slower reads        2×",
            "recommended               pull",
        ])
        // Narrower than the table: no table, every result listed.
        #expect(ResultsLayout.tableLines(layout.tables[0], width: 55, theme: theme) == nil)
        #expect(drawn(layout.lines(width: 55, listWidth: 30, theme: theme), width: 55).prefix(3) == [
            "push writes    1,000,000 writes",
            "push write t…            100 s",
            "push read                50 ms",
        ])
        #expect(layout.lines(width: 55, listWidth: 30, theme: theme).count == fanout.results.count)
    }

    @Test func aTableOfOneRowIsListed() {
        let one = DebtPrioritizer().evaluate(try! DebtPrioritizer().inputs(setting: ["items": 1]))
        #expect(one.tables.map(\.rows.count) == [1])
        #expect(ResultsLayout(one).lines(width: 100, listWidth: 100, theme: theme).count == one.results.count)
        let two = DebtPrioritizer().evaluate(try! DebtPrioritizer().inputs(setting: ["items": 2]))
        let drawnTwo = drawn(ResultsLayout(two).lines(width: 100, listWidth: 40, theme: theme), width: 100)
        #expect(drawnTwo.first?.hasSuffix("priority  rank  wsjf  wsjf #        rice  rice #") == true)
        #expect(drawnTwo.count == 3 + 1)
    }

    @Test func theResultsListRightAlignsValuesToTheWidth() {
        let table = Set(fanout.tables.flatMap(\.keys))
        let list = fanout.results.filter { !table.contains($0.key) }
        #expect(drawn(ResultsLayout.listLines(list, width: 30, theme: theme), width: 30) == [
            "hybrid: fewer writes      100×",
            "hybrid: less storage      100×",
            "hybrid: slower reads        2×",
            "recommended               pull",
        ])
        #expect(drawn(ResultsLayout.listLines(list, width: 50, theme: theme), width: 50) == [
            "hybrid: fewer writes                          100×",
            "hybrid: less storage                          100×",
            "hybrid: slower reads                            2×",
            "recommended                                   pull",
        ])
        // An undefined result says n/a, in the same column.
        let none = FanOut().evaluate(try! FanOut().inputs(setting: ["active_percent": 0]))
        let saving = none.results.filter { $0.key.hasSuffix("_saving") }
        #expect(drawn(ResultsLayout.listLines(saving, width: 30, theme: theme), width: 30) == [
            "hybrid: fewer writes       n/a",
            "hybrid: less storage       n/a",
        ])
    }

    // MARK: LessonPane

    let lesson = LessonParser.parse(file: "demo.md", text: """
        ---
        id: demo
        minutes: "42-44"
        title: Demo
        prompts:
          short: "When would you switch an account from push to pull?"
        checklist:
          - "names the threshold"
          - "says what breaks first"
        ---
        # Fan-out

        Pushing a post from an account with a million followers means a million feed writes.

        - push: write to every follower
        - pull: merge when read

        ```
        push ──▶ each follower's feed, one by one
        ```
        """).lesson!

    @Test func theLessonWrapsTextAndCutsDiagramsAt30Columns() {
        #expect(drawn(LessonPane(lesson: lesson, theme: theme).lines(width: 30), width: 30) == [
            "FAN-OUT",
            "Pushing a post from an account",
            "with a million followers means",
            "a million feed writes.",
            "",
            "· push: write to every",
            "  follower",
            "· pull: merge when read",
            "",
            "push ──▶ each follower's feed,",
            "",
            "",
            "PRACTISE",
            "Say it (30 s): When would you",
            "switch an account from push to",
            "pull?",
            "",
            "A strong answer names (1–2 to",
            "tick):",
            "☐ 1 names the threshold",
            "☐ 2 says what breaks first",
            "",
            "Your notes  (N to write)",
        ])
    }

    @Test func theLessonAt50And80Columns() {
        #expect(drawn(LessonPane(lesson: lesson, theme: theme).lines(width: 50), width: 50) == [
            "FAN-OUT",
            "Pushing a post from an account with a million",
            "followers means a million feed writes.",
            "",
            "· push: write to every follower",
            "· pull: merge when read",
            "",
            "push ──▶ each follower's feed, one by one",
            "",
            "",
            "PRACTISE",
            "Say it (30 s): When would you switch an account",
            "from push to pull?",
            "",
            "A strong answer names (1–2 to tick):",
            "☐ 1 names the threshold",
            "☐ 2 says what breaks first",
            "",
            "Your notes  (N to write)",
        ])
        #expect(drawn(LessonPane(lesson: lesson, theme: theme).lines(width: 80), width: 80) == [
            "FAN-OUT",
            "Pushing a post from an account with a million followers means a million feed",
            "writes.",
            "",
            "· push: write to every follower",
            "· pull: merge when read",
            "",
            "push ──▶ each follower's feed, one by one",
            "",
            "",
            "PRACTISE",
            "Say it (30 s): When would you switch an account from push to pull?",
            "",
            "A strong answer names (1–2 to tick):",
            "☐ 1 names the threshold",
            "☐ 2 says what breaks first",
            "",
            "Your notes  (N to write)",
        ])
    }

    let estimating = LessonParser.parse(file: "estimate.md", text: """
        ---
        id: estimate
        minutes: "42-44"
        title: Estimate
        calculator: fanout
        estimate:
          result: push.write_time
          question: "How long does one push take?"
        ---
        Push it.
        """).lesson!

    /// The estimate's lines are said in full at any width: wrapped, never cut.
    @Test func theEstimateLinesWrapAtThePaneEdge() {
        let pane = LessonPane(lesson: estimating, theme: theme)
        let truth = try! #require(estimating.estimateTruth())
        #expect(drawn(pane.lines(width: 30), width: 30) == [
            "Push it.",
            "",
            "Estimate first:",
            "How long does one push take?",
            "press e to answer before the",
            "calculator shows it (v",
            "reveals: a miss)",
            "",
            "",
            "Your notes  (N to write)",
        ])
        var guessed = pane
        guessed.record[guess: 0].value = 90
        guessed.truths = [truth]
        let guess = guessed.lines(width: 24)
        #expect(drawn(Array(guess[5...6]), width: 24) == ["Your guess: 90 s · e", "revises · v reveals"])
        // Each piece keeps its style across the break.
        #expect(guess[5].spans.map(\.style) == [.bold, theme.muted])
        #expect(guess[6].spans.map(\.style) == [theme.muted])
        var revealed = guessed
        revealed.outcomes = [EstimateOutcome(guess: 90, truth: truth)]
        #expect(drawn(Array(revealed.lines(width: 24)[5...6]), width: 24) == ["You said 90 s; it is 100", "s (good)"])
        // Wide enough, one line, styled as before.
        #expect(guessed.lines(width: 60)[4]
            == Line("Your guess: 90 s", .bold).appending(" · e revises · v reveals", theme.muted))
    }
}
