import Benchmark
import Calculators
import Foundation
import TUI

/// The tornado behind `s` on the two simulations, the heaviest models, and what `s` itself costs
/// on the staleness panel: the key only asks for the tornado (an `.analyse` effect the run loop
/// runs on another thread), so the frame after it never waits for the model.
///
/// Every other calculator's tornado and break-evens are computed in `update`, on the key that
/// opens them: one benchmark each measures both at the defaults, what that key waits for.
func sensitivityBenchmarks() {
    let staleness = Staleness(), partition = Partition()
    let cases: [(String, any Calculator, String)] = [
        ("staleness consistent_percent (defaults: lnkd-disk, N=3, 200K trials)", staleness, "consistent_percent"),
        ("partition lww.lost (defaults)", partition, "lww.lost"),
    ]
    for (label, calculator, result) in cases {
        let inputs = calculator.defaults
        if let t = try? Sensitivity.tornado(calculator, inputs, result: result) {
            print("Tornado \(label): \(t.evaluations) model runs, \(t.bars.count) bars, first \(t.bars.first?.parameter.key ?? "-")")
        }
        Benchmark("Tornado \(label)", configuration: .init(maxDuration: .seconds(10), maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? Sensitivity.tornado(calculator, inputs, result: result))
            }
        }
    }

    for calculator in Registry.all where !Sensitivity.runsOffKeyPath(calculator) {
        let inputs = calculator.defaults
        let output = calculator.evaluate(inputs)
        guard let result = output.results.first(where: {
            $0.isDefined && !Sensitivity.isDecision($0) && $0.quantity.value.isFinite
        }) else { continue }
        let tornado = try? Sensitivity.tornado(calculator, inputs, result: result.key)
        let flips = Sensitivity.breakEvens(calculator, inputs)
        print("Analyses \(calculator.name): tornado of \(result.key) \(tornado?.evaluations ?? 0) model runs, "
              + "break-evens \(flips.evaluations) model runs (\(flips.decisions.count) decisions, \(flips.rows.count) rows)")
        Benchmark("Analyses in update \(calculator.name) (tornado of \(result.key), break-evens)",
                  configuration: .init(maxDuration: .seconds(2))) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? Sensitivity.tornado(calculator, inputs, result: result.key))
                blackHole(Sensitivity.breakEvens(calculator, inputs))
            }
        }
    }

    // `s` on the staleness panel, from the calculator pane: the state is copied fresh each time
    // (a second `s` would close the overlay), and the key must leave the tornado as an effect.
    var base = Fixtures.state(showing: "cap-staleness", Size(cols: 120, rows: 40))
    _ = base.handle(.tab)
    var probe = base
    let effects = probe.handle(.character("s"))
    let asked = effects.filter { if case .analyse = $0 { true } else { false } }.count
    precondition(asked > 0, "s on the staleness panel did not hand its tornado off the key path")
    print("Keystroke s on staleness: \(asked) analyses handed off the key path, none computed in update")
    Benchmark("Keystroke s on the staleness panel 120x40 (update, render)") { benchmark in
        for _ in benchmark.scaledIterations {
            var state = base
            blackHole(state.handle(.character("s")))
            blackHole(Screen.render(state))
        }
    }
}
