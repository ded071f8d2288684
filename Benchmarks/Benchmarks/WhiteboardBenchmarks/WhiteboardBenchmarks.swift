import Benchmark

/// Every benchmark of the suite, registered by the plugin's generated `main`.
///
/// Figures come from release builds only (`swift package benchmark` builds release); the
/// project's unit tests never time anything. See Benchmarks/README.md for what each one measures.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .mallocBytesCount, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(1),
        maxIterations: 10_000
    )

    // The harness's own floor: what an iteration that does nothing measures. It is part of every
    // benchmark that makes one call per iteration (the small calculators spread it over 1,000).
    Benchmark("Empty iteration (harness floor)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(benchmark.currentIteration)
        }
    }

    calculatorBenchmarks()
    stalenessBenchmarks()
    sensitivityBenchmarks()
    lessonBenchmarks()
    renderBenchmarks()
    keystrokeBenchmarks()
    exportBenchmarks()
}
