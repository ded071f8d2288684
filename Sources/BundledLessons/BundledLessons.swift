/// The lesson files under `Lessons/`, compiled into the binary by the
/// `EmbedLessons` build plugin (see `files` in the generated source).
public enum BundledLessons {}

/// One embedded lesson file: its name (for error messages) and its text.
public struct LessonFile: Sendable, Equatable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
