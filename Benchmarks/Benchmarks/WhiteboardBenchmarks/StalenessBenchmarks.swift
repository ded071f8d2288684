import Benchmark
import Calculators

/// The PBS staleness simulation at its default 200K trials: what the staleness panel pays each
/// time R, W, N, t or the fit changes. Target: at most 50 ms in a release build, so that editing
/// R or W stays live. One fit per benchmark (they differ in how often the Pareto branch is taken),
/// and N = 10, where every trial also reads off 45 partial quorums for the trade-off chart.
func stalenessBenchmarks() {
    let calculator = Staleness()
    let cases: [(String, [String: Double])] = [
        ("lnkd-ssd N=3 R=W=1", ["fit": 0]),
        ("lnkd-disk N=3 R=W=1", ["fit": 1]),
        ("ymmr N=3 R=W=1", ["fit": 2]),
        ("lnkd-disk N=10 R=W=1", ["fit": 1, "n": 10]),
    ]
    for (label, settings) in cases {
        guard let inputs = try? calculator.inputs(setting: settings) else { continue }
        Benchmark("Staleness 200K trials, \(label)",
                  configuration: .init(maxDuration: .seconds(3), maxIterations: 200)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(calculator.evaluate(inputs))
            }
        }
    }
}
