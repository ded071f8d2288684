import Calculators
import Testing
@testable import Trainer

/// What the calculator keeps back while an estimate is asked.
@Suite struct GiveAwayRevealingTests {
    func revealing(_ calculator: String, _ target: String) throws -> Set<String> {
        let c = try #require(Registry.named(calculator))
        let inputs = c.defaults
        return GiveAway.revealing(target, output: c.evaluate(inputs), inputs: inputs,
                                  parameters: c.visibleParameters(inputs))
    }

    /// A place in an order is not an amount: the bill's total at list, $313,597,
    /// over tiering's place (2nd) comes within 1 % of transfer at list, $155,874,
    /// which is a coincidence of digits, not a step anyone takes.
    @Test func aRankTakesNoPartInAStep() throws {
        let hidden = try revealing("bill", "transfer.at_list")
        #expect(!hidden.contains { $0.hasSuffix(".rank") })
        for c in Registry.all {
            let output = c.evaluate(c.defaults)
            for r in output.results {
                let keys = try revealing(c.name, r.key)
                let ranks = keys.filter { key in output[key]?.kind == .rank }
                #expect(ranks.isEmpty, "\(c.name) \(r.key) hides ranks \(ranks.sorted())")
            }
        }
    }

    /// The step the fan-out estimate hides: hybrid writes times the entry size is the storage.
    @Test func aResultOneStepFromTheAnswerIsHidden() throws {
        let hidden = try revealing("fanout", "hybrid.storage")
        #expect(hidden.contains("hybrid.writes"))
        #expect(!hidden.contains("push.read_time"))
    }
}
