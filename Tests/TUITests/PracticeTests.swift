import Calculators
import Testing
import Trainer
@testable import TUI

@Suite struct PracticeTests {
    @Test func clockStartsWithTAndCountsTimeToTheSectionOnScreen() {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        h.press(.character("t"))
        #expect(h.state.session.practiceMode)
        #expect(h.state.session.clock.isRunning)
        _ = h.state.update(.ticked(at: 130))
        h.open("fanout-one-author")
        _ = h.state.update(.ticked(at: 190))
        #expect(h.state.session.clock.spent(in: "41-42") == 30)
        #expect(h.state.session.clock.spent(in: "42-44") == 60)
        #expect(h.lines[0].hasSuffix("▶ 1:30/10:00  42-44 1:00 left  6/26"))
        h.press(.character("t"))
        #expect(!h.state.session.clock.isRunning)
        _ = h.state.update(.ticked(at: 500))
        #expect(h.state.session.clock.elapsed == 90)
        #expect(h.lines[0].hasSuffix("⏸ 1:30/10:00  42-44 1:00 left  6/26"))
    }

    @Test func overBudgetShowsInTheHeader() {
        var h = Harness(120, 40)
        h.press(.character("t"))
        _ = h.state.update(.ticked(at: 75))
        #expect(h.lines[0].contains("41-42 +0:15 over"))
    }

    @Test func digitsTickTheChecklist() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.character("2"))
        let id = h.state.panel!.lesson.id
        #expect(h.state.session[lesson: id].ticked == [1])
        h.state.panels[h.state.current].lessonScroll = 1_000   // the view clamps to the end
        #expect(h.text.contains("☑ 2 "))
        h.press(.character("2"))
        #expect(h.state.session[lesson: id].ticked == [])
        h.press(.character("9"))
        #expect(h.state.notice == Notice(.info, "The checklist has \(h.state.panel!.lesson.checklist.count) items"))
    }

    @Test func theEstimateIsHiddenUntilGuessedThenScored() throws {
        var h = Harness(120, 40)
        h.press(.character("t"))
        h.open("lag-autoscaling")
        let estimate = try #require(h.state.panel?.lesson.estimates.first)
        #expect(h.state.hiddenResultKey == estimate.resultKey)
        #expect(h.text.contains("? (e to guess)"))
        h.press(.character("e"))
        h.type("abc")
        h.press(.enter)
        #expect(h.state.notice?.kind == .error)
        h.press(.backspace, .backspace, .backspace)
        let truth = try #require(h.state.estimateTruth)
        h.type(String(truth.quantity.value * 3))
        h.press(.enter)
        #expect(h.state.overlay == nil)
        // Kept, not yet shown: the guess can still be revised.
        #expect(h.state.hiddenResultKey == estimate.resultKey)
        #expect(h.text.contains("? (e to guess)"))
        h.press(.character("v"))
        #expect(h.state.hiddenResultKey == nil)
        #expect(h.state.notice?.text.hasSuffix("fair: 3× high (ratio)") == true)
        #expect(!h.text.contains("? (e to guess)"))
    }

    @Test func notesAreEditedInTheirOwnBoxAndKept() {
        var h = Harness(120, 40)
        h.open("cdn-vs-origin")
        h.press(.character("N"))
        h.type("TB × $/GB: convert first")
        h.press(.enter)
        h.type("漢字 ok")
        h.press(.left, .left, .left, .backspace)
        h.press(.escape)
        let id = h.state.panel!.lesson.id
        #expect(h.state.session[lesson: id].notes == "TB × $/GB: convert first\n漢 ok")
        #expect(h.state.unsavedChanges)
    }

    @Test func quittingWithChangesAsksToExport() {
        var h = Harness(80, 24)
        h.open("storage-tiers")
        h.press(.tab, .character("+"))
        #expect(h.press(.character("q")) == [])
        #expect(h.state.overlay == .confirm(.exportBeforeQuit))
        #expect(h.press(.escape) == [])
        #expect(h.state.overlay == nil)
        h.press(.character("q"))
        let session = h.state.session
        #expect(h.press(.character("y")) == [.export(session, lessons: h.state.panels.map(\.lesson))])
        #expect(h.state.quitAfterExport)
        // The quit waits for the export: it goes once the files are written.
        #expect(h.state.update(.exportFinished(.success(["a.md", "a.json"]))) == [.quit(status: nil)])
        #expect(h.state.unsavedChanges == false)
    }

    @Test func changedValuesAreMirroredIntoTheSessionAndRestored() {
        var h = Harness(100, 30)
        h.open("storage-tiers")
        h.press(.tab, .down, .character("+"))
        let id = h.state.panel!.lesson.id
        #expect(h.state.session[lesson: id].parameters == ["hot_percent": 25])
        let saved = h.state.session
        var fresh = Harness(100, 30)
        fresh.state.restore(saved)
        #expect(fresh.state.panel?.lesson.id == id)
        #expect(fresh.state.panel?.inputs?["hot_percent"] == 25)
        #expect(fresh.state.notice == Notice(.info, "Resumed your last session"))
        h.press(.character("R"))
        #expect(h.state.session[lesson: id].parameters == [:])
    }

    @Test func aResumeOfferIsAnsweredWithYOrN() {
        var h = Harness(100, 30)
        var saved = PracticeSession(startedAt: 0, practiceMode: false)
        saved[lesson: "cdn-vs-origin"].notes = "hello"
        saved.currentLessonID = "cdn-vs-origin"
        h.state.overlay = .confirm(.resume(saved))
        h.press(.character("y"))
        #expect(h.state.panel?.lesson.id == "cdn-vs-origin")
        #expect(h.state.session[lesson: "cdn-vs-origin"].notes == "hello")
    }
}

