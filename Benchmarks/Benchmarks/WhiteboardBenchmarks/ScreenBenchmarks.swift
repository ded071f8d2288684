import Benchmark
import TUI

/// Drawing a whole frame into the cell grid, and one keystroke from key to cell changes.
func renderBenchmarks() {
    for size in Fixtures.sizes {
        Benchmark("Render fan-out panel \(size)") { benchmark, state in
            for _ in benchmark.scaledIterations {
                blackHole(Screen.render(state))
            }
        } setup: {
            Fixtures.fanOutState(size)
        }
    }

    // For contrast: the panel whose calculator is a simulation (partition, CP mode, 108,000 writes).
    let size = Size(cols: 120, rows: 40)
    Benchmark("Render database-failover panel \(size)") { benchmark, state in
        for _ in benchmark.scaledIterations {
            blackHole(Screen.render(state))
        }
    } setup: {
        Fixtures.state(showing: Fixtures.failoverLessonID, size)
    }
}

/// The state a keystroke benchmark mutates in place across iterations, as the run loop does.
final class KeystrokeLoop {
    var state: AppState
    var previous: Grid
    var up = true

    init(size: Size) {
        state = Fixtures.fanOutState(size)
        _ = state.handle(.tab)
        precondition(state.focus == .calculator, "Tab did not focus the fan-out calculator")
        previous = Screen.render(state)
    }

    /// `+` then `-` on alternate calls, so every iteration does the same work from a state it left.
    func press() -> [CellChange] {
        _ = state.handle(.character(up ? "+" : "-"))
        up.toggle()
        let grid = Screen.render(state)
        let changes = grid.changes(since: previous)
        previous = grid
        return changes
    }
}

let changedCells = BenchmarkMetric.custom("changed cells", polarity: .prefersSmaller, useScalingFactor: false)

func keystrokeBenchmarks() {
    for size in Fixtures.sizes {
        let configuration = Benchmark.Configuration(metrics: Benchmark.defaultConfiguration.metrics + [changedCells])
        Benchmark("Keystroke + on fan-out \(size) (update, render, diff)",
                  configuration: configuration) { (benchmark: Benchmark, loop: KeystrokeLoop) in
            for _ in benchmark.scaledIterations {
                let changes = loop.press()
                benchmark.measurement(changedCells, changes.count)
                blackHole(changes)
            }
        } setup: { () -> KeystrokeLoop in
            let loop = KeystrokeLoop(size: size)
            let selected = loop.state.panel?.selectedParameter?.key ?? "?"
            let before = loop.state.panel?.inputs?[selected] ?? .nan
            let plus = loop.press().count
            let after = loop.state.panel?.inputs?[selected] ?? .nan
            let minus = loop.press().count
            let cells = size.cols * size.rows
            print("Keystroke at \(size): + steps \(selected) \(before) -> \(after) and changes \(plus) of \(cells) cells "
                + "(\(percent(plus, of: cells))); - changes \(minus)")
            return loop
        }
    }
}

func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "-" : String(format: "%.1f %%", 100 * Double(part) / Double(whole))
}
