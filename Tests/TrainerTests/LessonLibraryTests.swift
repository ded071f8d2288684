import Calculators
import Foundation
import Testing
@testable import Trainer

/// Loading sets of files: ids across files, a user's folder over the bundled
/// set, reading a folder, and the bundled lessons themselves.
@Suite struct LessonLibraryTests {
    func source(_ name: String, id: String, title: String = "Demo") -> LessonLibrary.Source {
        .init(name: name, text: "---\nid: \(id)\nminutes: \"50\"\ntitle: \(title)\n---\n")
    }

    @Test func twoFilesWithOneIdInASetIsAnError() {
        let library = LessonLibrary.load([[source("b.md", id: "demo"), source("a.md", id: "demo")]])
        #expect(library.lessons.map(\.file) == ["a.md"])
        #expect(library.problems.map(\.description) == [#"b.md:2:1: error: duplicate id "demo" (also in a.md)"#])
    }

    @Test func theDuplicateIdErrorPointsAtTheIdLine() {
        let later = LessonLibrary.Source(name: "b.md", text: "---\n# moved down\ntitle: Demo\nminutes: \"50\"\nid: demo\n---\n")
        let library = LessonLibrary.load([[source("a.md", id: "demo"), later]])
        #expect(library.problems.map(\.description) == [#"b.md:5:1: error: duplicate id "demo" (also in a.md)"#])
    }

    @Test func aUserFolderReplacesTheBundledPanelInPlace() {
        let bundled = [source("Lessons/01.md", id: "first"), source("Lessons/02.md", id: "second")]
        let mine = [source("/home/me/x.md", id: "first", title: "Mine"), source("/home/me/y.md", id: "extra")]
        let library = LessonLibrary.load([bundled, mine])
        #expect(library.problems == [])
        #expect(library.lessons.map(\.id) == ["first", "second", "extra"])
        #expect(library.lessons.map(\.title) == ["Mine", "Demo", "Demo"])
        #expect(library.lessons.first?.file == "/home/me/x.md")
    }

