import BundledLessons
import Calculators
import Foundation
import SnapshotTesting
import Testing
import Trainer
@testable import TUI

/// One scenario behind every panel, through the whole reducer: a scenario input
/// moves every linked value on every panel in one update, an edit on a panel
/// overrides its link there only, and `r` restores it.
@Suite struct ReducerTestsScenario {
    typealias R = ReducerTests

    /// The state on the scenario panel with the calculator focused.
    static func onScenario() throws -> (AppState, Int) {
        var state = R.fresh()
        let s = try #require(state.scenarioIndex)
        _ = state.update(.goToPanel(s))
        _ = state.update(.toggleFocus)
        return (state, s)
    }

    @Test func theScenarioPanelComesSecondWithTheBoardsValues() throws {
        let state = R.fresh()
        #expect(state.scenarioIndex == 1)
        let panel = try #require(state.panels.first { $0.isScenario })
        #expect(panel.lesson.title == "Scenario: The board's news feed at 200M DAU")
        #expect(panel.inputs == Scenario.board.values)
        #expect(panel.output?.value("peak_write_qps") == 3_600)
        #expect(state.scenarioValues == Scenario.board.values)
        // Linked values on the panels are the scenario's.
        let headroom = state.panels[try R.index(state, "db-write-headroom")]
        #expect(headroom.link("current_qps")?.source == "peak_write_qps")
        #expect(headroom.inputs?["current_qps"] == 3_600)
        #expect(headroom.claimsCheckedAt.isEmpty)
        // A lesson that sets a linked value to something else departs from it and keeps its own.
        let oneAuthor = state.panels[try R.index(state, "fanout-one-author")]
        #expect(oneAuthor.link("entry_bytes") == nil)
        #expect(oneAuthor.inputs?["entry_bytes"] == 8)
    }

    @Test func dauMovesEveryLinkedValueOnEveryPanelInOneUpdate() throws {
        var (state, s) = try Self.onScenario()
        let headroom = try R.index(state, "db-write-headroom")
        let population = try R.index(state, "fanout-population")
        let bill = try R.index(state, "monthly-bill")
        let staleness = try R.index(state, "cap-staleness")
        let before = state.panels
        _ = state.update(.beginEntry)
        for ch in "400M" { _ = state.update(.typed(ch)) }
        R.send(&state, .commit, effects: []) {
            $0.overlay = nil
            $0.session[lesson: Scenario.panelID].noteChange(from: [:])
            $0.session[lesson: Scenario.panelID].parameters["dau"] = 400_000_000
            $0.refreshPanel(s)
            // Every linked panel follows; the others are left as they were.
            for i in $0.panels.indices where !$0.panels[i].links.isEmpty { $0.refreshPanel(i) }
            $0.unsavedChanges = true
            $0.notice = Notice(.info, "daily active users = 400,000,000 accounts")
        }
        #expect(state.scenarioValues["dau"] == 400_000_000)
        #expect(state.scenarioChanges.map(\.key) == ["dau"])
        // Twice the board's peak on the headroom panel, half the headroom.
        #expect(state.panels[headroom].inputs?["current_qps"] == 7_200)
        let headroomBefore = try #require(before[headroom].output?.value("headroom"))
        #expect(abs((state.panels[headroom].output?.value("headroom") ?? 0) - headroomBefore / 2) < 1e-9)
        // Twice the timelines in memory and twice the inserts on the population panel.
        #expect(state.panels[population].inputs?["accounts"] == 400_000_000)
        for key in ["timeline_memory", "inserts_per_s"] {
            let was = try #require(before[population].output?.value(key))
            let now = try #require(state.panels[population].output?.value(key))
            #expect(abs(now / was - 2) < 1e-6, "\(key): \(was) → \(now)")
        }
        // The same bill over twice the users: the bill per DAU moves.
        #expect(state.panels[bill].inputs?["dau"] == 400_000_000)
        #expect(state.panels[bill].output?.value("per_dau.yearly") != before[bill].output?.value("per_dau.yearly"))
        // A panel with no link did not move.
        #expect(state.panels[staleness].inputs == before[staleness].inputs)
        // The board's claims stay checked at the board, and say so.
        #expect(state.panels[headroom].claimsCheckedAt == ["200M DAU"])
        #expect(state.panels[headroom].claimChecks == before[headroom].claimChecks)
        #expect(state.panels[population].claimChecks == before[population].claimChecks)

        // Undo on the scenario panel takes every panel back.
        _ = state.update(.undo)
        #expect(state.panels[headroom].inputs == before[headroom].inputs)
        #expect(state.panels[population].inputs == before[population].inputs)
        #expect(state.panels[headroom].claimsCheckedAt.isEmpty)
    }

