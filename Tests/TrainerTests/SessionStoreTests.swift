import BundledLessons
import Foundation
import Testing
@testable import Trainer

@Suite struct SessionStoreTests {
    func store(_ dir: TempDirectory) -> SessionStore {
        SessionStore(environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.file("state"), "XDG_DATA_HOME": dir.file("data")])
    }

    func sample() -> PracticeSession {
        var s = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        s.visit("fanout-one-author")
        s[lesson: "fanout-one-author"].parameters["followers"] = 50_000_000
        s[lesson: "fanout-one-author"].notes = "pull above 100K"
        s[lesson: "fanout-one-author"].ticked = [1]
        return s
    }

    @Test func directoriesFollowXDG() {
        let s = SessionStore(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/xs", "XDG_DATA_HOME": "/xd"])
        #expect(s.stateDirectory == "/xs/whiteboard")
        #expect(s.dataDirectory == "/xd/whiteboard")
        #expect(s.sessionPath == "/xs/whiteboard/session.json")
        #expect(s.historyPath == "/xd/whiteboard/history.jsonl")
    }

    @Test func directoriesDefaultUnderHome() {
        let s = SessionStore(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "relative/ignored", "XDG_DATA_HOME": ""])
        #expect(s.stateDirectory == "/home/u/.local/state/whiteboard")
        #expect(s.dataDirectory == "/home/u/.local/share/whiteboard")
    }

    @Test func nothingSavedLoadsNone() {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        #expect(store(dir).loadLast() == .none)
        #expect(dir.names() == [])
    }

    @Test func saveThenLoadRoundTrips() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        try s.save(sample())
        #expect(dir.names("state/whiteboard") == ["session.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("state/whiteboard"))
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(s.loadLast() == .loaded(sample()))
        var changed = sample()
        changed[lesson: "wrap-up"].notes = "second save"
        try s.save(changed)
        #expect(s.loadLast() == .loaded(changed))
        #expect(dir.names("state/whiteboard") == ["session.json"])
        s.clear()
        #expect(s.loadLast() == .none)
        s.clear()
    }

    @Test func nonFiniteValuesStillSave() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        var session = sample()
        session[lesson: "fanout-one-author"][guess: 0].value = .infinity
        try s.save(session)
        guard case let .loaded(back) = s.loadLast() else {
            Issue.record("expected a session")
            return
        }
        #expect(back[lesson: "fanout-one-author"][guess: 0].value == .infinity)
    }

    @Test func corruptFileIsMovedAside() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        try Paths.makeDirectory(s.stateDirectory)
        dir.write("state/whiteboard/session.json", "{\"version\": 1, \"clock\": ")
        guard case let .corrupt(movedTo, reason) = s.loadLast() else {
            Issue.record("expected corrupt")
            return
        }
        #expect(reason == "not a saved session (invalid JSON)")
        let names = dir.names("state/whiteboard")
        #expect(names.count == 1)
        #expect(movedTo == s.stateDirectory + "/" + names[0])
        #expect(names[0].hasPrefix("session.corrupt-") && names[0].hasSuffix(".json"))
        #expect(dir.read("state/whiteboard/" + names[0]) == "{\"version\": 1, \"clock\": ")
        #expect(s.loadLast() == .none)
    }

    @Test func wrongVersionIsMovedAside() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        try Paths.makeDirectory(s.stateDirectory)
        dir.write("state/whiteboard/session.json", #"{"version": 4, "startedAt": 0}"#)
        guard case let .corrupt(movedTo, reason) = s.loadLast() else {
            Issue.record("expected corrupt")
            return
        }
        #expect(reason == "format version 4, expected 3")
        #expect(movedTo.contains("/session.corrupt-"))
        #expect(dir.names("state/whiteboard").contains("session.json") == false)
    }

    @Test func rightVersionWrongShapeIsMovedAside() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        try Paths.makeDirectory(s.stateDirectory)
        dir.write("state/whiteboard/session.json", #"{"version": 1, "startedAt": "yesterday"}"#)
        guard case let .corrupt(_, reason) = s.loadLast() else {
            Issue.record("expected corrupt")
            return
        }
        #expect(reason == "not a saved session (unreadable startedAt)")
    }

    @Test func twoCorruptFilesInOneSecondKeepBoth() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        try Paths.makeDirectory(s.stateDirectory)
        dir.write("state/whiteboard/session.json", "one")
        _ = s.loadLast()
        dir.write("state/whiteboard/session.json", "two")
        _ = s.loadLast()
        let contents = dir.names("state/whiteboard").compactMap { dir.read("state/whiteboard/" + $0) }.sorted()
        #expect(contents == ["one", "two"])
    }

    @Test func saveIntoAPlainFileFolderFails() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("state", "not a folder")
        let s = store(dir)
        let error = #expect(throws: StorageError.self) { try s.save(sample()) }
        #expect(error?.description == "cannot create folder \(dir.file("state")): Not a directory")
    }

    @Test func historyAppendsAndSkipsMalformedLines() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        #expect(s.history() == [])
        let first = HistoryEntry(date: 1_700_000_000, secondsUsed: 552, panelsVisited: 6,
                                 estimates: EstimateCounts(good: 2, fair: 1, off: 0), checklistTicked: 9, checklistTotal: 30)
        let second = HistoryEntry(date: 1_700_090_000, secondsUsed: 610, panelsVisited: 12,
                                  estimates: EstimateCounts(good: 3, fair: 0, off: 1), checklistTicked: 20, checklistTotal: 40)
        try s.appendHistory(first)
        // A line cut short by a crash, with no newline: the next entry must still read.
        let handle = try #require(FileHandle(forWritingAtPath: s.historyPath))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"date": 17"#.utf8))
        handle.closeFile()
        try s.appendHistory(second)
        #expect(s.history() == [first, second])
        let lines = try #require(dir.read("data/whiteboard/history.jsonl")).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"checklistTicked":9,"checklistTotal":30,"date":1700000000,"estimates":{"fair":1,"good":2,"off":0},"panelsVisited":6,"secondsUsed":552}"#)
    }

    @Test func historyRefusesASymlink() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        try Paths.makeDirectory(s.dataDirectory)
        dir.write("elsewhere", "")
        try FileManager.default.createSymbolicLink(atPath: s.historyPath, withDestinationPath: dir.file("elsewhere"))
        #expect(throws: StorageError.self) {
            try s.appendHistory(HistoryEntry(date: 0, secondsUsed: 0, panelsVisited: 0, estimates: EstimateCounts(),
                                             checklistTicked: 0, checklistTotal: 0))
        }
        #expect(dir.read("elsewhere") == "")
    }
}

