import Calculators
import Foundation
import GRDB
import Testing
@testable import Trainer

#if canImport(Glibc)
import Glibc
#endif

@Suite struct HistoryDatabaseTests {
    func store(_ dir: TempDirectory) -> SessionStore {
        SessionStore(environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.file("state"), "XDG_DATA_HOME": dir.file("data")])
    }

    func attempt(_ session: String, guess: Double?, truth: Double = 100, kind: QuantityKind = .latency,
                 date: Double = 1_700_000_000, lesson: String = "queue-lag") -> AttemptRecord {
        AttemptRecord(sessionID: session, lessonID: lesson, resultKey: "drain_time",
                      question: "100K messages behind: how long to catch up?", kind: kind, unit: "s",
                      truth: truth, guess: guess, parameters: ["backlog": 100_000, "workers": 10],
                      scenario: "news-feed", secondsTaken: 12.5, date: date)
    }

    @Test func livesInTheDataFolderInWALMode() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let opened = HistoryDatabase.open(store(dir))
        let db = try #require(opened.database)
        #expect(db.path == dir.file("data/whiteboard/history.sqlite"))
        #expect(opened.notices == [])
        let mode = try db.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test func attemptsAreRecordedAndReadBack() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let db = try #require(HistoryDatabase.open(store(dir)).database)
        let first = try db.record(attempt("s1", guess: 90))
        let second = try db.record(attempt("s1", guess: nil, date: 1_700_000_100))
        #expect(first.id != nil && second.id != nil && first.id != second.id)
        db.close()

        // A fresh connection reads what the first one wrote.
        let again = try #require(HistoryDatabase.open(store(dir)).database)
        let read = try again.attempts()
        #expect(read == [first, second])
        #expect(read[0].question == "100K messages behind: how long to catch up?")
        #expect(read[0].parameters == ["backlog": 100_000, "workers": 10])
        #expect(read[0].scenario == "news-feed")
        #expect(read[0].secondsTaken == 12.5)
        #expect(read[0].score == .good && read[0].method == .ratio)
        #expect(abs(read[0].logRatio! - log10(0.9)) < 1e-12)
        #expect(read[1].guess == nil && read[1].score == .off && read[1].method == .revealed && read[1].logRatio == nil)
        #expect(try again.attempts(lesson: "other").isEmpty)
        // The attempt made its session's row.
        #expect(try again.sessions().map(\.id) == ["s1"])
    }

    /// A deck of two panels, three checklist items in all.
    let lessons = [
        Lesson(id: "a", file: "a.md", minutes: "41-42", title: "A", checklist: ["x", "y"]),
        Lesson(id: "b", file: "b.md", minutes: "42-44", title: "B", checklist: ["z"]),
    ]

    @Test func sessionsAreReplacedNotDuplicated() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let db = try #require(HistoryDatabase.open(store(dir)).database)
        var session = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        session.visit("a")
        session[lesson: "a"].ticked = [1]
        session[lesson: "a"].seconds = 40
        try db.recordSession(id: "s", session, lessons: lessons, finishedAt: 1_700_000_600)
        session[lesson: "a"].ticked = [0, 1]
        try db.recordSession(id: "s", session, lessons: lessons, finishedAt: 1_700_000_900)
        let rows = try db.sessions()
        #expect(rows.count == 1)
        // Coverage over the whole deck: the skipped panel's item counts as not ticked.
        #expect(rows[0].checklistTicked == 2 && rows[0].checklistTotal == 3)
        #expect(rows[0].deckPanels == 2 && rows[0].panelsVisited == 1)
        #expect(rows[0].finishedAt == 1_700_000_900 && rows[0].kind == .practice)
        let panels = try db.panels(session: "s")
        #expect(panels.map(\.lessonID) == ["a", "b"])
        #expect(panels[0].seconds == 40 && panels[0].visited && !panels[1].visited)
    }

    /// A finished session resumed and then killed is still listed as finished,
    /// with what the resumed run did; finishing again moves its finish time.
    @Test func aResumedFinishedSessionStaysFinishedWhilePanelsAreLeft() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let db = try #require(HistoryDatabase.open(store(dir)).database)
        var session = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        session.visit("a")
        session[lesson: "a"].seconds = 40
        try db.recordSession(id: "s", session, lessons: lessons, finishedAt: 1_700_000_600)
        // Resumed: a second panel visited and left, then the process is gone.
        session.visit("b")
        session[lesson: "b"].seconds = 25
        session[lesson: "b"].ticked = [0]
        try db.recordVisit(id: "s", session, lessons: lessons, lessonID: "b")
        var rows = try db.sessions()
        #expect(rows.map(\.id) == ["s"])
        #expect(rows[0].finishedAt == 1_700_000_600)
        #expect(rows[0].panelsVisited == 2 && rows[0].checklistTicked == 1)
        #expect(SessionHistoryReport.rows(rows, attempts: []).first?[1] == "practice")
        #expect(try db.panels(session: "s").first { $0.lessonID == "b" }?.seconds == 25)
        // A session never finished stays unfinished as its panels are left.
        try db.recordVisit(id: "t", session, lessons: lessons, lessonID: "a")
        #expect(try db.sessions().first { $0.id == "t" }?.finishedAt == nil)
        try db.recordSession(id: "s", session, lessons: lessons, finishedAt: 1_700_001_000)
        rows = try db.sessions()
        #expect(rows.first { $0.id == "s" }?.finishedAt == 1_700_001_000)
    }

    @Test func aSessionKeepsTheScenarioItRanUnder() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let db = try #require(HistoryDatabase.open(store(dir)).database)
        let lessons = [Lesson(id: "a", file: "a.md", minutes: "41-42", title: "A", checklist: ["x"])]
        var session = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        session.scenario = "/home/me/mine.yaml"
        session.visit("a")
        session[lesson: "a"].seconds = 30
        try db.recordSession(id: "s", session, lessons: lessons, finishedAt: 1_700_000_600)
        db.close()
        let again = try #require(HistoryDatabase.open(store(dir)).database)
        defer { again.close() }
        #expect(try again.sessions() == [
            SessionRecord(id: "s", kind: .practice, startedAt: 1_700_000_000, finishedAt: 1_700_000_600,
                          deckPanels: 1, panelsVisited: 1, checklistTotal: 1, scenario: "/home/me/mine.yaml"),
        ])
    }

    /// Estimates, accuracy and the checklist count every panel of the deck: a session
    /// that visits two panels scores no higher than the same session with the rest
    /// visited and nothing more answered; answering one more is what raises it.
    @Test func skippingPanelsNeverRaisesTheScore() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let db = try #require(HistoryDatabase.open(store(dir)).database)
        defer { db.close() }
        func asks(_ key: String) -> Lesson.Estimate { Lesson.Estimate(resultKey: key, question: key + "?") }
        // Three estimates in the deck (b asks two, d none), five checklist items.
        let lessons = [
            Lesson(id: "a", file: "a.md", minutes: "42-44", title: "A", checklist: ["x", "y"], estimates: [asks("a1")]),
            Lesson(id: "b", file: "b.md", minutes: "44-46", title: "B", checklist: ["z"], estimates: [asks("b1"), asks("b2")]),
            Lesson(id: "c", file: "c.md", minutes: "46-48", title: "C", checklist: ["w"]),
            Lesson(id: "d", file: "d.md", minutes: "48-50", title: "D", checklist: ["v"]),
        ]
        func session(_ id: String, at start: Double, visiting: [String], guesses: [(String, Double)]) throws {
            var s = PracticeSession(startedAt: start, practiceMode: true)
            for lesson in visiting { s.visit(lesson) }
            s[lesson: "a"].ticked = [0]
            s[lesson: "b"].ticked = [0]
            for (n, (lesson, guess)) in guesses.enumerated() {
                try db.record(attempt(id, guess: guess, date: start + Double(n), lesson: lesson))
            }
            try db.recordSession(id: id, s, lessons: lessons, finishedAt: start + 600)
        }
        // a1 guessed 2× high (good), b1 4× high (fair); b2 not answered.
        try session("two", at: 1_700_000_000, visiting: ["a", "b"], guesses: [("a", 200), ("b", 400)])
        try session("all", at: 1_700_086_400, visiting: ["a", "b", "c", "d"], guesses: [("a", 200), ("b", 400)])
        // b2 answered too, dead on.
        try session("more", at: 1_700_172_800, visiting: ["a", "b"], guesses: [("a", 200), ("b", 400), ("b", 100)])
        #expect(try db.sessions().map(\.deckEstimates) == [3, 3, 3])
        let rows = SessionHistoryReport.rows(try db.sessions(), attempts: try db.attempts(), timeZone: TimeZone(identifier: "UTC")!)
        #expect(rows == [
            // Newest first by start, the date shown. b2 answered too: 2 good of the deck's 3.
            ["2023-11-16 22:13", "practice", "0:00 of 10:00", "2 of 4", "2/1/0 of 3", "67 % good", "2/5 (40 %)"],
            // The rest visited, nothing more answered: no higher than skipping them.
            ["2023-11-15 22:13", "practice", "0:00 of 10:00", "4 of 4", "1/1/0 of 3", "33 % good", "2/5 (40 %)"],
            // 1 good of the deck's 3 (of the two answered alone it would be half).
            ["2023-11-14 22:13", "practice", "0:00 of 10:00", "2 of 4", "1/1/0 of 3", "33 % good", "2/5 (40 %)"],
        ])
        // A drill's measure is the same, over the items it asked.
        #expect(SessionHistoryReport.accuracy(EstimateCounts(good: 1, fair: 1), asked: 2) == "50 % good")
        #expect(SessionHistoryReport.accuracy(EstimateCounts(), asked: 0) == "—")
    }

    @Test func twoWritersInOneProcessLoseNothing() async throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history.sqlite")
        let a = try #require(HistoryDatabase.open(at: path).database)
        let b = try #require(HistoryDatabase.open(at: path).database)
        await withTaskGroup(of: Void.self) { group in
            for (db, name) in [(a, "a"), (b, "b")] {
                group.addTask {
                    for n in 0..<100 { _ = try? db.record(self.attempt(name, guess: Double(n + 1))) }
                }
            }
        }
        #expect(try a.attempts().count == 200)
        #expect(try b.attempts().filter { $0.sessionID == "a" }.count == 100)
        #expect(try a.integrityCheck() == ["ok"])
    }

    @Test func twoWriterProcessesLoseNothing() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history.sqlite")
        // Made first, so both processes find the schema in place.
        try #require(HistoryDatabase.open(at: path).database).close()
        let one = try probe(path, "one", count: 150)
        let two = try probe(path, "two", count: 150)
        one.process.waitUntilExit()
        two.process.waitUntilExit()
        #expect(one.process.terminationStatus == 0, "\(one.errors())")
        #expect(two.process.terminationStatus == 0, "\(two.errors())")
        let db = try #require(HistoryDatabase.open(at: path).database)
        let attempts = try db.attempts()
        #expect(attempts.filter { $0.sessionID == "one" }.count == 150)
        #expect(attempts.filter { $0.sessionID == "two" }.count == 150)
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test func aKilledWriterLosesAtMostTheAttemptItWasWriting() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history.sqlite")
        let writer = try probe(path, "killed", count: 100_000)
        // Wait until it has committed a good number, then kill it mid-stream.
        let deadline = Date().addingTimeInterval(60)
        while writer.committed() < 40, Date() < deadline, writer.process.isRunning { usleep(20_000) }
        kill(writer.process.processIdentifier, SIGKILL)
        writer.process.waitUntilExit()
        #expect(writer.process.terminationReason == .uncaughtSignal)
        let reported = writer.committed()
        #expect(reported >= 40)

        let opened = HistoryDatabase.open(at: path)
        #expect(opened.notices == [])
        let db = try #require(opened.database)
        let stored = try db.attempts().count
        // Everything it said it committed is there; at most the one it was
        // writing when killed (committed, not yet printed) is extra.
        #expect(stored >= reported && stored <= reported + 1)
        #expect(try db.integrityCheck() == ["ok"])
        // And the file takes new writes.
        try db.record(attempt("after", guess: 1))
        #expect(try db.attempts().count == stored + 1)
    }

    @Test func aCorruptFileIsSetAsideNeverFatal() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        try Paths.makeDirectory(dir.file("data/whiteboard"))
        dir.write("data/whiteboard/history.sqlite", "this is not a database, just text that got here\n" + String(repeating: "x", count: 5000))
        let opened = HistoryDatabase.open(store(dir), now: 1_700_000_000)
        let db = try #require(opened.database)
        #expect(opened.notices.count == 1)
        #expect(opened.notices[0].contains("is damaged"))
        #expect(opened.notices[0].contains("moved to " + dir.file("data/whiteboard/history.corrupt-")))
        let names = dir.names("data/whiteboard")
        let aside = try #require(names.first { $0.hasPrefix("history.corrupt-") })
        #expect(dir.read("data/whiteboard/" + aside)?.hasPrefix("this is not a database") == true)
        try db.record(attempt("s", guess: 100))
        #expect(try db.attempts().count == 1)
    }

    @Test func aDamagedDatabaseIsSetAside() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history.sqlite")
        let db = try #require(HistoryDatabase.open(at: path).database)
        for n in 0..<300 { try db.record(attempt("s", guess: Double(n + 1))) }
        try db.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        db.close()
        // Scribble over the middle pages, keeping the header: SQLite opens it, the check fails.
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        let junk = [UInt8](repeating: 0xA5, count: 4096 * 3)
        _ = junk.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 4096) }
        close(fd)
        let opened = HistoryDatabase.open(at: path)
        #expect(opened.database != nil)
        #expect(opened.notices.count == 1 && opened.notices[0].contains("is damaged"), "\(opened.notices)")
        #expect(try opened.database?.attempts().count == 0)
    }

    @Test func aNewerDatabaseIsSetAside() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("history.sqlite")
        let db = try #require(HistoryDatabase.open(at: path).database)
        try db.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        db.close()
        let opened = HistoryDatabase.open(at: path, now: 1_700_000_000)
        #expect(opened.database != nil)
        #expect(opened.notices.count == 1 && opened.notices[0].contains("was written by a newer whiteboard"), "\(opened.notices)")
        #expect(dir.names().contains { $0.hasPrefix("history.newer-") && $0.hasSuffix(".sqlite") })
    }

    @Test func anUnwritableFolderIsReportedNotFatal() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("file", "x")
        let opened = HistoryDatabase.open(at: dir.file("file/history.sqlite"))
        #expect(opened.database == nil)
        #expect(opened.notices.count == 1 && opened.notices[0].hasPrefix("history not kept: "))
    }

    @Test func theJSONHistoryIsImportedOnceAndLeftInPlace() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        try s.appendHistory(HistoryEntry(date: 1_700_000_600, secondsUsed: 540, panelsVisited: 7,
                                         estimates: EstimateCounts(good: 2, fair: 1, off: 0),
                                         checklistTicked: 9, checklistTotal: 30))
        try s.appendHistory(HistoryEntry(date: 1_700_090_000, secondsUsed: 300, panelsVisited: 3,
                                         estimates: EstimateCounts(), checklistTicked: 1, checklistTotal: 12))
        let before = dir.read("data/whiteboard/history.jsonl")
        dir.write("data/whiteboard/history.jsonl", before! + "{not json\n")
        let opened = HistoryDatabase.open(s, now: 1_700_100_000)
        let db = try #require(opened.database)
        #expect(opened.notices == ["imported 2 sessions from \(s.historyPath) (1 unreadable line skipped); the file is left as it was"])
        let sessions = try db.sessions()
        #expect(sessions.map(\.kind) == [.imported, .imported])
        #expect(sessions[0].finishedAt == 1_700_000_600 && sessions[0].startedAt == 1_700_000_060)
        #expect(sessions[0].estimates == EstimateCounts(good: 2, fair: 1, off: 0))
        #expect(sessions[0].checklistTicked == 9 && sessions[0].checklistTotal == 30)
        #expect(dir.read("data/whiteboard/history.jsonl") == before! + "{not json\n")
        db.close()
        // Opening again, even after more lines, imports nothing more.
        try s.appendHistory(HistoryEntry(date: 1_700_200_000, secondsUsed: 1, panelsVisited: 1,
                                         estimates: EstimateCounts(), checklistTicked: 0, checklistTotal: 1))
        let reopened = HistoryDatabase.open(s)
        #expect(reopened.notices == [])
        #expect(try reopened.database?.sessions().count == 2)
    }

    /// A line of the JSON history is the session its id names: one the database
    /// already has (the trainer wrote both) is skipped, not listed a second time.
    @Test func theJSONImportNeverAddsASessionTheDatabaseHas() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        let path = dir.file("data/whiteboard/history.sqlite")
        // A database made before the import was recorded on every open (no file then).
        var db = try #require(HistoryDatabase.open(at: path).database)
        let lessons = [Lesson(id: "a", file: "a.md", minutes: "41-42", title: "A", checklist: ["x"])]
        var session = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        session.visit("a")
        let id = try #require(session.id)
        try db.recordSession(id: id, session, lessons: lessons, finishedAt: 1_700_000_600)
        db.close()
        var known = HistoryEntry(session: session, lessons: lessons, finishedAt: 1_700_000_600)
        try s.appendHistory(known)
        known.sessionID = "another"
        known.date = 1_700_100_000
        try s.appendHistory(known)
        let opened = HistoryDatabase.open(s, now: 1_700_200_000)
        db = try #require(opened.database)
        #expect(opened.notices == ["imported 1 session from \(s.historyPath) (1 already kept); the file is left as it was"])
        let sessions = try db.sessions()
        #expect(sessions.map(\.id) == [id, "another"])
        #expect(sessions.map(\.kind) == [.practice, .imported])
        db.close()
    }

    /// A database the old import filled (every line as `jsonl-<line>-<date>`)
    /// lists a session the trainer also wrote twice; opening it removes the
    /// imported copy once, and keeps lines of sessions it holds no other way.
    @Test func anOldImportsDuplicatesAreRemovedOnce() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        let path = dir.file("data/whiteboard/history.sqlite")
        var db = try #require(HistoryDatabase.open(at: path).database)
        var session = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        session.visit("a")
        let id = try #require(session.id)
        try db.recordSession(id: id, session, lessons: lessons, finishedAt: 1_700_000_600)
        db.close()
        var line = HistoryEntry(session: session, lessons: lessons, finishedAt: 1_700_000_600)
        try s.appendHistory(line)
        line.sessionID = "only-in-the-file"
        line.date = 1_700_100_000
        try s.appendHistory(line)
        // What the old import made of those two lines.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for (n, date) in [(1, 1_700_000_600), (2, 1_700_100_000)] {
                try db.execute(sql: "INSERT INTO session (id, kind, started_at, finished_at) VALUES (?, 'imported', ?, ?)",
                               arguments: ["jsonl-\(n)-\(date)", date - 600, date])
            }
            try db.execute(sql: "INSERT INTO import (source, date, sessions) VALUES ('history.jsonl', 1700150000, 2)")
        }
        try queue.close()

        let opened = HistoryDatabase.open(s, now: 1_700_200_000)
        db = try #require(opened.database)
        #expect(opened.notices == ["removed 1 session an earlier import of \(s.historyPath) had listed a second time; "
                                   + "each is kept once, under its own id"])
        #expect(try db.sessions().map(\.id) == [id, "jsonl-2-1700100000"])
        db.close()
        let again = HistoryDatabase.open(s, now: 1_700_300_000)
        #expect(again.notices == [])
        #expect(try again.database?.sessions().count == 2)
        again.database?.close()
    }

    /// The import is done once per database, file or no file: lines that turn up
    /// later (the trainer's fallback while the database was unusable) are not brought in.
    @Test func theJSONImportIsRecordedEvenWithNoFile() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        let first = HistoryDatabase.open(s, now: 1_700_000_000)
        #expect(first.notices == [])
        first.database?.close()
        try s.appendHistory(HistoryEntry(date: 1_700_000_600, secondsUsed: 540, panelsVisited: 7,
                                         estimates: EstimateCounts(good: 2), checklistTicked: 9, checklistTotal: 30))
        let again = HistoryDatabase.open(s, now: 1_700_001_000)
        let db = try #require(again.database)
        #expect(again.notices == [])
        #expect(try db.sessions().isEmpty)
        db.close()
    }

    // MARK: -

    /// The HistoryProbe tool, built beside this test bundle.
    struct Probe {
        let process: Process
        let out: URL
        let err: URL

        func committed() -> Int {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").filter { $0.hasPrefix("committed ") }.count
        }

        func errors() -> String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }
    }

    func probe(_ path: String, _ session: String, count: Int) throws -> Probe {
        let executable = try #require(Self.probeBinary, "no HistoryProbe binary beside the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = [path, session, String(count)]
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("probe-out-\(UUID().uuidString)")
        let err = folder.appendingPathComponent("probe-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Probe(process: process, out: out, err: err)
    }

    static let probeBinary: URL? = {
        let fm = FileManager.default
        let starts = Bundle.allBundles.map(\.bundleURL) + [Bundle.main.bundleURL]
            + [URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/x")]
        for start in starts {
            var folder = start
            for _ in 0..<4 {
                folder = folder.deletingLastPathComponent()
                let candidate = folder.appendingPathComponent("HistoryProbe")
                if fm.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()
}
