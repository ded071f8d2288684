@testable import Calculators
import Testing

/// What a calculator says its results are (kinds, tables, chart marks and
/// states) agrees with what it returns, at every kind of input.
@Suite struct ResultContractTests {
    /// The contract's input sets plus random values across every range, from a fixed seed.
    static func inputSets(_ calculator: any Calculator) -> [(String, Inputs)] {
        var random = SeededRandom(seed: 12)
        var sets = ContractTests.inputSets(calculator)
        for n in 0..<25 {
            var inputs = calculator.defaults
            for p in calculator.parameters where random.unit() < 0.5 {
                inputs.setClamped(p.key, p.value(atFraction: random.unit()))
            }
            sets.append(("random \(n + 1)", inputs))
        }
        return sets
    }

    @Test(arguments: Registry.names)
    func declaredTablesAndKindsMatchTheResults(_ name: String) throws {
        let calculator = try #require(Registry.named(name))
        var kinds: [String: ResultValue.Kind] = [:]
        var columns: [[String]]?
        for (label, inputs) in Self.inputSets(calculator) {
            let output = calculator.evaluate(inputs)
            #expect(output.contractProblems == [], "\(name) at \(label)")
            // A key keeps its kind whatever the inputs, and a table keeps its columns.
            for r in output.results {
                if let kind = kinds[r.key] { #expect(kind == r.kind, "\(name).\(r.key) at \(label)") }
                kinds[r.key] = r.kind
            }
            let these = output.tables.map { $0.columns.map(\.key) }
            if let columns { #expect(columns == these, "\(name) at \(label)") }
            columns = these
        }
    }

    @Test func theCalculatorsDeclareTheirRanksChoicesAndTables() throws {
        let debt = DebtPrioritizer().evaluate(DebtPrioritizer().defaults)
        #expect(debt.results.filter { $0.kind == .rank }.map(\.key)
            == ["d1.rank", "d1.wsjf_rank", "d1.rice_rank", "d2.rank", "d2.wsjf_rank", "d2.rice_rank",
                "d3.rank", "d3.wsjf_rank", "d3.rice_rank"])
        #expect(debt["top"]?.kind == .choice)
        #expect(debt.tables.map { $0.columns.map(\.label) } == [["priority", "rank", "wsjf", "wsjf #", "rice", "rice #"]])
        let fanout = FanOut().evaluate(FanOut().defaults)
        #expect(fanout.results.filter { $0.kind == .choice }.map(\.key) == ["recommended"])
        #expect(fanout.tables.map { $0.rows.map(\.label) } == [["push", "pull", "hybrid"]])
        // A quantity shown in words is still a quantity, not a decision to flip.
        let full = try run(Headroom(), ["current_qps": 20_000, "capacity": 10_000])
        #expect(full["years_to_full"]?.display == "already full")
        #expect(full["years_to_full"]?.kind == .quantity)
        #expect(!Sensitivity.decisions(Headroom(), output: full).map(\.key).contains("years_to_full"))
    }

    /// Each broken declaration is named, so the test above fails when a calculator breaks one.
    @Test func eachInconsistencyIsReported() {
        let writes = ResultValue("push.writes", "push writes", 10, .writes)
        let time = ResultValue("push.time", "push time", 1, .seconds)
        let table = ResultTable(rows: [.init("push", "push")], columns: [.init("writes", "writes"), .init("time", "time")])
        #expect(Output(results: [writes, time], tables: [table]).contractProblems == [])
        #expect(Output(results: [writes], tables: [table]).contractProblems
            == ["table 1 shows \"push.time\", which the output does not have"])
        #expect(Output(results: [writes, time, writes], tables: [table]).contractProblems == ["result \"push.writes\" appears twice"])
        #expect(Output(results: [writes, time], tables: [table, table]).contractProblems
            == ["result \"push.time\" is in 2 table cells", "result \"push.writes\" is in 2 table cells"])
        let ragged = ResultTable(rows: [.init("push", "push")], columns: [.init("writes", "writes")], cells: [["push.writes", nil]])
        #expect(Output(results: [writes], tables: [ragged]).contractProblems
            == ["table 1 has cells that do not match its 1 × 1 headers"])
        let empty = ResultTable(rows: [.init("push", "push"), .init("pull", "")], columns: [.init("writes", "writes")],
                                cells: [["push.writes"], [nil]])
        #expect(Output(results: [writes], tables: [empty]).contractProblems
            == ["table 1: row \"pull\" has no label", "table 1: row \"pull\" is empty"])
        #expect(Output(results: [.choice("mode", "mode", "", index: 0)]).contractProblems
            == ["choice \"mode\" has no answer text"])
        #expect(Output(results: [.rank("a.rank", "a: rank", 0)]).contractProblems == ["rank \"a.rank\" is 0.0 , not a place (1, 2, …)"])
        let ranks = ResultTable(rows: [.init("a", "a"), .init("b", "b")], columns: [.init("rank", "rank")])
        #expect(Output(results: [.rank("a.rank", "a", 1), .rank("b.rank", "b", 1)], tables: [ranks]).contractProblems
            == ["table 1: ranks in \"rank\" are [1, 1], not 1 to 2"])
        let curve = Chart.curve(title: "cost", xLabel: "x", yUnit: .count, points: [.init(x: 1, y: 1)],
                                marked: Chart.Mark(3, "best"), logX: false)
        #expect(Output(charts: [curve]).contractProblems == ["chart \"cost\" marks point 3 of 1"])
        let open = Chart.State("open", .failed, .solid), cut = Chart.State("cut off", .failed, .solid)
        let timeline = Chart.timeline(title: "states", duration: 2, lanes: [.init("a", [.init(0, 1, open), .init(1, 2, cut)])])
        #expect(Output(charts: [timeline]).contractProblems == ["chart \"states\" draws \"open\" and \"cut off\" alike"])
    }

    /// A rank claim reads places because the result is a rank, not because of its key.
    @Test func claimsReadPlacesOnlyForRanks() {
        let claim = Claim(id: "c", text: "ranks first", resultKey: "x.rank", stated: Quantity(1, .count))
        #expect(claim.evaluate(Output(results: [.rank("x.rank", "x", 2)])).reason == "board ranks it 1st, the formula 2nd")
        let counted = claim.evaluate(Output(results: [ResultValue("x.rank", "x", 2, .count)]))
        #expect(counted.reason == "board says 1, computed 2 (off by 2×)")
    }
}
