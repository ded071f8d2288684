import Benchmark
import Calculators

/// One benchmark per calculator: `evaluate` at its default parameters, what a calculator
/// pane pays on every redraw after a value changes.
///
/// Most calculators take about a microsecond, close to the harness's own floor per
/// iteration, so those run 1,000 evaluations per measured iteration; the simulations
/// (hit rate, partition) take long enough to be measured one call at a time.
func calculatorBenchmarks() {
    let simulations: Set<String> = ["hitrate", "partition", "staleness"]
    for calculator in Registry.all {
        let inputs = calculator.defaults
        let scaling: BenchmarkScalingFactor = simulations.contains(calculator.name) ? .one : .kilo
        Benchmark("Calculator \(calculator.name) evaluate (defaults)",
                  configuration: .init(scalingFactor: scaling)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(calculator.evaluate(inputs))
            }
        }
    }
}