    @Test func aBrokenFileIsAProblemAndTheOthersStillLoad() {
        let broken = LessonLibrary.Source(name: "b.md", text: "no front matter\n")
        let library = LessonLibrary.load([[source("a.md", id: "demo"), broken]])
        #expect(library.lessons.map(\.id) == ["demo"])
        #expect(library.problems.map(\.description) == [
            #"b.md:1:1: error: missing front matter: the file must start with a line "---""#,
        ])
    }

    @Test func aFolderGivesItsLessonFilesInNameOrderWithoutTheReadme() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["02-b.md", "01-a.md", "README.md", "notes.txt"] {
            try "---\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let sources = try LessonLibrary.sources(inDirectory: folder.path)
        #expect(sources.map(\.name) == [folder.path + "/01-a.md", folder.path + "/02-b.md"])
    }

    @Test func aPathThatIsNotAFolderIsOneError() {
        #expect(throws: LessonError(file: "/nonexistent/lessons", line: 1, column: 1, "not a folder of lessons")) {
            try LessonLibrary.sources(inDirectory: "/nonexistent/lessons")
        }
    }

    @Test func badFilesInAFolderAreProblemsAndTheGoodLessonStillLoads() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let fm = FileManager.default
        let good = "---\nid: good\nminutes: \"50\"\ntitle: Good\n---\nText.\n"
        dir.write("00-good.md", good)
        dir.write("outside-target.txt", good)
        #expect(mkfifo(dir.file("01-fifo.md"), 0o644) == 0)
        try fm.createSymbolicLink(atPath: dir.file("02-loop.md"), withDestinationPath: dir.file("02-loop.md"))
        try fm.createSymbolicLink(atPath: dir.file("03-zero.md"), withDestinationPath: "/dev/zero")
        try fm.createDirectory(atPath: dir.file("04-folder.md"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir.file("05-tmp.md"), withDestinationPath: "/tmp")
        dir.write("06-latin1.md", "")
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x69, 0x64, 0x3A, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: dir.file("06-latin1.md")))
        dir.write("07-huge.md", good + String(repeating: "x", count: LessonLibrary.maxLessonBytes))
        // A symlink to a file inside the folder is followed.
        try fm.createSymbolicLink(atPath: dir.file("08-inside.md"), withDestinationPath: "00-good.md")
        // One out of the folder is not, even to a readable lesson.
        let elsewhere = TempDirectory()
        defer { elsewhere.cleanUp() }
        elsewhere.write("x.md", good)
        try fm.createSymbolicLink(atPath: dir.file("09-out.md"), withDestinationPath: elsewhere.file("x.md"))

        let sources = try LessonLibrary.sources(inDirectory: dir.path)
        let library = LessonLibrary.load([sources])
        let messages = library.problems.map { $0.description.replacingOccurrences(of: dir.path + "/", with: "") }
        #expect(messages.contains("01-fifo.md:1:1: error: a FIFO (named pipe), not a lesson file: not opened"))
        #expect(messages.contains("02-loop.md:1:1: error: a symlink loop: not read"))
        #expect(messages.contains("03-zero.md:1:1: error: a symlink to /dev/zero, outside the lessons folder: not followed"))
        #expect(messages.contains("04-folder.md:1:1: error: a folder, not a lesson file: not read"))
        #expect(messages.contains { $0.hasPrefix("05-tmp.md:1:1: error: a symlink to /tmp, outside the lessons folder") })
        #expect(messages.contains("06-latin1.md:2:4: error: not UTF-8 text: a byte that is not part of a UTF-8 character"))
        #expect(messages.contains("07-huge.md:1:1: error: the file is 257 KB; a lesson may be at most 256 KB"))
        #expect(messages.contains { $0.hasPrefix("09-out.md:1:1: error: a symlink to ") && $0.hasSuffix("outside the lessons folder: not followed") })
        // The good one loads (once: the link inside is the same id, a duplicate).
        #expect(library.lessons.map(\.id) == ["good"])
        #expect(messages.contains(#"08-inside.md:2:1: error: duplicate id "good" (also in 00-good.md)"#))
        #expect(library.problems.count == 9)
    }

    @Test func anUnreadableFileIsAProblem() throws {
        // Root reads any file: the check only means something for a user.
        guard geteuid() != 0 else { return }
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("a.md", "---\n")
        #expect(chmod(dir.file("a.md"), 0) == 0)
        let library = LessonLibrary.load([try LessonLibrary.sources(inDirectory: dir.path)])
        #expect(library.problems.map(\.message) == ["cannot read the file: Permission denied"])
    }

    // MARK: The bundled lessons

    @Test func theBundledLessonsLoadWithoutProblems() throws {
        let library = LessonLibrary.load([bundledSources])
        #expect(library.problems.map(\.description) == [])
        #expect(library.lessons.count >= 12)
        #expect(Set(library.lessons.map(\.id)).count == library.lessons.count)
    }

    @Test func theBundledLessonsCoverEverySection() {
        let covered = Set(LessonLibrary.load([bundledSources]).lessons.map(\.minutes))
        for section in ["41-42", "42-44", "44-46", "46-48", "48-50"] {
            #expect(covered.contains(section), "no lesson for minutes \(section)")
        }
    }

    @Test func everyBundledLessonWithACalculatorMakesAClaim() {
        // Reported to the content author; intermittent so the fix needs no test change.
        let awaitingClaims = ["Lessons/13-database-failover.md"]
        for lesson in LessonLibrary.load([bundledSources]).lessons where lesson.calculator != nil {
            withKnownIssue(isIntermittent: true) {
                #expect(!lesson.claims.isEmpty, "\(lesson.file) opens \(lesson.calculator!) but claims nothing")
            } when: { awaitingClaims.contains(lesson.file) }
        }
    }

    @Test func everyBundledLessonStartsFromItsOwnParameters() throws {
        for lesson in LessonLibrary.load([bundledSources]).lessons {
            guard let name = lesson.calculator else { continue }
            let calculator = try #require(Registry.named(name))
            let inputs = try #require(lesson.startingInputs())
            for setting in lesson.parameters {
                #expect(inputs[setting.key] == setting.value, "\(lesson.file): \(setting.key)")
            }
            let changed = lesson.parameters.filter { $0.value != calculator.defaults[$0.key] }.map(\.key)
            #expect(inputs.changedKeys == changed.sorted(), "\(lesson.file)")
            #expect((inputs == calculator.defaults) == changed.isEmpty, "\(lesson.file)")
        }
    }
}