@Suite struct SessionStoreLockTests {
    @Test func aSecondClaimInTheSameFolderIsRefusedWhileTheFirstHoldsIt() {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let store = SessionStore(environment: ["XDG_STATE_HOME": dir.file("s"), "XDG_DATA_HOME": dir.file("d"), "HOME": dir.path])
        #expect(store.claimLock())
        // flock locks belong to the open file description: a second open in this process conflicts too.
        #expect(!store.claimLock())
    }
}

@Suite struct HistorySkippedTests {
    @Test func unreadableHistoryLinesAreCounted() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let store = SessionStore(environment: ["XDG_STATE_HOME": dir.file("s"), "XDG_DATA_HOME": dir.file("d"), "HOME": dir.path])
        try store.appendHistory(HistoryEntry(date: 1, secondsUsed: 60, panelsVisited: 2, estimates: EstimateCounts(),
                                             checklistTicked: 1, checklistTotal: 5))
        let handle = try #require(FileHandle(forWritingAtPath: store.historyPath))
        handle.seekToEndOfFile()
        handle.write(Data("{not json\n".utf8))
        handle.closeFile()
        let (entries, skipped) = store.historyWithSkipped()
        #expect(entries.count == 1)
        #expect(skipped == 1)
    }
}

@Suite struct SessionMigrationTests {
    /// A session file as builds before scenarios wrote it (format version 1).
    static let versionOne = #"""
    {
      "clock" : { "elapsed" : 30, "spentBySection" : { "41-42" : 30 } },
      "currentLessonID" : "db-write-headroom",
      "id" : "s1800000000000",
      "panels" : {
        "db-write-headroom" : { "notes" : "shard early", "parameters" : { "growth" : 10 }, "seconds" : 30, "ticked" : [ 0 ], "visited" : true }
      },
      "practiceMode" : true,
      "startedAt" : 1800000000,
      "version" : 1
    }
    """#

    @Test func aVersionOneSessionLoadsUnderTheBoardsScenario() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = SessionStore(environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.file("state"), "XDG_DATA_HOME": dir.file("data")])
        try Paths.makeDirectory(s.stateDirectory)
        dir.write("state/whiteboard/session.json", Self.versionOne)
        guard case let .loaded(session) = s.loadLast() else {
            Issue.record("a version 1 session should load")
            return
        }
        #expect(session.version == PracticeSession.formatVersion)
        #expect(session.scenario == "board")
        #expect(session.scenarioChanges.isEmpty)
        #expect(session[lesson: "db-write-headroom"].parameters == ["growth": 10])
        #expect(session[lesson: "db-write-headroom"].notes == "shard early")
        #expect(session.currentLessonID == "db-write-headroom")
        // Saved again, it is a version 2 file with its scenario, and reads back the same.
        try s.save(session)
        guard case let .loaded(again) = s.loadLast() else { Issue.record("saved session should load"); return }
        #expect(again == session)
    }

    /// A session file as builds with one estimate per panel wrote it (format version 2).
    static let versionTwo = #"""
    {
      "clock" : { "elapsed" : 30, "spentBySection" : { "42-44" : 30 } },
      "currentLessonID" : "fanout-population",
      "id" : "s1800000000000",
      "panels" : {
        "fanout-population" : { "estimate" : 2500000, "estimateSeconds" : 12.5, "notes" : "", "parameters" : { }, "revealed" : true, "seconds" : 30, "ticked" : [ ], "visited" : true },
        "db-write-headroom" : { "estimate" : 7, "notes" : "", "parameters" : { }, "seconds" : 0, "ticked" : [ ], "visited" : true }
      },
      "practiceMode" : true,
      "scenario" : "board",
      "startedAt" : 1800000000,
      "version" : 2
    }
    """#

    @Test func aVersionTwoGuessBecomesThePanelsFirst() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = SessionStore(environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.file("state"), "XDG_DATA_HOME": dir.file("data")])
        try Paths.makeDirectory(s.stateDirectory)
        dir.write("state/whiteboard/session.json", Self.versionTwo)
        guard case let .loaded(session) = s.loadLast() else {
            Issue.record("a version 2 session should load")
            return
        }
        #expect(session.version == PracticeSession.formatVersion)
        #expect(session[lesson: "fanout-population"].guesses == [PanelRecord.Guess(value: 2_500_000, revealed: true, seconds: 12.5)])
        // Saved before guesses could be revised, a guess without "revealed" had its answer shown.
        #expect(session[lesson: "db-write-headroom"][guess: 0] == PanelRecord.Guess(value: 7, revealed: true))
        #expect(session[lesson: "db-write-headroom"][guess: 1] == PanelRecord.Guess())
        try s.save(session)
        guard case let .loaded(again) = s.loadLast() else { Issue.record("saved session should load"); return }
        #expect(again == session)
        #expect(dir.read("state/whiteboard/session.json")?.contains("\"guesses\"") == true)
    }

    @Test func theMarkdownNamesTheScenarioAndWhatTheUserChanged() {
        var session = PracticeSession(startedAt: 1_800_000_000, practiceMode: false)
        session.scenario = "startup"
        session[lesson: "scenario"].parameters = ["dau": 2_000_000]
        let text = SessionExport.markdown(session, lessons: [], finishedAt: 1_800_000_600, timeZone: TimeZone(identifier: "UTC")!)
        #expect(text.contains("- Scenario: startup; you changed daily active users to 2,000,000 accounts\n"))
        session[lesson: "scenario"].parameters = [:]
        let plain = SessionExport.markdown(session, lessons: [], finishedAt: 1_800_000_600, timeZone: TimeZone(identifier: "UTC")!)
        #expect(plain.contains("- Scenario: startup (unchanged)\n"))
    }
}

/// `--resume` without `--scenario` starts under the scenario the session ran under.
@Suite struct ResumeScenarioTests {
    let library = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) })

    func store(_ dir: TempDirectory) -> SessionStore {
        SessionStore(environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.file("state"), "XDG_DATA_HOME": dir.file("data")])
    }

    @Test func theSavedScenarioIsReadWithoutTouchingTheFile() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let s = store(dir)
        #expect(s.savedScenario() == nil)
        var session = PracticeSession(startedAt: 1_800_000_000, practiceMode: false)
        session.scenario = "startup"
        try s.save(session)
        #expect(s.savedScenario() == "startup")
        // A session saved before scenarios ran under the board's.
        dir.write("state/whiteboard/session.json", SessionMigrationTests.versionOne)
        #expect(s.savedScenario() == "board")
        // A file this build cannot read gives none, and is left for loadLast to report and move aside.
        dir.write("state/whiteboard/session.json", #"{"version": 99, "scenario": "startup"}"#)
        #expect(s.savedScenario() == nil)
        dir.write("state/whiteboard/session.json", "not json")
        #expect(s.savedScenario() == nil)
        #expect(dir.names("state/whiteboard") == ["session.json"])
    }

    @Test func resumeTakesTheSessionsScenarioUnlessOneIsAskedFor() {
        var reads = 0
        func saved() -> String? { reads += 1; return "twitter-2013" }
        #expect(ScenarioLibrary.trainerChoice(asked: nil, resume: true, saved: saved) == "twitter-2013")
        #expect(ScenarioLibrary.trainerChoice(asked: "startup", resume: true, saved: saved) == "startup")
        #expect(ScenarioLibrary.trainerChoice(asked: nil, resume: false, saved: saved) == "board")
        // Only a resume without --scenario reads the session.
        #expect(reads == 1)
        #expect(ScenarioLibrary.trainerChoice(asked: nil, resume: true, saved: { nil }) == "board")
        // A file is named by its absolute path, so the session resumes from any folder.
        #expect(ScenarioLibrary.trainerChoice(asked: "mine/../mine.yaml", resume: false, saved: { nil },
                                              currentDirectory: "/home/u") == "/home/u/mine.yaml")
        #expect(ScenarioLibrary.trainerChoice(asked: nil, resume: true, saved: { "/tmp/x.yml" }) == "/tmp/x.yml")
    }

    @Test func aScenarioIsRecordedAsScenarioTakesItBack() throws {
        #expect(Scenario.board.reference == "board")
        let startup = try library.load("startup").get()
        #expect(startup.reference == "startup")
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let text = try #require(library.files.first { $0.name == "startup.yaml" }?.text)
        dir.write("mine.yaml", text)
        let mine = try library.load(dir.file("mine.yaml")).get()
        #expect(mine.reference == dir.file("mine.yaml"))
        // What a session records loads the same scenario again.
        #expect(try library.load(mine.reference).get() == mine)
        #expect(try library.load(startup.reference).get() == startup)
    }
}