    @Test func anEditOnAPanelOverridesItsLinkThereAndRRestoresIt() throws {
        var state = R.fresh()
        let headroom = try R.index(state, "db-write-headroom")
        _ = state.update(.goToPanel(headroom))
        _ = state.update(.toggleFocus)
        #expect(state.panels[headroom].selectedParameter?.key == "current_qps")
        R.send(&state, .step(1, large: false), effects: []) {
            $0.session[lesson: "db-write-headroom"].noteChange(from: [:])
            $0.session[lesson: "db-write-headroom"].parameters["current_qps"] = 5_000
            $0.refreshPanel(headroom)
            $0.unsavedChanges = true
        }
        #expect(state.panels[headroom].link("current_qps") == nil)
        #expect(state.panels[headroom].overriddenLink("current_qps")?.source == "peak_write_qps")
        #expect(state.panels[headroom].isChanged("current_qps"))
        // The scenario is unchanged by it.
        #expect(state.scenarioValues == Scenario.board.values)
        #expect(state.session[lesson: Scenario.panelID].parameters.isEmpty)

        // A scenario change now leaves the overridden value alone but moves the panel's other links.
        let s = try #require(state.scenarioIndex)
        _ = state.update(.goToPanel(s))
        _ = state.update(.beginEntry)
        for ch in "400M" { _ = state.update(.typed(ch)) }
        _ = state.update(.commit)
        #expect(state.panels[headroom].inputs?["current_qps"] == 5_000)
        _ = state.update(.goToPanel(headroom))

        // r on the row restores the link, at the scenario's value in force.
        R.send(&state, .resetParameter, effects: []) {
            $0.session[lesson: "db-write-headroom"].noteChange(from: ["current_qps": 5_000])
            $0.session[lesson: "db-write-headroom"].parameters = [:]
            $0.refreshPanel(headroom)
            $0.notice = Notice(.info, "peak rows written follows the scenario again: 7,200 rows/s (peak_write_qps)")
        }
        #expect(state.panels[headroom].link("current_qps")?.source == "peak_write_qps")
        #expect(state.panels[headroom].inputs?["current_qps"] == 7_200)
    }

    @Test func aBadScenarioFileStartsOnTheBoardsWithTheProblemShown() throws {
        let library = ScenarioLibrary(files: [])
        let (scenario, problems) = library.forTrainer("/nonexistent/mine.yaml")
        #expect(scenario == .board)
        #expect(problems.map(\.description) == ["/nonexistent/mine.yaml:1:1: error: no such file"])
        let state = AppState(library: Harness.bundled, size: Size(cols: 120, rows: 40), scenario: scenario,
                             scenarioProblems: problems)
        #expect(state.problems.suffix(1) == problems)
        #expect(state.notice == Notice(.error, "/nonexistent/mine.yaml did not load (running under the board's scenario): see the last panel"))
        #expect(state.scenarioValues == Scenario.board.values)
        // The lessons arriving after the first frame keep the problem.
        var loaded = state
        _ = loaded.update(.lessonsLoaded(Harness.bundled))
        #expect(loaded.problems.suffix(1) == problems)
    }
}

/// A scenario file that does not parse: its errors at file:line:column, the trainer on the board's.
@Suite struct BadScenarioFileTests {
    @Test func aFileWithErrorsListsThemAndTheTrainerStartsOnTheBoards() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wb-bad-\(UUID().uuidString).yaml").path
        try "name: mine\ntitle: Mine\nvalues:\n  dau:\n    value: 0\n    source: me\n  users: 5\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (scenario, problems) = ScenarioLibrary(files: []).forTrainer(path)
        #expect(scenario == .board)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.description.hasPrefix(path + ":") })
        #expect(problems.first?.description.hasPrefix(path + ":5:12: error: dau: 0 is out of range") == true, "\(problems)")
        var state = AppState(library: Harness.bundled, size: Size(cols: 120, rows: 40), scenario: scenario, scenarioProblems: problems)
        #expect(state.scenarioValues == Scenario.board.values)
        #expect(state.problems.suffix(problems.count) == problems)
        _ = state.update(.started(saved: .none, lockHeld: true, resume: false, practice: false, wallClock: 0))
        let headroom = try ReducerTests.index(state, "db-write-headroom")
        #expect(state.panels[headroom].inputs?["current_qps"] == 3_600)
    }
}

