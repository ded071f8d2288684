import Benchmark
import Trainer

/// Parsing lessons: the first one alone (before the first frame) and all of them (right after it).
func lessonBenchmarks() {
    Benchmark("Lessons load first (before first frame)") { benchmark, source in
        for _ in benchmark.scaledIterations {
            blackHole(LessonLibrary.load([[source]]))
        }
    } setup: {
        Fixtures.firstSource
    }

    Benchmark("Lessons load all bundled") { benchmark, sources in
        for _ in benchmark.scaledIterations {
            blackHole(LessonLibrary.load([sources]))
        }
    } setup: { () -> [LessonLibrary.Source] in
        let sources = Fixtures.sources
        let library = LessonLibrary.load([sources])
        print("Lessons: \(sources.count) files, \(sources.reduce(0) { $0 + $1.text.utf8.count }) bytes, "
            + "\(library.lessons.count) lessons, \(library.problems.count) problems")
        return sources
    }
}
