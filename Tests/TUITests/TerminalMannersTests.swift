import Calculators
import Testing
import Trainer
@testable import TUI

/// Smaller manners of a terminal tool: views page as less does, a hint says a key once,
/// ranges read in ASCII, the mouse is in the help, and a session that cannot autosave says so throughout.
@Suite struct TerminalMannersTests {
    @Test func theHelpPagesAsLessDoes() {
        var h = Harness(80, 24)
        h.press(.character("?"))
        let limit = h.state.scrollingOverlay?.maxScroll(in: h.state.size) ?? 0
        #expect(limit > 20)
        h.press(.character("f"))
        #expect(h.state.overlay == .help(scroll: 10))
        h.press(.control("d"))
        #expect(h.state.overlay == .help(scroll: 15))
        h.press(.control("u"))
        #expect(h.state.overlay == .help(scroll: 10))
        h.press(.character("G"))
        #expect(h.state.overlay == .help(scroll: limit))
        h.press(.character("k"))
        #expect(h.state.overlay == .help(scroll: limit - 1))
        h.press(.character("g"))
        #expect(h.state.overlay == .help(scroll: 0))
        h.press(.end)
        #expect(h.state.overlay == .help(scroll: limit))
        h.press(.home)
        #expect(h.state.overlay == .help(scroll: 0))
        // The panels stay where they were: g and G belong to the view.
        #expect(h.state.current == 0)
    }

    @Test func aViewThatClosesWithQOrEscSaysSoOnce() {
        var h = Harness(80, 24)
        h.press(.character("?"))
        #expect(h.lines[23].hasPrefix(" ? help  q/Esc close  j/k scroll"))
        #expect(!h.lines[23].contains("  Esc close"))
        h.press(.escape, .character("N"))
        #expect(h.lines[23].hasPrefix(" Esc close"))
    }

    @Test func inASCIIARangeReadsTwoDots() {
        var h = Harness(80, 24, display: DisplayOptions(unicode: false, color: false))
        h.open("fanout-one-author")
        h.press(.tab)
        #expect(h.text.contains("1 .. 1B followers"))
        #expect(!h.text.contains("1 . 1B"))
        var u = Harness(80, 24)
        u.open("fanout-one-author")
        u.press(.tab)
        #expect(u.text.contains("1 … 1B followers"))
    }

    @Test func theHelpSaysWhatTheMouseDoes() {
        var h = Harness(160, 60)
        h.press(.character("?"))
        h.press(.character("G"))
        #expect(h.text.contains("Mouse"))
        #expect(h.text.contains("wheel          scroll the pane or the view under the pointer"))
        #expect(h.text.contains("--no-mouse     start without it"))
    }

    @Test func anotherTrainerRunningIsInTheHeaderAllSession() {
        var h = Harness(120, 40)
        _ = h.state.update(.started(saved: .none, lockHeld: false, resume: false, practice: false, wallClock: 1_700_000_000))
        #expect(h.lines[0].contains("not autosaving: another trainer runs"))
        // The notice goes with the next key; the header keeps saying it.
        h.press(.character("n"), .character("n"), .character("t"))
        #expect(h.state.notice?.text.hasPrefix("Another") != true)
        #expect(h.lines[0].contains("not autosaving: another trainer runs"))
        var held = Harness(120, 40)
        _ = held.state.update(.started(saved: .none, lockHeld: true, resume: false, practice: false, wallClock: 1_700_000_000))
        #expect(!held.lines[0].contains("not autosaving"))
    }

    @Test func theEstimatePromptSaysTheUnitOfTheAnswerInWords() {
        var h = Harness(120, 40)
        h.open("db-write-headroom")
        h.press(.character("e"))
        #expect(h.lines[38].hasPrefix(" Guess in years: "))
    }

    @Test func aChartsPeakNamesItsUnit() {
        var h = Harness(200, 60)
        h.open("fanout-population")
        #expect(h.text.contains("cost over threshold  (") && h.text.contains(" ops/s max)"))
    }

    @Test func aRankClaimReadsAsAPlace() {
        var h = Harness(120, 40)
        h.open("monthly-bill")
        h.press(.character("c"), .character("G"))
        #expect(h.text.contains("board 1st  computed 2nd"))
    }

    @Test func tabInTheNotesIndentsToTheNextStop() {
        var h = Harness(80, 24)
        h.press(.character("N"))
        h.press(.tab)
        h.type("a")
        h.press(.tab)
        h.type("b")
        guard case let .notes(editor) = h.state.overlay else { Issue.record("the notes editor closed on Tab"); return }
        #expect(editor.text == "    a   b")
        #expect(h.state.focus == .lesson)
    }

    /// N, R and W act only in quorum mode: elsewhere they stay on screen, dimmed, with
    /// the mode they apply in; in quorum mode they are ordinary parameters. Claims about
    /// AP read while the panel runs CP say so before any verdict.
    @Test func modeOnlyParametersAreDimmedAndClaimsNameTheMode() throws {
        var h = Harness(120, 40)
        h.open("cap-partition")
        let row = try #require(h.lines.firstIndex { $0.contains("applies in quorum mode: replicas N 3 replicas") })
        let col = try #require(h.lines[row].range(of: "applies")).lowerBound
        let x = TextWidth.columns(of: String(h.lines[row][..<col]))
        #expect(h.grid[x, row].style == Style(color: .muted))

        h.press(.tab, .character("+"))
        #expect(h.state.panel?.inputs?.choice("mode", as: Partition.Mode.self) == .cp)
        #expect(h.text.contains("applies in quorum mode"))
        h.press(.character("c"))
        #expect(h.text.contains("The panel is in CP mode; the board's claims are about AP mode"))

        h.press(.escape, .character("+"))
        #expect(h.state.panel?.inputs?.choice("mode", as: Partition.Mode.self) == .quorum)
        #expect(!h.text.contains("applies in quorum mode"))
        let panel = try #require(h.state.panel), inputs = try #require(panel.inputs)
        let visible = Set(panel.calculator?.visibleParameters(inputs).map(\.key) ?? [])
        #expect(visible.isSuperset(of: ["replicas", "read_quorum", "write_quorum", "quorum"]))
    }

    /// Every key name fits the help's key column with room to spare: none is pushed
    /// onto a line of its own at the help's usual width.
    @Test func theHelpKeyColumnFitsItsLongestEntry() {
        let width = 74
        let column = HelpOverlay.keyColumn(width: width)
        let longest = (Keymap.bindings.map(\.keyNames) + HelpOverlay.mouse.map(\.0)).map(TextWidth.columns(of:)).max() ?? 0
        #expect(column == longest + 2)
        let lines = HelpOverlay(theme: Theme(DisplayOptions())).groups(width: width).flatMap { $0 }.map { $0.spans.map(\.text).joined() }
        for binding in Keymap.bindings {
            #expect(lines.contains { $0.hasPrefix(binding.keyNames + String(repeating: " ", count: column - TextWidth.columns(of: binding.keyNames))) && $0.count > column },
                    "\(binding.keyNames) is not beside its help")
        }
    }
}