/// The screen before and after DAU moves on the scenario panel.
@Suite struct ScenarioScreenTests {
    @Test func scenarioPanel() {
        var h = Harness(120, 40)
        h.open(Scenario.panelID)
        h.press(.tab)
        assertSnapshot(of: h.grid, as: .screen, named: "120x40")
    }

    @Test func linkedPanelsBeforeAndAfterDAU() {
        var h = Harness(120, 40)
        func shots(_ name: String) {
            for id in ["db-write-headroom", "fanout-population", "monthly-bill"] {
                h.open(id)
                assertSnapshot(of: h.grid, as: .screen, named: "\(id).\(name)", testName: "linkedPanels")
            }
        }
        h.open("fanout-population")
        h.press(.tab)
        shots("board")
        h.open(Scenario.panelID)
        h.press(.enter)
        h.type("400M")
        h.press(.enter)
        shots("dau-400M")
    }
}

/// The lessons arriving after the first frame follow the scenario in force.
@Suite struct ScenarioLoadTests {
    @Test func panelsLoadedAfterTheFirstFrameFollowAScenarioOffTheBoards() throws {
        var startup = Scenario.board
        startup.values.setClamped("dau", 1_000_000)
        let first = LessonLibrary(lessons: Array(Harness.bundled.lessons.prefix(1)))
        var state = AppState(library: first, size: Size(cols: 120, rows: 40), scenario: startup)
        #expect(state.scenarioIndex == nil)
        _ = state.update(.lessonsLoaded(Harness.bundled))
        let headroom = try ReducerTests.index(state, "db-write-headroom")
        #expect(state.scenarioIndex == 1)
        #expect(state.panels[headroom].inputs?["current_qps"] == 18)
        #expect(state.panels[headroom].claimsCheckedAt == ["200M DAU"])
    }
}

@Suite struct ScenarioResumeTests {
    @Test func resumeTakesBackTheScenarioChangesAndNamesTheScenario() throws {
        var saved = PracticeSession(startedAt: 1_800_000_000, practiceMode: false)
        saved.scenario = "board"
        saved[lesson: Scenario.panelID].parameters = ["dau": 400_000_000]
        var state = ReducerTests.fresh()
        #expect(state.session.scenario == "board")
        _ = state.update(.started(saved: .loaded(saved), lockHeld: true, resume: true, practice: false, wallClock: 0))
        let headroom = try ReducerTests.index(state, "db-write-headroom")
        #expect(state.scenarioValues["dau"] == 400_000_000)
        #expect(state.panels[headroom].inputs?["current_qps"] == 7_200)
        #expect(state.session.scenario == "board")
    }

