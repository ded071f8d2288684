import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every session, panel visit and estimate attempt, in SQLite:
/// `$XDG_DATA_HOME/whiteboard/history.sqlite` (beside `history.jsonl`).
///
/// - WAL mode with a busy timeout: two trainers (or a trainer and
///   `whiteboard drill`) write to it at once without corrupting it; SQLite's
///   locking serialises the writes.
/// - Each attempt is its own transaction, committed as soon as it is recorded:
///   a killed process loses at most the attempt it was writing. So is each
///   panel visit, written when the panel is left: a killed trainer loses at
///   most the visit in progress.
/// - The schema is built by GRDB's migrator. A file that is not a database,
///   fails SQLite's integrity check, or was migrated by a newer build is moved
///   aside (`history.corrupt-<stamp>.sqlite`, `history.newer-<stamp>.sqlite`)
///   with a notice, and a fresh database takes its place: never fatal.
/// - The old `history.jsonl` is imported once per database (recorded in it,
///   file or no file) and left in place; a line of a session the database
///   already has is skipped. While the database is open the trainer writes
///   sessions here only; `history.jsonl` is its fallback when it is not.
public final class HistoryDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Seconds a writer waits for another one before giving up.
    public static let busyTimeout: TimeInterval = 10

    init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// A new stable session id (a UUID), made once when a session starts.
    public static func newSessionID() -> String { UUID().uuidString.lowercased() }

    /// What opening found: the database (nil only when even a fresh one could
    /// not be made, e.g. a read-only folder) and what to tell the user.
    public struct Opened: Sendable {
        public let database: HistoryDatabase?
        /// Sentences for the status line or stderr: a file set aside, sessions imported, a failure.
        public let notices: [String]
    }

    /// Opens (creating if needed) the database under `store.dataDirectory`,
    /// importing `store.historyPath` once.
    public static func open(_ store: SessionStore, now: Double = Date().timeIntervalSince1970) -> Opened {
        open(at: Paths.join(store.dataDirectory, "history.sqlite"), importing: store, now: now)
    }

    /// Opens the database at `path`; `importing` names the JSON history to bring in once.
    public static func open(at path: String, importing store: SessionStore? = nil,
                            now: Double = Date().timeIntervalSince1970) -> Opened {
        var notices: [String] = []
        do {
            try Paths.makeDirectory(Paths.parent(of: path))
        } catch {
            return Opened(database: nil, notices: ["history not kept: " + error.description])
        }
        for attempt in 0..<2 {
            do {
                let database = try connect(path)
                if let store {
                    notices += try database.importJSONHistory(store, now: now)
                    notices += try database.removeOldImportDuplicates(store, now: now)
                }
                return Opened(database: database, notices: notices)
            } catch let problem as Unusable where attempt == 0 {
                notices.append(setAside(path, problem, now: now))
            } catch {
                return Opened(database: nil, notices: notices + ["history not kept: cannot open \(path): \(describe(error))"])
            }
        }
        return Opened(database: nil, notices: notices + ["history not kept: cannot open \(path)"])
    }

    /// Why an existing file cannot be used as this build's history.
    struct Unusable: Error {
        enum Why { case corrupt, newer }
        let why: Why
        let detail: String
    }

    static func connect(_ path: String) throws -> HistoryDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "whiteboard.history"
        configuration.prepareDatabase { db in
            // NORMAL keeps every committed transaction across a killed process
            // (a power cut may drop the last ones); foreign keys tie rows to sessions.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where isCorruption(error) {
            throw Unusable(why: .corrupt, detail: error.message ?? "not a database")
        }
        do {
            let check = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard check == ["ok"] else {
                try? pool.close()
                throw Unusable(why: .corrupt, detail: check.prefix(3).joined(separator: "; "))
            }
            let migrator = migrator
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
                try? pool.close()
                throw Unusable(why: .newer, detail: "written by a newer whiteboard")
            }
            try migrator.migrate(pool)
        } catch let error as DatabaseError where isCorruption(error) {
            try? pool.close()
            throw Unusable(why: .corrupt, detail: error.message ?? "malformed")
        }
        return HistoryDatabase(path: path, pool: pool)
    }

    static func isCorruption(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    }

    /// Renames the file (and its -wal and -shm companions) out of the way; returns the notice.
    static func setAside(_ path: String, _ problem: Unusable, now: Double) -> String {
        let folder = Paths.parent(of: path)
        let label = problem.why == .corrupt ? "corrupt" : "newer"
        let stamp = ExportNaming.stamp(at: now, timeZone: .current)
        var target = ""
        for n in 1...100 {
            let candidate = Paths.join(folder, "history.\(label)-\(stamp)\(n == 1 ? "" : "-\(n)").sqlite")
            if !Paths.exists(candidate) { target = candidate; break }
        }
        let what = problem.why == .corrupt ? "is damaged (\(problem.detail))" : "was \(problem.detail)"
        guard !target.isEmpty, rename(path, target) == 0 else {
            let why = target.isEmpty ? "no free name" : String(cString: strerror(errno))
            return "history database \(path) \(what) and could not be moved aside: \(why)"
        }
        for suffix in ["-wal", "-shm"] where Paths.exists(path + suffix) {
            _ = rename(path + suffix, target + suffix)
        }
        return "history database \(path) \(what); moved to \(target), starting a new one"
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        if let error = error as? StorageError { return error.description }
        return "\(error)"
    }

    // MARK: Schema

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "session") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("started_at", .double).notNull()
                t.column("finished_at", .double)
                t.column("seconds_used", .double).notNull().defaults(to: 0)
                t.column("deck_panels", .integer).notNull().defaults(to: 0)
                t.column("panels_visited", .integer).notNull().defaults(to: 0)
                t.column("checklist_ticked", .integer).notNull().defaults(to: 0)
                t.column("checklist_total", .integer).notNull().defaults(to: 0)
                t.column("good", .integer).notNull().defaults(to: 0)
                t.column("fair", .integer).notNull().defaults(to: 0)
                t.column("off", .integer).notNull().defaults(to: 0)
                t.column("scenario", .text)
            }
            try db.create(table: "panel_visit") { t in
                t.column("session_id", .text).notNull().references("session", onDelete: .cascade)
                t.column("lesson_id", .text).notNull()
                t.column("seconds", .double).notNull().defaults(to: 0)
                t.column("visited", .boolean).notNull().defaults(to: false)
                t.column("checklist_ticked", .integer).notNull().defaults(to: 0)
                t.column("checklist_total", .integer).notNull().defaults(to: 0)
                t.primaryKey(["session_id", "lesson_id"])
            }
            try db.create(table: "attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .text).notNull().references("session", onDelete: .cascade).indexed()
                t.column("lesson_id", .text).notNull()
                t.column("result_key", .text).notNull()
                t.column("question", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("unit", .text).notNull()
                t.column("truth", .double)
                t.column("guess", .double)
                t.column("parameters", .text).notNull().defaults(to: "{}")
                t.column("scenario", .text)
                t.column("log_ratio", .double)
                t.column("score", .text).notNull()
                t.column("method", .text).notNull()
                t.column("seconds_taken", .double)
                t.column("date", .double).notNull().indexed()
                t.column("drill", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "attempt_item", on: "attempt", columns: ["lesson_id", "result_key", "date"])
            // Which files were imported, so the JSON history comes in once.
            try db.create(table: "import") { t in
                t.primaryKey("source", .text)
                t.column("date", .double).notNull()
                t.column("sessions", .integer).notNull()
            }
        }
        // The estimates of the whole deck, so accuracy counts those never answered.
        migrator.registerMigration("v2") { db in
            try db.alter(table: "session") { t in
                t.add(column: "deck_estimates", .integer).notNull().defaults(to: 0)
            }
        }
        return migrator
    }()

    // MARK: Writing

    /// Records one attempt in its own transaction and returns it with its id.
    /// A session row is made for it if none exists yet (a drill in progress,
    /// a trainer session not yet finished).
    @discardableResult
    public func record(_ attempt: AttemptRecord) throws(StorageError) -> AttemptRecord {
        try write { db in
            var inserted = attempt
            try db.execute(sql: "INSERT OR IGNORE INTO session (id, kind, started_at) VALUES (?, ?, ?)",
                           arguments: [attempt.sessionID, attempt.drill ? SessionRecord.Kind.drill.rawValue
                                           : SessionRecord.Kind.practice.rawValue, attempt.date])
            try inserted.insert(db)
            return inserted
        }
    }

    /// Writes a session and its panel rows, replacing what an earlier save of
    /// the same id wrote (a session resumed and finished again is one row).
    public func record(_ session: SessionRecord, panels: [PanelVisitRecord] = []) throws(StorageError) {
        try write { db in
            try session.upsert(db)
            try db.execute(sql: "DELETE FROM panel_visit WHERE session_id = ?", arguments: [session.id])
            for panel in panels where panel.sessionID == session.id { try panel.insert(db) }
        }
    }

    /// A panel just left, in its own transaction: its row (time spent so far, checklist),
    /// and the session's row as it stands, unfinished. A session killed and never
    /// resumed keeps every panel it left; finishing replaces them all. A session
    /// finished once and resumed keeps its finish time meanwhile: it was finished,
    /// and is listed so even if the resumed run is killed (finishing again moves the time).
    public func recordVisit(id: String, _ session: PracticeSession, lessons: [Lesson],
                            lessonID: String) throws(StorageError) {
        guard let lesson = lessons.first(where: { $0.id == lessonID }) else { return }
        let inProgress = SessionRecord.inProgress(id: id, session: session, lessons: lessons)
        let visit = PanelVisitRecord.row(sessionID: id, session: session, lesson: lesson)
        try write { db in
            var progress = inProgress
            progress.finishedAt = try Double.fetchOne(db, sql: "SELECT finished_at FROM session WHERE id = ?",
                                                      arguments: [id])
            try progress.upsert(db)
            try visit.upsert(db)
        }
    }

    /// A finished trainer session, its panels from every lesson of the deck, under its scenario.
    public func recordSession(id: String, _ session: PracticeSession, lessons: [Lesson], finishedAt: Double?,
                              kind: SessionRecord.Kind? = nil) throws(StorageError) {
        try record(SessionRecord(id: id, session: session, lessons: lessons, finishedAt: finishedAt, kind: kind),
                   panels: PanelVisitRecord.rows(sessionID: id, session: session, lessons: lessons))
    }

    // MARK: Reading

    /// Every session, oldest first.
    public func sessions() throws(StorageError) -> [SessionRecord] {
        try read { db in try SessionRecord.order(Column("started_at"), Column("id")).fetchAll(db) }
    }

    /// Attempts, oldest first; only those of one item (lesson id and result key) when given.
    public func attempts(lesson: String? = nil, resultKey: String? = nil) throws(StorageError) -> [AttemptRecord] {
        try read { db in
            var request = AttemptRecord.all()
            if let lesson { request = request.filter(Column("lesson_id") == lesson) }
            if let resultKey { request = request.filter(Column("result_key") == resultKey) }
            return try request.order(Column("date"), Column("id")).fetchAll(db)
        }
    }

    /// The panel rows of one session, in the order they were written.
    public func panels(session id: String) throws(StorageError) -> [PanelVisitRecord] {
        try read { db in
            try PanelVisitRecord.filter(Column("session_id") == id).order(sql: "rowid").fetchAll(db)
        }
    }

    /// SQLite's own integrity check ("ok" when sound).
    public func integrityCheck() throws(StorageError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Closes the connections (tests reopen the same file).
    public func close() { try? pool.close() }

    // MARK: JSON import

    /// Brings the lines of `history.jsonl` in as imported sessions, once per
    /// database: the import is recorded in the same transaction, so two processes
    /// opening at once import it once between them, and it is recorded even when
    /// there is no file yet (a trainer that later falls back to the file, with the
    /// database unusable, does not have its lines brought in as second sessions).
    /// A line whose session id the database already has is that session, not
    /// another: it is skipped. The file is left as it is.
    func importJSONHistory(_ store: SessionStore, now: Double) throws -> [String] {
        let source = "history.jsonl"
        let already = try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM import WHERE source = ?", arguments: [source]) ?? false
        }
        guard !already else { return [] }
        let (entries, skipped) = Paths.exists(store.historyPath) ? store.historyWithSkipped() : ([], 0)
        let (imported, known): (Int, Int) = try pool.writeWithoutTransaction { db in
            var count = 0, known = 0
            try db.inTransaction(.immediate) {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM import WHERE source = ?", arguments: [source]) ?? false {
                    return .commit
                }
                for (n, entry) in entries.enumerated() {
                    let session = SessionRecord(entry, line: n + 1)
                    if try SessionRecord.exists(db, key: session.id) { known += 1; continue }
                    try session.insert(db)
                    count += 1
                }
                try db.execute(sql: "INSERT INTO import (source, date, sessions) VALUES (?, ?, ?)",
                               arguments: [source, now, count])
                return .commit
            }
            return (count, known)
        }
        guard imported > 0 || skipped > 0 else { return [] }
        return ["imported \(imported) session\(imported == 1 ? "" : "s") from \(store.historyPath)"
            + (known > 0 ? " (\(known) already kept)" : "")
            + (skipped > 0 ? " (\(skipped) unreadable line\(skipped == 1 ? "" : "s") skipped)" : "")
            + "; the file is left as it was"]
    }

    /// Before the import kept a line's session id, every line came in as
    /// `jsonl-<line>-<date>`, so a session the trainer had also written to the
    /// database was listed twice, the second time as "imported". Once per
    /// database, each such row whose line names a session the database holds
    /// under its own id is removed; the file is read, never changed.
    func removeOldImportDuplicates(_ store: SessionStore, now: Double) throws -> [String] {
        let source = "history.jsonl duplicates"
        let done = try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM import WHERE source = ?", arguments: [source]) ?? false
        }
        guard !done else { return [] }
        let entries = Paths.exists(store.historyPath) ? store.historyWithSkipped().entries : []
        let removed: Int = try pool.writeWithoutTransaction { db in
            var count = 0
            try db.inTransaction(.immediate) {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM import WHERE source = ?", arguments: [source]) ?? false {
                    return .commit
                }
                for (n, entry) in entries.enumerated() {
                    let duplicate = SessionRecord.lineID(entry, line: n + 1)
                    guard let id = entry.sessionID, id != duplicate,
                          try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE id = ? AND kind != ?",
                                            arguments: [id, SessionRecord.Kind.imported.rawValue]) ?? false
                    else { continue }
                    try db.execute(sql: "DELETE FROM session WHERE id = ? AND kind = ?",
                                   arguments: [duplicate, SessionRecord.Kind.imported.rawValue])
                    count += db.changesCount
                }
                try db.execute(sql: "INSERT INTO import (source, date, sessions) VALUES (?, ?, ?)",
                               arguments: [source, now, count])
                return .commit
            }
            return count
        }
        guard removed > 0 else { return [] }
        return ["removed \(removed) session\(removed == 1 ? "" : "s") an earlier import of \(store.historyPath) "
            + "had listed a second time; each is kept once, under its own id"]
    }

    // MARK: -

    func write<T>(_ body: @Sendable (Database) throws -> T) throws(StorageError) -> T {
        do { return try pool.write(body) } catch { throw StorageError("write", path, reason: Self.describe(error)) }
    }

    func read<T>(_ body: @Sendable (Database) throws -> T) throws(StorageError) -> T {
        do { return try pool.read(body) } catch { throw StorageError("read", path, reason: Self.describe(error)) }
    }
}

extension SessionRecord {
    /// The id a line without a session id is kept under (every line's, before ids were kept).
    static func lineID(_ entry: HistoryEntry, line: Int) -> String {
        "jsonl-\(line)-\(entry.date.isFinite && abs(entry.date) < 1e15 ? Int(entry.date) : 0)"
    }

    /// A line of the old JSON history. Its id is the session's own, which the
    /// database keeps it under too; a line written before ids gets one made from
    /// its number and date, so the same line always becomes the same session.
    init(_ entry: HistoryEntry, line: Int) {
        self.init(id: entry.sessionID ?? Self.lineID(entry, line: line), kind: .imported,
                  startedAt: entry.date - (entry.secondsUsed.isFinite ? entry.secondsUsed : 0),
                  finishedAt: entry.date, secondsUsed: entry.secondsUsed, deckPanels: 0,
                  panelsVisited: entry.panelsVisited, checklistTicked: entry.checklistTicked,
                  checklistTotal: entry.checklistTotal, estimates: entry.estimates)
    }
}