@Suite struct ReviewFixesTests {
    @Test func aNotesDraftIsPartOfWhatAutosaveWrites() {
        var h = Harness(100, 30)
        h.open("cdn-vs-origin")
        h.press(.character("N"))
        h.type("draft")
        #expect(h.state.session[lesson: "cdn-vs-origin"].notes == "")
        #expect(h.state.savableSession[lesson: "cdn-vs-origin"].notes == "draft")
    }

    @Test func theResumeQuestionBlocksAutosave() {
        var h = Harness(100, 30)
        #expect(!h.state.mayAutosave, "no autosave before the lock is known to be ours")
        var saved = PracticeSession(startedAt: 0, practiceMode: false)
        saved[lesson: "cdn-vs-origin"].notes = "keep me"
        _ = h.state.update(.started(saved: .loaded(saved), lockHeld: true, resume: false, practice: false, wallClock: 0))
        #expect(h.state.overlay == .confirm(.resume(saved)))
        #expect(!h.state.mayAutosave)
        #expect(h.state.update(.ticked(at: 10)) == [])
    }

    @Test func claimsOpenInFullWithStatedComputedAndWhy() {
        var h = Harness(100, 30)
        h.open("storage-tiers")
        h.press(.character("c"))
        #expect(h.state.overlay == .claims(scroll: 0))
        #expect(h.text.contains("board $44,000/month  computed $52,750/month"))
        #expect(h.text.contains("Why: Add it up: $23,000 hot"))
        h.press(.tab)  // no effect inside the overlay
        h.press(.escape)
        h.press(.tab, .down, .character("+"), .character("c"))
        #expect(h.text.contains("You changed values"))
        #expect(h.text.contains("At the lesson's values: Add it up"))
    }

    @Test func anEstimateMustBeASaneNumberAndMayCarryAUnit() throws {
        var h = Harness(120, 40)
        h.open("lag-autoscaling")
        h.press(.character("e"))
        h.type("1e99")
        h.press(.enter)
        #expect(h.state.notice?.kind == .error)
        for _ in 0..<4 { h.press(.backspace) }
        h.type("2min")
        h.press(.enter)
        let id = h.state.panel!.lesson.id
        #expect(h.state.session[lesson: id][guess: 0].value == 120)
    }

