import ArgumentParser
import BundledLessons
import Trainer

/// Where lessons come from: the bundled set, plus a user's folder.
struct LessonOptions: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp(
        "A folder of lesson files to add (same id replaces the bundled panel).", valueName: "dir"))
    var directory: String?

    /// The bundled lessons, parsed when the binary was built.
    static var bundled: [LessonLibrary.Source] { BundledLessons.sources }

    func library() throws(LessonError) -> LessonLibrary {
        var sets = [Self.bundled]
        if let directory { sets.append(try LessonLibrary.sources(inDirectory: directory)) }
        return LessonLibrary.load(sets)
    }
}
