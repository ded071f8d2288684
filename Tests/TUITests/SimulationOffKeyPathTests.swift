import Calculators
import Testing
import Trainer
@testable import TUI

/// In a terminal, a simulation's run after a change is handed off the keystroke
/// path: the key shows at once, the pane says it is updating, and the screen it
/// settles on is the one `update` computes in place (as tests and headless commands do).
@Suite struct SimulationOffKeyPathTests {
    static func harness(offKeyPath: Bool) -> Harness {
        var h = Harness(200, 60)
        h.state = AppState(library: Harness.bundled, size: Size(cols: 200, rows: 60), simulationsOffKeyPath: offKeyPath)
        return h
    }

    static func runs(_ effects: [Effect]) -> [(String, PanelEvaluation)] {
        effects.compactMap { if case let .evaluate(lesson, request) = $0 { (lesson, request) } else { nil } }
    }

    @Test(arguments: ["cap-staleness", "cap-partition", "database-failover"])
    func aStepShowsAtOnceAndSettlesOnTheScreenComputedInPlace(_ id: String) throws {
        var off = Self.harness(offKeyPath: true), inPlace = Self.harness(offKeyPath: false)
        off.open(id)
        inPlace.open(id)
        #expect(Self.runs(off.press(.tab)).isEmpty)
        inPlace.press(.tab)
        #expect(Self.runs(off.press(.character("+"))).count == 1)
        inPlace.press(.character("+"))
        // The + handed its run off: the value moved, the output is still the one before.
        let before = try #require(Self.harness(offKeyPath: false).state.panels.first { $0.lesson.id == id })
        let pending = try #require(off.state.panel)
        #expect(pending.inputs == inPlace.state.panel?.inputs)
        #expect(pending.evaluating == pending.inputs)
        #expect(pending.output == before.output)
        #expect(off.state.analysisPending)
        #expect(off.state.wakeDelay() <= 0.03)
        #expect(off.text.contains("Updating: the simulation runs off the keystroke path"))
        #expect(!inPlace.text.contains("Updating"))
        // The run comes back as a message; the screen is then the one computed in place.
        let sent = Self.runs(off.press(.character("-"), .character("+")))
        #expect(sent.count == 2)
        for (lesson, request) in sent {
            _ = off.state.update(.evaluated(lesson: lesson, try #require(request.run())))
        }
        #expect(off.state.panel?.evaluating == nil)
        #expect(!off.state.analysisPending)
        _ = inPlace.press(.character("-"), .character("+"))
        #expect(off.state.panel?.output == inPlace.state.panel?.output)
        #expect(off.state.panel?.claimChecks == inPlace.state.panel?.claimChecks)
        #expect(off.text == inPlace.text)
    }

    @Test func aRunForValuesSinceChangedIsDropped() throws {
        var h = Self.harness(offKeyPath: true)
        h.open("cap-staleness")
        h.press(.tab)
        let first = try #require(Self.runs(h.press(.character("+"))).first)
        let second = try #require(Self.runs(h.press(.character("+"))).first)
        _ = h.state.update(.evaluated(lesson: first.0, try #require(first.1.run())))
        #expect(h.state.panel?.evaluating == second.1.inputs)
        _ = h.state.update(.evaluated(lesson: second.0, try #require(second.1.run())))
        #expect(h.state.panel?.evaluating == nil)
        #expect(h.state.panel?.output == Staleness().evaluate(second.1.inputs))
    }

    @Test func modelsThatAreNotSimulationsStillRunInUpdate() throws {
        var h = Self.harness(offKeyPath: true)
        h.open("fanout-one-author")
        #expect(Self.runs(h.press(.tab, .character("+"))).isEmpty)
        #expect(h.state.panel?.evaluating == nil)
    }
}