    @Test func typedValuesMayCarryAUnitOfTheSameKind() {
        var h = Harness(100, 30)
        h.open("cdn-vs-origin")
        h.press(.tab, .enter)
        h.type("3PB")
        h.press(.enter)
        #expect(h.state.panel?.inputs?["transfer_tb"] == 3_000)
    }

    @Test func theProblemsPageIsInThePanelList() {
        let library = LessonLibrary.load([[
            .init(name: "a.md", text: "---\nid: a\nminutes: \"41-42\"\ntitle: A\n---\nBody\n"),
            .init(name: "b.md", text: "---\nid: b\nminutes: \"99\"\ntitle: B\n---\n"),
        ]])
        var h = Harness(80, 24, library: library)
        h.press(.character("g"))
        h.type("2")
        h.press(.enter)
        #expect(h.state.isOnProblemsPage)
    }

    @Test func asciiFramesCarryNoNonASCIICharacters() {
        var h = Harness(100, 30, display: DisplayOptions(unicode: false, color: false))
        h.open("debt")
        h.press(.tab)
        #expect(h.text.unicodeScalars.allSatisfy { $0.isASCII })
        h.press(.character("?"))
        #expect(h.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func helpAndQuitLeadTheHintsAndPanelsWithoutACalculatorSkipItsKeys() {
        let plain = Keymap.hints(for: .lesson, offer: Keymap.Offer())
        #expect(Array(plain.prefix(2)) == ["? help", "q quit"])
        #expect(!plain.contains("+/- step"))
        #expect(!plain.contains("Tab focus"))
        #expect(!plain.contains("e estimate"))
        #expect(Keymap.hints(for: .calculator, offer: Keymap.Offer(calculator: true)).contains("+/- step"))
    }
}

@Suite struct NotesWrapTests {
    @Test func longLinesWrapAtTheBoxEdgeAndKeepEveryCharacter() {
        let rows = NotesOverlay.rows(["abcdefghij", "", "漢字漢字"], width: 4)
        #expect(rows.map { String($0.chars) } == ["abcd", "efgh", "ij", "", "漢字", "漢字"])
        #expect(rows.map(\.line) == [0, 0, 0, 1, 2, 2])
        #expect(rows.map(\.start) == [0, 4, 8, 0, 0, 2])
    }

    @Test func theEditorShowsTheWrappedTail() {
        var h = Harness(80, 24)
        h.open("cdn-vs-origin")
        h.press(.character("N"))
        h.type(String(repeating: "word ", count: 30) + "END")
        #expect(h.text.contains("END"))
        #expect(h.text.contains("word word"))
    }
}

@Suite struct SecondReviewTests {
    static let withProblem = LessonLibrary.load([[
        .init(name: "a.md", text: "---\nid: a\nminutes: \"41-42\"\ntitle: A\n---\nBody\n"),
        .init(name: "b.md", text: "---\nid: b\nminutes: \"99\"\ntitle: B\n---\n"),
    ]])

    @Test func thePanelListShowsTheProblemsPageWithoutTrapping() {
        var h = Harness(80, 24, library: Self.withProblem)
        h.press(.character("n"), .character("g"))
        #expect(h.text.contains("Lesson files with problems"))
        h.type("p")
        _ = h.grid
        h.press(.enter)
        #expect(h.state.isOnProblemsPage)
    }

    @Test func anEstimateIsAnsweredOnce() throws {
        var h = Harness(120, 40)
        h.open("lag-autoscaling")
        h.press(.character("e"))
        h.type("10")
        h.press(.enter)
        h.press(.character("v"))
        h.press(.character("e"))
        #expect(h.state.overlay == nil)
        #expect(h.state.notice?.text.hasPrefix("Already answered: you said 10 s") == true)
        #expect(h.state.session[lesson: "lag-autoscaling"][guess: 0].value == 10)
    }

    @Test func aChangeClearsTheHistoryMark() {
        var h = Harness(100, 30)
        h.state.session.inHistory = true
        h.open("storage-tiers")
        h.press(.tab, .character("+"))
        #expect(h.state.session.inHistory == nil)
    }
}
