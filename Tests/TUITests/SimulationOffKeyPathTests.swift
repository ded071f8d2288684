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

/// Loading the deck in a terminal runs no simulation on the main thread: each one's
/// first run is handed off once, a panel shown before it is back makes its own, and
/// what it settles on is what loading in place computes.
@Suite struct DeckLoadOffKeyPathTests {
    static let simulations = ["cap-partition", "cap-staleness", "database-failover"]

    static func awaiting(_ state: AppState) -> [String] {
        state.panels.filter(\.awaitingFirstRun).map(\.lesson.id)
    }

    @Test func theSimulationsWaitAndAreAskedForOnceEach() throws {
        var off = SimulationOffKeyPathTests.harness(offKeyPath: true)
        #expect(Self.awaiting(off.state) == Self.simulations)
        for p in off.state.panels where p.awaitingFirstRun {
            #expect(p.output == nil)
            #expect(p.inputs == p.startingInputs)
            #expect(p.estimateTruths.allSatisfy { $0 == nil })
        }
        let asked = SimulationOffKeyPathTests.runs(off.press(.character("j")))
        #expect(asked.map(\.0) == Self.simulations)
        #expect(SimulationOffKeyPathTests.runs(off.press(.character("k"))).isEmpty)
        for (lesson, request) in asked {
            _ = off.state.update(.evaluated(lesson: lesson, try #require(request.run())))
        }
        #expect(Self.awaiting(off.state).isEmpty)
        let inPlace = SimulationOffKeyPathTests.harness(offKeyPath: false)
        for id in Self.simulations {
            let a = try #require(off.state.panels.first { $0.lesson.id == id })
            let b = try #require(inPlace.state.panels.first { $0.lesson.id == id })
            #expect(a.output == b.output)
            #expect(a.claimChecks == b.claimChecks)
            #expect(a.giveAways == b.giveAways)
            #expect(a.estimateTruths == b.estimateTruths)
            #expect(a.estimateTruths == a.lesson.estimateTruths())
        }
    }

    @Test(arguments: DeckLoadOffKeyPathTests.simulations)
    func aPanelShownBeforeItsRunIsBackMakesItsOwn(_ id: String) throws {
        var off = SimulationOffKeyPathTests.harness(offKeyPath: true)
        var inPlace = SimulationOffKeyPathTests.harness(offKeyPath: false)
        let asked = SimulationOffKeyPathTests.runs(off.state.update(.ticked(at: 1)))
        off.open(id)
        inPlace.open(id)
        #expect(off.state.panel?.awaitingFirstRun == false)
        #expect(off.state.panel?.output == inPlace.state.panel?.output)
        #expect(off.text == inPlace.text)
        // Its run from the load, arriving late, changes nothing.
        let before = off.state
        for (lesson, request) in asked where lesson == id {
            _ = off.state.update(.evaluated(lesson: lesson, try #require(request.run())))
        }
        #expect(off.state.panel == before.panel)
        #expect(off.text == inPlace.text)
    }

    /// The deck as the trainer loads it behind the first frame: the first lesson, then the rest.
    static func loadedBehindTheFirstFrame(size: Size = Size(cols: 120, rows: 40)) -> (AppState, [Effect]) {
        let first = LessonLibrary(lessons: Array(Harness.bundled.lessons.prefix(1)))
        var state = AppState(library: first, size: size, simulationsOffKeyPath: true)
        let effects = state.update(.lessonsLoaded(Harness.bundled))
        return (state, effects)
    }

    @Test func theRestOfTheDeckArrivesWithoutRunningAModel() throws {
        let (state, effects) = Self.loadedBehindTheFirstFrame()
        let first = Harness.bundled.lessons[0].id
        let models = state.panels.filter { $0.calculator != nil && !$0.isScenario && $0.lesson.id != first }.map(\.lesson.id)
        #expect(models.count > Self.simulations.count)
        #expect(SimulationOffKeyPathTests.runs(effects).map(\.0) == models)
        #expect(Self.awaiting(state) == models)
        for p in state.panels where p.awaitingFirstRun {
            #expect(p.output == nil && p.claimChecks.isEmpty && p.giveAways.isEmpty)
        }
    }

    @Test func theDeckSettlesOnWhatLoadingInPlaceComputes() throws {
        var (off, effects) = Self.loadedBehindTheFirstFrame()
        for (lesson, request) in SimulationOffKeyPathTests.runs(effects) {
            _ = off.update(.evaluated(lesson: lesson, try #require(request.run())))
        }
        #expect(Self.awaiting(off).isEmpty)
        let inPlace = AppState(library: Harness.bundled, size: Size(cols: 120, rows: 40))
        for b in inPlace.panels {
            let a = try #require(off.panels.first { $0.lesson.id == b.lesson.id })
            #expect(a.output == b.output, "\(b.lesson.id)")
            #expect(a.claimChecks == b.claimChecks, "\(b.lesson.id)")
            #expect(a.giveAways == b.giveAways, "\(b.lesson.id)")
            #expect(a.estimateTruths == b.estimateTruths, "\(b.lesson.id)")
        }
    }

    @Test(arguments: ["fanout-one-author", "cache-memory", "monthly-bill", "cap-staleness"])
    func aPanelOpenedBeforeItsRunIsBackDrawsAsLoadedInPlace(_ id: String) throws {
        var (off, effects) = Self.loadedBehindTheFirstFrame(size: Size(cols: 200, rows: 60))
        var inPlace = Harness(200, 60)
        let i = try #require(off.panels.firstIndex { $0.lesson.id == id })
        #expect(off.panels[i].awaitingFirstRun)
        _ = off.update(.goToPanel(i))
        inPlace.open(id)
        #expect(off.panel?.awaitingFirstRun == false)
        #expect(Screen.render(off).text == inPlace.text)
        // Its run from the load, arriving late, changes nothing.
        let before = off.panel
        for (lesson, request) in SimulationOffKeyPathTests.runs(effects) where lesson == id {
            _ = off.update(.evaluated(lesson: lesson, try #require(request.run())))
        }
        #expect(off.panel == before)
        #expect(Screen.render(off).text == inPlace.text)
    }

    @Test func answersAreKnownFromTheRunEvenWhenTheValuesMovedFromTheStart() throws {
        var off = SimulationOffKeyPathTests.harness(offKeyPath: true)
        var session = off.state.session
        let lesson = try #require(off.state.panels.first { $0.lesson.id == "cap-staleness" }?.lesson)
        let key = try #require(off.state.panels.first { $0.lesson.id == "cap-staleness" }?.visibleParameters.first?.key)
        let start = try #require(lesson.startingInputs())
        session[lesson: lesson.id].parameters = [key: start[key] + 1]
        off.state.restore(session)
        let asked = SimulationOffKeyPathTests.runs(off.state.update(.ticked(at: 1)))
        let run = try #require(asked.first { $0.0 == lesson.id }?.1)
        #expect(run.inputs != start)
        #expect(run.startInputs == start)
        _ = off.state.update(.evaluated(lesson: lesson.id, try #require(run.run())))
        let panel = try #require(off.state.panels.first { $0.lesson.id == lesson.id })
        #expect(panel.estimateTruths == lesson.estimateTruths())
        #expect(panel.estimateTruths.allSatisfy { $0 != nil })
    }
}

@Suite struct SearchTextTests {
    @Test func lowercasedAsTheStandardLibraryDoes() {
        for lesson in Harness.bundled.lessons {
            var texts = lesson.estimates.map(\.question) + lesson.checklist.map(\.text) + [lesson.title]
            for block in lesson.body {
                switch block {
                case let .heading(_, text), let .paragraph(text): texts.append(text)
                case let .list(items), let .code(items): texts += items
                }
            }
            for text in texts { #expect(PanelState.lowercased(text) == text.lowercased(), "\(lesson.id): \(text)") }
        }
        for s in ["", "ABC xyz", "İstanbul ΣΑΣ Straße", "→ Ünïcödé ÀÉÎ", "漢字 🚀 👩‍💻 🇫🇷", "e\u{301} A\u{30A}", "ǅ ǈ ǋ Ⅻ ⓐⒶ"] {
            #expect(PanelState.lowercased(s) == s.lowercased(), "\(s)")
        }
    }
}
