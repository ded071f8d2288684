import Benchmark
import Foundation
import Trainer

/// `x`: the session as Markdown and as JSON, for a session that visited every panel.
func exportBenchmarks() {
    let finishedAt = 1_700_000_600.0
    let utc = TimeZone(identifier: "UTC")!

    Benchmark("Export Markdown (every panel visited)") { (benchmark: Benchmark, fixture: ExportFixture) in
        for _ in benchmark.scaledIterations {
            blackHole(SessionExport.markdown(fixture.session, lessons: fixture.lessons, finishedAt: finishedAt, timeZone: utc))
        }
    } setup: { () -> ExportFixture in
        let fixture = Fixtures.fullSession
        let text = SessionExport.markdown(fixture.session, lessons: fixture.lessons, finishedAt: finishedAt, timeZone: utc)
        print("Export Markdown: \(fixture.lessons.count) panels, \(text.utf8.count) bytes")
        return fixture
    }

    Benchmark("Export JSON (every panel visited)") { (benchmark: Benchmark, fixture: ExportFixture) in
        for _ in benchmark.scaledIterations {
            blackHole(SessionExport.json(fixture.session, lessons: fixture.lessons, finishedAt: finishedAt))
        }
    } setup: { () -> ExportFixture in
        let fixture = Fixtures.fullSession
        let text = SessionExport.json(fixture.session, lessons: fixture.lessons, finishedAt: finishedAt)
        print("Export JSON: \(fixture.lessons.count) panels, \(text.utf8.count) bytes")
        return fixture
    }
}
