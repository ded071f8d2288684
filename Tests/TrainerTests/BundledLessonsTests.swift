import BundledLessons
import Calculators
import Testing
@testable import Trainer

/// The bundled lessons travel parsed: what the build wrote down must be what
/// the parser makes of the same text today.
@Suite struct BundledLessonsTests {
    @Test func everyBundledFileCarriesWhatTheParserMakesOfIt() {
        #expect(BundledLessons.sources.map(\.name) == BundledLessons.files.map { "Lessons/" + $0.name })
        for (source, file) in zip(BundledLessons.sources, BundledLessons.files) {
            #expect(source.text == file.text)
            let (lesson, errors) = LessonParser.parse(file: source.name, text: source.text)
            #expect(source.parsed == LessonLibrary.Parsed(lesson: lesson, errors: errors), "\(source.name)")
        }
    }

    @Test func everyBundledScenarioCarriesWhatTheParserMakesOfIt() throws {
        #expect(Set(BundledLessons.scenarios.keys) == Set(BundledLessons.scenarioFiles.map(\.name)))
        #expect(BundledLessons.scenarios.count >= 2)
        for file in BundledLessons.scenarioFiles {
            let parsed = try #require(ScenarioParser.parse(file: "Scenarios/" + file.name, text: file.text).scenario)
            #expect(BundledLessons.scenarios[file.name] == parsed, "\(file.name)")
        }
        // Loading by name hands back the one made ahead, equal to parsing the text now.
        let ahead = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) }, parsed: BundledLessons.scenarios)
        let now = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) })
        for name in now.names {
            #expect(try ahead.load(name).get() == now.load(name).get(), "\(name)")
        }
        #expect(try ahead.load("board").get().values == Scenario.board.values)
    }

    @Test func loadingThemGivesTheLibraryParsingWouldGive() {
        let parsedAtLoad = BundledLessons.sources.map { LessonLibrary.Source(name: $0.name, text: $0.text) }
        #expect(parsedAtLoad.allSatisfy { $0.parsed == nil })
        #expect(LessonLibrary.load([BundledLessons.sources]) == LessonLibrary.load([parsedAtLoad]))
        #expect(LessonLibrary.load([BundledLessons.sources]).lessons.count == BundledLessons.files.count)
    }

    @Test func aSourceWithoutAParseIsParsedOnLoad() {
        let text = "---\nid: demo\nminutes: \"50\"\ntitle: Demo\n---\nHello.\n"
        let parsed = LessonLibrary.Source(name: "demo.md", text: text).parse()
        #expect(parsed.lesson?.body == [.paragraph("Hello.")])
        #expect(parsed.errors == [])
    }

    /// Lessons whose calculator makes a decision that no input moves at their values, and why.
    static let noBreakEven = [
        "database-failover": "CP refuses every write from the cut-off side: only the mode choice, which the analyses never move, flips it",
    ]

    /// Each calculator panel names its most sensitive input, and one break-even where its
    /// calculator makes a decision, as claims checked against the model at the lesson's values.
    @Test func everyCalculatorPanelNamesItsMostSensitiveInputAndABreakEven() throws {
        for lesson in LessonLibrary.load([BundledLessons.sources]).lessons {
            guard let name = lesson.calculator else { continue }
            let calculator = try #require(Registry.named(name))
            let start = try #require(lesson.startingInputs())
            let kinds = lesson.claims.map(\.kind)
            #expect(kinds.contains { if case .mostSensitive = $0 { true } else { false } }, "\(lesson.file) names no most sensitive input")
            let decides = !Sensitivity.decisions(calculator, start).isEmpty
            let breaksEven = kinds.contains { if case .breakEven = $0 { true } else { false } }
            if decides, Self.noBreakEven[lesson.id] == nil {
                #expect(breaksEven, "\(lesson.file): \(name) makes a decision, and the lesson names no break-even")
            }
            for claim in lesson.claims where claim.needsModel {
                let check = lesson.modelChecks.first { $0.claim == claim }
                #expect(check?.holds == true, "\(lesson.file) \(claim.id): \(check?.reason ?? "not checked")")
            }
        }
    }
}
