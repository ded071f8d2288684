import ArgumentParser
import BundledLessons
import Trainer

/// Where lessons come from: the bundled set, plus a user's folder.
struct LessonOptions: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp(
        "A folder of lesson files to add (same id replaces the bundled panel).", valueName: "dir"))
    var directory: String?

    static var bundled: [LessonLibrary.Source] {
        BundledLessons.files.map { .init(name: "Lessons/" + $0.name, text: $0.text) }
    }

    func library() throws(LessonError) -> LessonLibrary {
        var sets = [Self.bundled]
        if let directory { sets.append(try LessonLibrary.sources(inDirectory: directory)) }
        return LessonLibrary.load(sets)
    }
}
