import BundledLessons
import Calculators
import Foundation
import Testing
@testable import Trainer

/// A lesson states each deliberate departure from the scenario with its reason:
/// read from the front matter, linted with a file:line, embedded, and counted
/// as explained by `audit --consistency`.
@Suite struct DepartureTests {
    let head = "---\nid: demo\nminutes: \"42-44\"\ntitle: Demo\ncalculator: fanout\nparameters:\n  entry_bytes: 8\n"

    @Test func aDepartureIsReadWithItsReasonAndKeepsTheLessonsValue() throws {
        let parsed = try #require(lesson(head + "departures:\n  entry_bytes: \"the sketch counts the post ID alone\"\n---\n"))
        #expect(parsed.departures == [.init(key: "entry_bytes", reason: "the sketch counts the post ID alone")])
        #expect(parsed.departureReason("entry_bytes") == "the sketch counts the post ID alone")
        #expect(parsed.scenarioLinks["entry_bytes"] == nil)
        let findings = ConsistencyAudit.findings([parsed], scenario: .board)
        #expect(findings.map(\.parameter) == ["entry_bytes"])
        #expect(findings.first?.explained == true)
        #expect(findings.first?.reason == "the sketch counts the post ID alone")
        let table = ConsistencyAudit.table(findings, scenario: .board)
        #expect(table.contains("demo entry_bytes: the sketch counts the post ID alone"))
        #expect(table.hasSuffix("1 difference, 0 unexplained\n"))
        #expect(ConsistencyAudit.json(findings, scenario: .board).contains(#""reason": "the sketch counts the post ID alone""#))
    }

    @Test func withoutAReasonTheSameDifferenceIsUnexplained() throws {
        let parsed = try #require(lesson(head + "---\n"))
        let findings = ConsistencyAudit.findings([parsed], scenario: .board)
        #expect(findings.map(\.explained) == [false])
        #expect(ConsistencyAudit.table(findings, scenario: .board).hasSuffix("1 difference, 1 unexplained\n"))
    }

    @Test func whatCannotDepartIsAnErrorAtItsLine() {
        // Not a parameter of the calculator.
        #expect(lint(head + "departures:\n  entry_size: why\n---\n") == [
            #"demo.md:9:3: error: fanout has no parameter "entry_size" (parameters: followers, write_capacity, active_percent, read_cached_ms, read_uncached_ms, merge_ms, pull_write_ms, entry_bytes, push_below, pull_above)"#,
        ])
        // A parameter that follows no scenario quantity.
        #expect(lint(head + "departures:\n  merge_ms: why\n---\n") == [
            "demo.md:9:3: error: merge_ms does not follow the scenario, so it cannot depart from it (linked: entry_bytes, write_capacity)",
        ])
        // At the board's value nothing departs.
        let atBoard = "---\nid: demo\nminutes: \"42-44\"\ntitle: Demo\ncalculator: fanout\nparameters:\n  entry_bytes: 20\n"
        #expect(lint(atBoard + "departures:\n  entry_bytes: why\n---\n") == [
            "demo.md:9:3: error: entry_bytes starts at the board's entry_bytes, 20 B: nothing departs (set the value the lesson uses, or drop the line)",
        ])
        // A reason is text.
        #expect(lint(head + "departures:\n  entry_bytes: [a, b]\n---\n") == [
            "demo.md:9:16: error: the departure of entry_bytes must give its reason as text",
        ])
        #expect(lint(head + "departures: [entry_bytes]\n---\n").first?.hasPrefix("demo.md:8:13: error: \"departures\" must map") == true)
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: Demo\ndepartures:\n  dau: why\n---\n") == [
            #"demo.md:5:1: error: "departures" need a "calculator""#,
        ])
    }

    /// Under another scenario the linked values follow it: only the departures differ.
    @Test func underAnotherScenarioOnlyTheDeparturesDiffer() throws {
        let twitter = try ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) }).load("twitter-2013").get()
        let lessons = LessonLibrary.load([bundledSources]).lessons
        let findings = ConsistencyAudit.findings(lessons, scenario: twitter)
        for f in findings {
            let lesson = try #require(lessons.first { $0.id == f.lesson })
            #expect(lesson.scenarioDepartures.contains(f.parameter), "\(f.lesson) \(f.parameter) follows the scenario")
        }
    }

    /// The bundled lessons tell one story with the board's scenario: every difference has its reason.
    @Test func theBundledLessonsWithTheBoardsScenarioLeaveNothingUnexplained() {
        let lessons = LessonLibrary.load([BundledLessons.sources]).lessons
        let findings = ConsistencyAudit.findings(lessons, scenario: .board)
        #expect(!findings.isEmpty)
        for f in findings { #expect(f.explained, "\(f.file): \(f.parameter) \(f.lessonValue) against \(f.scenarioValue), no reason given") }
        // Every stated departure is one the audit finds, so none outlives its difference.
        let stated = lessons.flatMap { l in l.departures.map { "\(l.id) \($0.key)" } }
        #expect(Set(stated) == Set(findings.map { "\($0.lesson) \($0.parameter)" }))
    }

    /// Lessons/README.md lists every default link, so a writer knows what a panel follows.
    @Test func theLessonReadmeListsEveryLink() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let rows = Set(text.split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init))
        for link in ScenarioLinks.defaults {
            #expect(rows.contains("| `\(link.calculator)` | `\(link.parameter)` | `\(link.source)` |"), "\(link)")
        }
        #expect(text.contains("departures:"))
    }
}
