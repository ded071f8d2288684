import Calculators
import Testing
import Trainer
@testable import TUI

/// `s` (tornado and break-evens), `[`/`]` (which result) and `=` (solve) in the trainer.
@Suite struct SensitivityKeysTests {
    @Test func sOpensTheTornadoOfTheChosenResultComputedInUpdate() throws {
        var h = Harness(120, 40)
        h.open("storage-tiers")
        h.press(.tab)
        let effects = h.press(.character("s"))
        #expect(h.state.overlay == .sensitivity(scroll: 0))
        #expect(!effects.contains { if case .analyse = $0 { true } else { false } })
        let panel = try #require(h.state.panel)
        // The estimate's result is the panel's headline.
        #expect(panel.analysis.result == "savings.percent")
        let request = try #require(panel.tornadoRequest("savings.percent"))
        let tornado = try #require(panel.analysis[request]?.tornado)
        let direct = try Sensitivity.tornado(StorageTiers(), #require(panel.inputs), result: "savings.percent")
        #expect(tornado == direct)
        let evens = try #require(panel.breakEvenRequest.flatMap { panel.analysis[$0]?.breakEvens })
        #expect(evens.decisions.map(\.key) == ["cheaper"])
        let text = h.text
        #expect(text.contains("Sensitivity"))
        #expect(text.contains(tornado.bars[0].parameter.label))
        #expect(text.contains("Where the decisions flip"))
        #expect(text.contains("cheaper storage: tiered now"))
        #expect(text.contains("does not flip in range"))
        // s again (or Esc) closes it.
        h.press(.character("s"))
        #expect(h.state.overlay == nil)
    }

    @Test func theAnalysisIsCachedUntilAValueChanges() throws {
        var h = Harness(120, 40)
        h.open("storage-tiers")
        h.press(.tab, .character("s"), .escape)
        let before = try #require(h.state.panel)
        let oldRequest = try #require(before.tornadoRequest("savings.percent"))
        #expect(before.analysis[oldRequest] != nil)
        h.press(.character("s"), .escape)
        #expect(h.state.panel?.analysis == before.analysis)
        // A changed value drops what was computed for the old one.
        h.press(.character("+"))
        #expect(h.state.panel?.analysis[oldRequest] == nil)
        h.press(.character("s"))
        let after = try #require(h.state.panel)
        let newRequest = try #require(after.tornadoRequest("savings.percent"))
        #expect(newRequest != oldRequest)
        #expect(after.analysis[newRequest]?.tornado != nil)
    }

    @Test func bracketsChooseTheResultForSAndEquals() throws {
        var h = Harness(120, 40)
        h.open("cache-memory")
        h.press(.tab)
        #expect(h.state.panel?.chosenResult(hiding: HiddenResults())?.key == "lru.hit_rate")
        h.press(.character("["))
        #expect(h.state.panel?.analysis.result == "lfu.hit_rate")
        #expect(h.state.notice?.text.hasPrefix("Result for s and =: hit rate, LFU") == true)
        h.press(.character("s"))
        #expect(h.text.contains("hit rate, LFU (top M) (lfu.hit_rate)"))
        h.press(.character("]"))
        #expect(h.state.panel?.analysis.result == "lru.hit_rate")
        #expect(h.text.contains("(lru.hit_rate)"))
    }

    @Test func equalsSolvesForAParameterAndUndoTakesItBack() throws {
        var h = Harness(120, 40)
        h.open("cache-memory")
        h.press(.tab, .character("j"), .character("j"))
        #expect(h.state.panel?.selectedParameter?.key == "alpha")
        // The lesson starts at the skew where 20 % of items take 80 % of reads (α ≈ 0.874).
        let start = try #require(h.state.panel?.inputs?["alpha"])
        #expect(abs(start - 0.874) < 0.001)
        h.press(.character("["))
        h.press(.character("="))
        guard case let .solve(entry) = h.state.overlay else { Issue.record("no solve line"); return }
        #expect(entry.result == "lfu.hit_rate")
        #expect(entry.parameter == "alpha")
        #expect(h.text.contains("solve for Zipf α (0 … 3)"))
        h.type("90")
        h.press(.enter)
        #expect(h.state.overlay == nil)
        let alpha = try #require(h.state.panel?.inputs?["alpha"])
        #expect(alpha > start + 0.01)
        let hit = try #require(h.state.panel?.output?.value("lfu.hit_rate"))
        #expect(abs(hit - 90) < 0.01)
        #expect(h.state.notice?.text.contains("u undoes") == true)
        h.press(.character("u"))
        #expect(h.state.panel?.inputs?["alpha"] == start)
    }

    @Test func equalsWithNoSolutionInRangeSaysSoAndChangesNothing() throws {
        var h = Harness(120, 40)
        h.open("cache-memory")
        h.press(.tab, .character("j"), .character("j"), .character("["), .character("="))
        h.type("101")
        h.press(.enter)
        #expect(h.state.notice?.kind == .error)
        #expect(h.state.notice?.text.hasPrefix("no alpha in 0 … 3 gives lfu.hit_rate = 101 %") == true)
        #expect(abs((h.state.panel?.inputs?["alpha"] ?? 0) - 0.874) < 0.001)
        #expect(h.state.panel?.isChanged == false)
    }

    @Test func aBadTargetKeepsTheLineOpenAndUpDownChooseTheInput() throws {
        var h = Harness(120, 40)
        h.open("cache-memory")
        h.press(.tab, .character("="))
        guard case let .solve(first) = h.state.overlay else { Issue.record("no solve line"); return }
        #expect(first.parameter == "items")
        h.press(.down)
        guard case let .solve(second) = h.state.overlay else { Issue.record("no solve line"); return }
        #expect(second.parameter == "cached")
        h.type("lots")
        h.press(.enter)
        #expect(h.state.notice?.kind == .error)
        guard case .solve = h.state.overlay else { Issue.record("the line closed on a bad target"); return }
        h.press(.escape)
        #expect(h.state.overlay == nil)
    }

    @Test func simulationsAreAnalysedOffTheKeyPathAndStaleRepliesAreDropped() throws {
        var h = Harness(120, 40)
        h.open("cap-staleness")
        h.press(.tab)
        let effects = h.press(.character("s"))
        let requests = effects.compactMap { effect -> (String, Sensitivity.Request)? in
            if case let .analyse(lesson, request) = effect { (lesson, request) } else { nil }
        }
        #expect(requests.count >= 1)
        #expect(h.state.analysisPending)
        #expect(h.state.wakeDelay() <= 0.03)
        #expect(h.text.contains("Updating: the simulation runs off the keystroke path"))
        // Pressing s again while it runs asks nothing twice.
        h.press(.escape)
        #expect(!h.press(.character("s")).contains { if case .analyse = $0 { true } else { false } })
        for (lesson, request) in requests {
            _ = h.state.update(.analysed(lesson: lesson, Sensitivity.run(request)))
        }
        #expect(!h.state.analysisPending)
        let panel = try #require(h.state.panel)
        let result = try #require(panel.chosenResult(hiding: HiddenResults()))
        #expect(panel.tornadoRequest(result.key).flatMap { panel.analysis[$0]?.tornado } != nil)
        #expect(!h.text.contains("Updating"))
        // A reply for values no longer in force is dropped.
        h.press(.escape, .character("+"))
        let stale = try #require(requests.first)
        _ = h.state.update(.analysed(lesson: stale.0, Sensitivity.run(stale.1)))
        #expect(h.state.panel?.analysis[stale.1] == nil)
    }

    @Test func aSolveOfASimulationSetsTheValueWhenItArrivesAndUndoesLikeAnyChange() throws {
        var h = Harness(120, 40)
        h.open("cap-staleness")
        h.press(.tab)
        let start = try #require(h.state.panel?.inputs)
        let key = "t_ms"
        let index = try #require(h.state.panel?.visibleParameters.firstIndex { $0.key == key })
        for _ in 0..<index { h.press(.character("j")) }
        // The panel's first estimate (t_999_ms) does not move with t: solve the share consistent at t.
        let results = h.state.panel?.output?.results.count ?? 0
        for _ in 0..<results where h.state.panel?.chosenResult(hiding: h.state.hiddenResults)?.key != "consistent_percent" {
            h.press(.character("]"))
        }
        #expect(h.state.panel?.chosenResult(hiding: h.state.hiddenResults)?.key == "consistent_percent")
        h.press(.character("="))
        guard case let .solve(entry) = h.state.overlay else { Issue.record("no solve line"); return }
        #expect(entry.parameter == key && entry.result == "consistent_percent")
        let result = try #require(h.state.panel?.output?[entry.result])
        // Halfway between now and 100 %: reachable by waiting longer after the write.
        let target = (result.quantity.value + 100) / 2
        h.type(Format.significant(target, digits: 4))
        let effects = h.press(.enter)
        let pending = effects.compactMap { effect -> (String, Sensitivity.Request)? in
            if case let .analyse(lesson, request) = effect { (lesson, request) } else { nil }
        }
        #expect(pending.count == 1)
        #expect(h.state.panel?.inputs == start)
        let (lesson, request) = try #require(pending.first)
        _ = h.state.update(.analysed(lesson: lesson, Sensitivity.run(request)))
        let solved = try #require(h.state.panel?.inputs?[key])
        #expect(solved > start[key])
        #expect(h.state.unsavedChanges)
        h.press(.character("u"))
        #expect(h.state.panel?.inputs == start)
    }

    @Test func theKeysAreInTheHelpAndTheFooter() {
        var h = Harness(140, 40)
        h.open("storage-tiers")
        h.press(.tab)
        let hints = Keymap.hints(for: h.state.keyContexts, offer: h.state.offer)
        #expect(hints.contains("s sensitivity"))
        #expect(hints.contains("= solve"))
        #expect(Keymap.message(for: .character("="), in: .calculator) == .beginSolve)
        #expect(Keymap.message(for: .character("s"), in: [.lesson, .calculatorShown]) == .openSensitivity)
    }
}
