import Calculators
import Foundation
import Testing
import Trainer
@testable import TUI

/// Keys that cannot misfire, and undo: each a key sequence and the state or screen it leaves.
@Suite struct KeyMannersTests {
    @Test func aValueTypedWhileTheLessonHasFocusGoesToTheCalculatorBesideIt() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        #expect(h.state.focus == .lesson)
        let id = h.state.panel!.lesson.id
        h.press(.enter)
        h.type("2.5e6")
        h.press(.enter)
        #expect(h.state.panel?.inputs?["followers"] == 2_500_000)
        // Nothing ticked, no estimate opened or answered, the same panel.
        #expect(h.state.session[lesson: id].ticked.isEmpty)
        #expect(h.state.session[lesson: id][guess: 0].value == nil)
        #expect(h.state.overlay == nil)
        #expect(h.state.panel?.lesson.id == id)
    }

    @Test func calculatorOnlyKeysActOnTheCalculatorWheneverItIsOnScreen() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.character("+"))
        #expect(h.state.focus == .lesson)
        #expect(h.state.panel?.inputs?["followers"] == 2_000_000)
        h.press(.character("L"))
        #expect(h.state.panel?.inputs?["followers"] == 20_000_000)
        h.press(.character("r"))
        #expect(h.state.panel?.inputs?["followers"] == 1_000_000)
        // j still scrolls the focused lesson, not the parameters.
        h.press(.character("j"))
        #expect(h.state.panel?.lessonScroll == 1)
        #expect(h.state.panel?.selected == 0)
        // The footer offers them too.
        #expect(h.lines.last?.contains("+/- step") == true)
    }

    @Test func withTheCalculatorOffScreenTheyOnlySayWhereItIs() {
        var h = Harness(80, 24)
        h.open("fanout-one-author")
        h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.state.notice == Notice(.info, "Tab to the calculator to change values"))
    }

    @Test func aDigitOnTheFocusedCalculatorStartsTypingAValue() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        let id = h.state.panel!.lesson.id
        let panel = h.state.current
        h.press(.tab)
        h.type("5pb")
        // "p" is typed, not "previous panel"; "5" does not tick item 5.
        #expect(h.state.overlay == .entry(ValueEntry(key: "followers", text: "5pb")))
        #expect(h.state.current == panel)
        #expect(h.state.session[lesson: id].ticked.isEmpty)
        h.press(.escape)
        h.type(".5")
        #expect(h.state.overlay == .entry(ValueEntry(key: "followers", text: ".5")))
    }

    @Test func digitsStillTickWhenTheLessonHasFocus() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.character("2"))
        #expect(h.state.session[lesson: h.state.panel!.lesson.id].ticked == [1])
    }

    @Test func resettingThePanelSaysHowToUndoIt() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("L"), .down, .character("+"), .character("R"))
        #expect(h.state.panel?.isChanged == false)
        #expect(h.state.notice == Notice(.info, "Panel reset: 2 values back to the lesson's and the scenario's · u undoes"))
        h.press(.character("u"))
        #expect(h.state.panel?.inputs?["followers"] == 10_000_000)
        #expect(h.state.panel?.changedKeys.count == 2)
        #expect(h.state.notice?.text.hasPrefix("Undone: 2 values (followers, ") == true)
        h.press(.character("R"), .character("R"))
        #expect(h.state.notice == Notice(.info, "Every value is already the lesson's"))
    }

    @Test func undoAndRedoWalkThePanelsValues() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("+"), .character("+"))
        #expect(h.state.panel?.inputs?["followers"] == 5_000_000)
        h.press(.character("u"))
        #expect(h.state.panel?.inputs?["followers"] == 2_000_000)
        #expect(h.state.notice == Notice(.info, "Undone: followers 5,000,000 followers → 2,000,000 followers"))
        h.press(.character("u"))
        #expect(h.state.panel?.inputs?["followers"] == 1_000_000)
        #expect(h.state.panel?.isChanged == false)
        h.press(.character("u"))
        #expect(h.state.notice == Notice(.info, "Nothing to undo on this panel"))
        h.press(.control("r"))
        #expect(h.state.panel?.inputs?["followers"] == 2_000_000)
        #expect(h.state.notice == Notice(.info, "Redone: followers 1,000,000 followers → 2,000,000 followers"))
        // A new change drops what could be redone.
        h.press(.character("-"))
        h.press(.control("r"))
        #expect(h.state.notice == Notice(.info, "Nothing to redo on this panel"))
        #expect(h.state.panel?.inputs?["followers"] == 1_000_000)
    }

    @Test func undoIsPerPanel() {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("+"))
        h.open("cdn-vs-origin")
        h.press(.character("u"))
        #expect(h.state.notice == Notice(.info, "Nothing to undo on this panel"))
        h.open("fanout-one-author")
        h.press(.character("u"))
        #expect(h.state.panel?.inputs?["followers"] == 1_000_000)
    }

    @Test func undoSurvivesAResume() throws {
        var h = Harness(120, 40)
        h.open("fanout-one-author")
        h.press(.tab, .character("+"), .character("+"))
        let data = try JSONEncoder().encode(h.state.session)
        let saved = try JSONDecoder().decode(PracticeSession.self, from: data)
        var again = Harness(120, 40)
        again.state.restore(saved)
        #expect(again.state.panel?.inputs?["followers"] == 5_000_000)
        again.press(.character("u"))
        #expect(again.state.panel?.inputs?["followers"] == 2_000_000)
    }

    @Test func aSessionSavedBeforeUndoStillLoads() throws {
        let old = #"{"parameters":{"followers":2000000},"notes":"","ticked":[1],"seconds":3,"visited":true}"#
        let record = try JSONDecoder().decode(PanelRecord.self, from: Data(old.utf8))
        #expect(record.parameters == ["followers": 2_000_000])
        #expect(record.undo.isEmpty && record.redo.isEmpty)
        // Nothing to undo: the file is written as before.
        let written = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(!written.contains("undo") && !written.contains("redo"))
    }

    @Test func theFocusedPaneHasAHeavyFrameWithoutColourToo() {
        var h = Harness(120, 40, display: DisplayOptions(unicode: true, color: false))
        h.open("fanout-one-author")
        #expect(h.lines[1].hasPrefix("┏"))
        #expect(h.lines[1].contains("┌"))
        h.press(.tab)
        #expect(h.lines[1].hasPrefix("┌"))
        #expect(h.lines[1].hasSuffix("┓"))
        var a = Harness(120, 40, display: DisplayOptions(unicode: false, color: false))
        a.open("fanout-one-author")
        #expect(a.lines[1].hasPrefix("# Lesson ==="))
        #expect(a.lines[1].hasSuffix("+"))
    }
}

extension KeyMannersTests {
    @Test func oneMOnATimeParameterIsAMinuteAndBigMIsRefused() {
        var h = Harness(120, 40)
        h.open("cache-failure")
        h.press(.tab, .down, .enter)
        #expect(h.state.panel?.selectedParameter?.key == "open_timeout")
        h.type("1M")
        h.press(.enter)
        #expect(h.state.notice?.text.hasPrefix("open for: \"1M\" is ambiguous: M means mega only on counts") == true)
        h.press(.control("u"))
        h.type("2m")
        h.press(.enter)
        #expect(h.state.panel?.inputs?["open_timeout"] == 120)
        #expect(h.state.notice == Notice(.info, "open for = 2 min"))
    }
}
