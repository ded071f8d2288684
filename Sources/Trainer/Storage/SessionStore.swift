import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where sessions live between runs: the autosaved session (state) and the
/// history of finished ones (data), in the XDG base directories.
///
/// `$XDG_STATE_HOME/whiteboard` (default `$HOME/.local/state/whiteboard`) holds
/// `session.json`; `$XDG_DATA_HOME/whiteboard` (default
/// `$HOME/.local/share/whiteboard`) holds `history.jsonl`. A relative XDG value
/// is ignored, as the XDG spec asks. Folders are created on first write (0700).
public struct SessionStore: Sendable {
    public var stateDirectory: String
    public var dataDirectory: String

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return Paths.join(home, fallback)
        }
        stateDirectory = Paths.join(base("XDG_STATE_HOME", ".local/state"), "whiteboard")
        dataDirectory = Paths.join(base("XDG_DATA_HOME", ".local/share"), "whiteboard")
    }

    public var sessionPath: String { Paths.join(stateDirectory, "session.json") }
    public var historyPath: String { Paths.join(dataDirectory, "history.jsonl") }

    /// What the last run left behind.
    public enum LoadResult: Equatable, Sendable {
        case none
        case loaded(PracticeSession)
        /// The file could not be used and was renamed to `movedTo` (or, if even
        /// that failed, left where it was: `movedTo` is then the original path).
        case corrupt(movedTo: String, reason: String)
    }

    /// Saves atomically over `session.json`.
    public func save(_ session: PracticeSession) throws(StorageError) {
        try Paths.makeDirectory(stateDirectory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.nonConformingFloatEncodingStrategy = Self.nonFinite
        let text: String
        do { text = String(decoding: try encoder.encode(session), as: UTF8.self) + "\n" } catch {
            throw StorageError("write", sessionPath, reason: "cannot encode the session: \(error)")
        }
        try AtomicFile.write(text, to: sessionPath, overwrite: true)
    }

    /// The autosaved session, if any. A file that is not a session of this
    /// format version is renamed to `session.corrupt-<timestamp>.json` and
    /// reported, never fatal: the user starts fresh and the file is kept.
    public func loadLast() -> LoadResult {
        let path = sessionPath
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        guard let data = FileManager.default.contents(atPath: path) else {
            return moveAside(reason: "cannot read it")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteDecoding
        guard let probe = try? decoder.decode(VersionProbe.self, from: data) else {
            return moveAside(reason: "not a saved session (invalid JSON)")
        }
        guard let version = probe.version, (PracticeSession.oldestReadable...PracticeSession.formatVersion).contains(version) else {
            let found = probe.version.map(String.init) ?? "missing"
            return moveAside(reason: "format version \(found), expected \(PracticeSession.formatVersion)")
        }
        do {
            return .loaded(try decoder.decode(PracticeSession.self, from: data).migrated())
        } catch {
            return moveAside(reason: "not a saved session (\(Self.describe(error)))")
        }
    }

    /// The scenario the autosaved session ran under, read without touching the file:
    /// what `--resume` starts under when no `--scenario` is given. A session saved
    /// before scenarios ran under the board's; nil when there is no session this build
    /// can read (`loadLast` then reports it as it always does).
    public func savedScenario() -> String? {
        guard let data = FileManager.default.contents(atPath: sessionPath) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteDecoding
        guard let probe = try? decoder.decode(ScenarioProbe.self, from: data), let version = probe.version,
              (PracticeSession.oldestReadable...PracticeSession.formatVersion).contains(version) else { return nil }
        return probe.scenario ?? "board"
    }

    /// Forgets the autosaved session (after export, or when the user starts over).
    public func clear() {
        unlink(sessionPath)
    }

    /// Appends one JSON line to `history.jsonl` (O_APPEND, fsync). A line cut
    /// short by an earlier crash is closed first, so it spoils only itself.
    public func appendHistory(_ entry: HistoryEntry) throws(StorageError) {
        try Paths.makeDirectory(dataDirectory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entry) else {
            throw StorageError("write", historyPath, reason: "cannot encode the entry")
        }
        let path = historyPath
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StorageError("write", path, errno: errno) }
        defer { close(fd) }
        var line = String(decoding: data, as: UTF8.self) + "\n"
        var last: UInt8 = 0x0A
        let size = lseek(fd, 0, SEEK_END)
        if size > 0, pread(fd, &last, 1, size - 1) == 1, last != 0x0A { line = "\n" + line }
        if let code = AtomicFile.writeAll(fd, line) { throw StorageError("write", path, errno: code) }
        if fsync(fd) != 0 { throw StorageError("write", path, errno: errno) }
    }

    /// Every readable entry, oldest first; malformed lines are skipped.
    public func history() -> [HistoryEntry] { historyWithSkipped().entries }

    /// The history and how many of its lines could not be read (a crash cut
    /// them short, or someone edited the file), so the command can say so.
    public func historyWithSkipped() -> (entries: [HistoryEntry], skipped: Int) {
        guard let data = FileManager.default.contents(atPath: historyPath) else { return ([], 0) }
        let decoder = JSONDecoder()
        let lines = data.split(separator: 0x0A).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D } }
        let decoded = lines.compactMap { try? decoder.decode(HistoryEntry.self, from: Data($0)) }
        // One row per session: a later line for the same id replaces the earlier one, in its place.
        var entries: [HistoryEntry] = [], at: [String: Int] = [:]
        for entry in decoded {
            if let id = entry.sessionID, let i = at[id] { entries[i] = entry; continue }
            if let id = entry.sessionID { at[id] = entries.count }
            entries.append(entry)
        }
        return (entries, lines.count - decoded.count)
    }

    /// Where sessions the user chose not to resume are kept.
    public var archiveDirectory: String { Paths.join(stateDirectory, "sessions") }

    /// Keeps a session aside (`sessions/<started>-<id>.json`) instead of letting
    /// a fresh one overwrite it; the newest ten are kept. Returns the path.
    @discardableResult
    public func archive(_ session: PracticeSession) throws(StorageError) -> String {
        try Paths.makeDirectory(archiveDirectory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.nonConformingFloatEncodingStrategy = Self.nonFinite
        let stamp = ExportNaming.stamp(at: session.startedAt, timeZone: .current)
        let path = Paths.join(archiveDirectory, "\(stamp)-\(session.id ?? "session").json")
        guard let data = try? encoder.encode(session) else {
            throw StorageError("write", path, reason: "cannot encode the session")
        }
        try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: path, overwrite: true)
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: archiveDirectory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        for old in kept.dropLast(Self.archiveLimit) { unlink(Paths.join(archiveDirectory, old)) }
        return path
    }

    /// How many set-aside sessions are kept.
    public static let archiveLimit = 10

    // MARK: -

    /// A stray NaN or infinity (a guess typed as "inf") must not make the session unsavable.
    private static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    private static let nonFiniteDecoding = JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    private struct VersionProbe: Decodable { var version: Int? }
    private struct ScenarioProbe: Decodable { var version: Int?; var scenario: String? }

    private func moveAside(reason: String) -> LoadResult {
        let stamp = ExportNaming.stamp(at: Date().timeIntervalSince1970, timeZone: .current)
        var target = ""
        for n in 1...100 {
            let candidate = Paths.join(stateDirectory, "session.corrupt-\(stamp)\(n == 1 ? "" : "-\(n)").json")
            var info = stat()
            if lstat(candidate, &info) != 0 { target = candidate; break }
        }
        guard !target.isEmpty, rename(sessionPath, target) == 0 else {
            let why = target.isEmpty ? "no free name" : String(cString: strerror(errno))
            return .corrupt(movedTo: sessionPath, reason: reason + "; left in place: " + why)
        }
        return .corrupt(movedTo: target, reason: reason)
    }

    /// A decoding error in one short clause ("missing key clock").
    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .keyNotFound(key, _)?: return "missing \(key.stringValue)"
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?, let .dataCorrupted(context)?:
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "unreadable" : "unreadable \(path)"
        default: return "unreadable"
        }
    }
}

/// `SessionStore.LoadResult`, by the name the TUI uses.
public typealias LoadResult = SessionStore.LoadResult

extension SessionStore {
    /// Takes the state folder's lock for this process, so two trainers never
    /// autosave over each other. Returns false when another one holds it; the
    /// lock is released when the process exits (the descriptor stays open).
    public func claimLock() -> Bool {
        guard (try? Paths.makeDirectory(stateDirectory)) != nil else { return true }
        let fd = open(Paths.join(stateDirectory, "lock"), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return true }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
        close(fd)
        return false
    }
}