    /// `--resume` without `--scenario` starts under the scenario the session names
    /// (`ScenarioLibrary.trainerChoice`); the session's changes then land on it.
    @Test func resumeUnderTheSessionsScenarioTakesItBackWithoutAMismatch() throws {
        let library = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) })
        var saved = PracticeSession(startedAt: 1_800_000_000, practiceMode: false)
        saved.scenario = "startup"
        saved[lesson: Scenario.panelID].parameters = ["dau": 2_000_000]
        let chosen = ScenarioLibrary.trainerChoice(asked: nil, resume: true, saved: { saved.scenario })
        let (startup, problems) = library.forTrainer(chosen)
        #expect(problems.isEmpty)
        var state = AppState(library: Harness.bundled, size: Size(cols: 120, rows: 40), scenario: startup)
        _ = state.update(.started(saved: .loaded(saved), lockHeld: true, resume: true, practice: false, wallClock: 0))
        #expect(state.scenario.name == "startup")
        #expect(state.session.scenario == "startup")
        #expect(state.notice == Notice(.info, "Resumed your last session"))
        // Twice the startup's 1M DAU: peak writes are twice the startup's.
        let headroom = try ReducerTests.index(state, "db-write-headroom")
        let startupPeak = try #require(startup.derived.value("peak_write_qps"))
        #expect(state.scenarioValues["dau"] == 2_000_000)
        #expect(abs((state.panels[headroom].inputs?["current_qps"] ?? 0) - 2 * startupPeak) < 1e-6)

        // Asked for another scenario, the trainer keeps it and says what the session ran under.
        var board = ReducerTests.fresh()
        _ = board.update(.started(saved: .loaded(saved), lockHeld: true, resume: true, practice: false, wallClock: 0))
        #expect(board.session.scenario == "board")
        #expect(board.notice == Notice(.info, "Resumed your last session, saved under the startup scenario: now under board (--scenario startup to match)"))
    }

    /// A plain start offers the last session; taking it (`y`) asks the world for the scenario
    /// it was saved under and resumes under that, as `--resume` does.
    @Test func acceptingTheResumeOfferSwitchesToTheSessionsScenario() throws {
        let library = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) })
        var saved = PracticeSession(startedAt: 1_800_000_000, practiceMode: false)
        saved.scenario = "startup"
        saved[lesson: Scenario.panelID].parameters = ["dau": 2_000_000]
        var state = ReducerTests.fresh()
        _ = state.update(.started(saved: .loaded(saved), lockHeld: true, resume: false, practice: false, wallClock: 0))
        #expect(state.overlay == .confirm(.resume(saved)))
        #expect(state.update(.answer(true)) == [.loadScenario("startup")])
        #expect(state.scenario.name == "board" && state.overlay == nil)
        let (startup, problems) = library.forTrainer("startup")
        _ = state.update(.scenarioLoaded(name: "startup", startup, problems: problems))
        #expect(state.scenario.name == "startup")
        #expect(state.session.scenario == "startup")
        #expect(state.notice == Notice(.info, "Resumed your last session under the startup scenario"))
        let headroom = try ReducerTests.index(state, "db-write-headroom")
        let startupPeak = try #require(startup.derived.value("peak_write_qps"))
        #expect(state.scenarioValues["dau"] == 2_000_000)
        #expect(abs((state.panels[headroom].inputs?["current_qps"] ?? 0) - 2 * startupPeak) < 1e-6)
    }

    /// With `--scenario` on the command line, the offer resumes under it; a scenario that no
    /// longer loads leaves the trainer under the one running, saying why.
    @Test func theResumeOfferKeepsAnAskedScenarioAndSurvivesAMissingOne() throws {
        var saved = PracticeSession(startedAt: 1_800_000_000, practiceMode: false)
        saved.scenario = "startup"
        saved[lesson: Scenario.panelID].parameters = ["dau": 2_000_000]
        var asked = AppState(library: Harness.bundled, size: Size(cols: 120, rows: 40), scenarioAsked: true)
        _ = asked.update(.started(saved: .loaded(saved), lockHeld: true, resume: false, practice: false, wallClock: 0))
        #expect(!asked.update(.answer(true)).contains { if case .loadScenario = $0 { true } else { false } })
        #expect(asked.scenario.name == "board" && asked.session.scenario == "board")

        saved.scenario = "/gone/mine.yaml"
        var state = ReducerTests.fresh()
        _ = state.update(.started(saved: .loaded(saved), lockHeld: true, resume: false, practice: false, wallClock: 0))
        #expect(state.update(.answer(true)) == [.loadScenario("/gone/mine.yaml")])
        let missing = LessonError(file: "/gone/mine.yaml", line: 1, column: 1, "no such file")
        _ = state.update(.scenarioLoaded(name: "/gone/mine.yaml", .board, problems: [missing]))
        #expect(state.scenario.name == "board" && state.session.scenario == "board")
        #expect(state.scenarioValues["dau"] == 2_000_000)
        #expect(state.notice?.text.hasPrefix("Resumed your last session, but its scenario /gone/mine.yaml did not load") == true)
    }
}

/// The export names the scenario and what the user changed in it, as the session holds them.
@Suite struct ScenarioExportTests {
    @Test func theExportNamesTheScenarioAndTheChangesMadeOnItsPanel() throws {
        var h = Harness(120, 40)
        h.open(Scenario.panelID)
        h.press(.enter)
        h.type("400M")
        h.press(.enter)
        let effects = h.press(.character("x"))
        guard case let .export(session, lessons)? = effects.first else {
            Issue.record("x should export, gave \(effects)")
            return
        }
        #expect(session.scenario == "board")
        #expect(session.scenarioChanges == ["dau": 400_000_000])
        let utc = try #require(TimeZone(identifier: "UTC"))
        let markdown = SessionExport.markdown(session, lessons: lessons, finishedAt: 1_800_000_600, timeZone: utc)
        #expect(markdown.contains("- Scenario: board; you changed daily active users to 400,000,000 accounts\n"))
        let text = SessionExport.json(session, lessons: lessons, finishedAt: 1_800_000_600)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["scenario"] as? String == "board")
        #expect(root["scenario_changes"] as? [String: Double] == ["dau": 400_000_000])

        // Back at the file's value, the export says the scenario is unchanged.
        h.press(.character("r"))
        guard case let .export(reset, _)? = h.press(.character("x")).first else {
            Issue.record("x should export")
            return
        }
        #expect(reset.scenarioChanges.isEmpty)
        #expect(SessionExport.markdown(reset, lessons: lessons, finishedAt: 1_800_000_600, timeZone: utc)
            .contains("- Scenario: board (unchanged)\n"))
    }
}
