import BundledLessons
import Calculators
import Testing
@testable import Trainer

/// Every problem in a lesson text, printed as `whiteboard lint` prints them.
func lint(_ text: String, file: String = "demo.md") -> [String] {
    LessonParser.parse(file: file, text: text).errors.map(\.description)
}

/// The lesson a text describes; records its problems as a test issue.
func lesson(_ text: String, file: String = "demo.md", sourceLocation: SourceLocation = #_sourceLocation) -> Lesson? {
    let (lesson, errors) = LessonParser.parse(file: file, text: text)
    #expect(errors.map(\.description) == [], sourceLocation: sourceLocation)
    return lesson
}

/// Just the body blocks of a small valid lesson with this body.
func body(_ text: String) -> [Lesson.Block] {
    lesson("---\nid: demo\nminutes: \"50\"\ntitle: Demo\n---\n" + text)?.body ?? []
}

/// The bundled `Lessons/*.md`, named as the trainer names them.
var bundledSources: [LessonLibrary.Source] {
    BundledLessons.files.map { LessonLibrary.Source(name: "Lessons/" + $0.name, text: $0.text) }
}

/// A "billion laughs" front matter: ten lists of ten, each made of the
/// last, ~400 bytes that name 10^9 leaves. With `asKey`, the last alias is
/// also a mapping key, which a YAML composer hashes in full.
func laughs(asKey: Bool) -> String {
    let names = "abcdefghi".map(String.init)
    var text = "---\nid: lol\nminutes: \"50\"\ntitle: Laughs\n"
    text += "a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ",") + "]\n"
    for (previous, name) in zip(names, names.dropFirst()) {
        text += "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 10).joined(separator: ",") + "]\n"
    }
    if asKey { text += "? *i\n: boom\n" }
    return text + "---\n"
}
