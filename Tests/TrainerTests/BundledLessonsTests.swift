import BundledLessons
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
}
