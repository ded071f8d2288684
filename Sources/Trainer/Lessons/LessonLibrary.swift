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
                if lesson.id == Scenario.panelID {
                    library.problems.append(LessonError(file: source.name, line: idLine(source.text), column: 1,
                                                        "id \"\(lesson.id)\" is the scenario panel's; choose another"))
                    continue
                }
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

    /// The largest lesson file read, in bytes. The bundled lessons are under
    /// 6 KB; a 10 MB file takes seconds to load and every key after it is slow.
    public static let maxLessonBytes = 256 * 1024

    /// Reads the `.md` files of a folder (not README.md), naming them by path.
    ///
    /// Only the folder itself can fail (missing, not a folder, unlistable). A
    /// file that cannot be a lesson (a FIFO, a device, a folder, a symlink
    /// loop or one leading out of the folder, an unreadable, oversized or
    /// non-UTF-8 file) becomes a source whose only content is that problem,
    /// so every good lesson beside it still loads and the problems panel (or
    /// `lint`) lists it. Nothing but a regular file is ever opened, and a
    /// symlink is followed only to a file inside the folder. File names are
    /// bytes: one that is not UTF-8 is shown with `\\xNN` for the bad bytes.
    public static func sources(inDirectory path: String) throws(LessonError) -> [Source] {
        let shown = VisibleText.escape(path, .line)
        var folderInfo = stat()
        guard stat(path, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw LessonError(file: shown, line: 1, column: 1, "not a folder of lessons")
        }
        guard let folderReal = realPath(Array(path.utf8)) else {
            throw LessonError(file: shown, line: 1, column: 1, "cannot resolve the folder: \(String(cString: strerror(errno)))")
        }
        guard let dir = opendir(path) else {
            throw LessonError(file: shown, line: 1, column: 1, "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            let lower = name.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            guard lower.count > 3, lower.suffix(3) == Array(".md".utf8), lower != Array("readme.md".utf8) else { continue }
            names.append(name)
        }
        closedir(dir)
        let prefix = Array((path.hasSuffix("/") ? path : path + "/").utf8)
        let shownPrefix = path.hasSuffix("/") ? shown : shown + "/"
        var sources: [Source] = []
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let display = shownPrefix + VisibleText.escape(bytes: name, .line)
            switch readLessonFile(prefix + name, folder: folderReal) {
            case let .success(text):
                sources.append(Source(name: display, text: text))
            case let .failure(problem):
                let error = LessonError(file: display, line: problem.line, column: problem.column, problem.message)
                sources.append(Source(name: display, text: "", parsed: Parsed(lesson: nil, errors: [error])))
            }
        }
        return sources
    }

    /// Why one file was not read, and where (line and column for bad UTF-8).
    struct FileProblem: Error {
        var line = 1, column = 1
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The text of a lesson file at `path` (bytes), never opening anything
    /// but a regular file inside `folder` (a resolved path).
    static func readLessonFile(_ path: [UInt8], folder: [UInt8]) -> Result<String, FileProblem> {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard lstat(cPath, &info) == 0 else { return .failure(FileProblem("cannot read the file: \(String(cString: strerror(errno)))")) }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = realPath(path) else {
                let reason = errno == ELOOP ? "a symlink loop" : "a symlink to nothing (\(String(cString: strerror(errno))))"
                return .failure(FileProblem("\(reason): not read"))
            }
            guard real.starts(with: folder + [UInt8(ascii: "/")]) else {
                return .failure(FileProblem("a symlink to \(VisibleText.escape(bytes: real, .line)), outside the lessons folder: not followed"))
            }
            target = real
            guard stat(target.map { CChar(bitPattern: $0) } + [0], &info) == 0 else {
                return .failure(FileProblem("cannot read the file: \(String(cString: strerror(errno)))"))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(FileProblem("a folder, not a lesson file: not read"))
        case S_IFIFO: return .failure(FileProblem("a FIFO (named pipe), not a lesson file: not opened"))
        case S_IFCHR, S_IFBLK: return .failure(FileProblem("a device, not a lesson file: not opened"))
        case S_IFSOCK: return .failure(FileProblem("a socket, not a lesson file: not opened"))
        default: return .failure(FileProblem("not a regular file: not opened"))
        }
        guard Int(info.st_size) <= maxLessonBytes else {
            return .failure(FileProblem("the file is \((Int(info.st_size) + 1023) / 1024) KB; a lesson may be at most \(maxLessonBytes / 1024) KB"))
        }
        // O_NOFOLLOW and O_NONBLOCK: if the entry was swapped for a symlink or a
        // FIFO since the check, the open fails or returns at once instead of hanging.
        let fd = open(target.map { CChar(bitPattern: $0) } + [0], O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileProblem("cannot read the file: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            return .failure(FileProblem("not a regular file: not read"))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileProblem("cannot read the file: \(String(cString: strerror(errno)))"))
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > maxLessonBytes {
                return .failure(FileProblem("the file is over \(maxLessonBytes / 1024) KB; a lesson may be at most \(maxLessonBytes / 1024) KB"))
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var problem = FileProblem("not UTF-8 text: a byte that is not part of a UTF-8 character")
            (problem.line, problem.column) = firstInvalidUTF8(bytes)
            return .failure(problem)
        }
        return .success(text)
    }

    /// The 1-based line and column (in characters) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            guard let (scalar, length) = VisibleText.decodeOne(bytes, at: i) else { return (line, column) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }

    /// `realpath` of a byte path, as bytes; nil with `errno` set when it fails.
    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = realpath(path.map { CChar(bitPattern: $0) } + [0], nil) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self),
                                         count: strlen(resolved)))
    }
}
