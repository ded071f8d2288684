import Calculators
import Foundation

/// The lessons the trainer runs: the valid ones in panel order, and the
/// problems of the files that did not load (shown on a panel of their own).
public struct LessonLibrary: Equatable, Sendable {
    public var lessons: [Lesson]
    public var problems: [LessonError]

    public init(lessons: [Lesson] = [], problems: [LessonError] = []) {
        self.lessons = lessons
        self.problems = problems
    }

    /// One file's name (as messages should show it) and text, and, for the bundled
    /// lessons, what `LessonParser` made of that text when the binary was built.
    public struct Source: Equatable, Sendable {
        public let name: String
        public let text: String
        /// `LessonParser.parse(file: name, text: text)`, computed ahead; nil means parse at load.
        public let parsed: Parsed?
        public init(name: String, text: String, parsed: Parsed? = nil) {
            self.name = name
            self.text = text
            self.parsed = parsed
        }

        /// The lesson and the problems of this source, parsing only when not done ahead.
        public func parse() -> Parsed {
            if let parsed { return parsed }
            let (lesson, errors) = LessonParser.parse(file: name, text: text)
            return Parsed(lesson: lesson, errors: errors)
        }
    }

    /// What `LessonParser.parse` returns for one file.
    public struct Parsed: Equatable, Sendable {
        public let lesson: Lesson?
        public let errors: [LessonError]
        public init(lesson: Lesson?, errors: [LessonError]) {
            self.lesson = lesson
            self.errors = errors
        }
    }

    /// Parses every source; a later source with an id already seen replaces the
    /// earlier lesson (a user's folder overrides the bundled panel of that id),
    /// while two files with one id inside the same set is an error.
    public static func load(_ sets: [[Source]]) -> LessonLibrary {
        var library = LessonLibrary()
        for set in sets {
            var seenHere: [String: String] = [:]
            for source in set.sorted(by: { $0.name < $1.name }) {
                let parsed = source.parse()
                library.problems += parsed.errors
                guard let lesson = parsed.lesson else { continue }
                if let first = seenHere[lesson.id] {
                    library.problems.append(LessonError(file: source.name, line: idLine(source.text), column: 1,
                                                        "duplicate id \"\(lesson.id)\" (also in \(first))"))
                    continue
                }
                seenHere[lesson.id] = source.name
                if let i = library.lessons.firstIndex(where: { $0.id == lesson.id }) {
                    library.lessons[i] = lesson
                } else {
                    library.lessons.append(lesson)
                }
            }
        }
        return library
    }

    /// The line of the top-level `id:` key (line 2 in the usual layout).
    static func idLine(_ text: String) -> Int {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        return lines.dropFirst().firstIndex { $0.hasPrefix("id:") }.map { $0 + 1 } ?? 2
    }

    /// Reads the `.md` files of a folder (not README.md), naming them by path.
    public static func sources(inDirectory path: String) throws(LessonError) -> [Source] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LessonError(file: path, line: 1, column: 1, "not a folder of lessons")
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: path) } catch {
            throw LessonError(file: path, line: 1, column: 1, "cannot list the folder: \(error.localizedDescription)")
        }
        var sources: [Source] = []
        for name in names.sorted() where name.hasSuffix(".md") && name.lowercased() != "readme.md" {
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            guard let data = fm.contents(atPath: full) else {
                throw LessonError(file: full, line: 1, column: 1, "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LessonError(file: full, line: 1, column: 1, "not UTF-8 text")
            }
            sources.append(Source(name: full, text: text))
        }
        return sources
    }
}
