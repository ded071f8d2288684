import Foundation
import Testing
@testable import Trainer

@Suite struct PracticeSessionTests {
    let fanout = Lesson(id: "fanout", file: "04.md", minutes: "42-44", title: "Fan-out")

    @Test func newSessionIsEmpty() {
        let s = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        #expect(s.version == 3)
        #expect(s.startedAt == 1_700_000_000)
        #expect(s.scenarioChanges == [:])
        #expect(s.currentLessonID == nil)
        #expect(s.practiceMode == true)
        #expect(s.clock == PracticeClock())
        #expect(s.panels == [:])
        #expect(s.hasChanges == false)
    }

    @Test func subscriptDefaultsAndRemovesEmptyRecords() {
        var s = PracticeSession(startedAt: 0, practiceMode: false)
        #expect(s[lesson: "x"] == PanelRecord())
        s[lesson: "x"].notes = "hi"
        #expect(s.panels.keys.sorted() == ["x"])
        s[lesson: "x"].notes = ""
        #expect(s.panels == [:])
    }

    @Test func visitIsNotAChange() {
        var s = PracticeSession(startedAt: 0, practiceMode: false)
        s.visit("fanout")
        #expect(s.currentLessonID == "fanout")
        #expect(s[lesson: "fanout"].visited == true)
        #expect(s.hasChanges == false)
    }

    @Test(arguments: ["parameter", "notes", "tick", "estimate"])
    func userInputIsAChange(kind: String) {
        var s = PracticeSession(startedAt: 0, practiceMode: false)
        switch kind {
        case "parameter": s[lesson: "fanout"].parameters["followers"] = 5
        case "notes": s[lesson: "fanout"].notes = "push below 10K"
        case "tick": s[lesson: "fanout"].ticked = [0]
        default: s[lesson: "fanout"][guess: 0].value = 100
        }
        #expect(s.hasChanges == true)
    }

    @Test func blankNotesAreNotAChange() {
        var s = PracticeSession(startedAt: 0, practiceMode: false)
        s[lesson: "fanout"].notes = "  \n "
        #expect(s.hasChanges == false)
    }

    @Test func tickCreditsSectionAndPanel() {
        var s = PracticeSession(startedAt: 0, practiceMode: true)
        s.clock.start(at: 10)
        #expect(s.tick(at: 40, lesson: fanout) == 30)
        s.toggleClock(at: 45, lesson: fanout)
        #expect(s.clock.isRunning == false)
        #expect(s.clock.spentBySection == ["42-44": 35])
        #expect(s[lesson: "fanout"].seconds == 35)
        #expect(s.hasChanges == true)
        s.toggleClock(at: 100, lesson: fanout)
        #expect(s.clock.isRunning == true)
        #expect(s.tick(at: 101, lesson: fanout) == 1)
        #expect(s[lesson: "fanout"].seconds == 36)
    }

    @Test func toggleTick() {
        var r = PanelRecord()
        r.toggleTick(2)
        r.toggleTick(0)
        #expect(r.ticked == [0, 2])
        r.toggleTick(2)
        #expect(r.ticked == [0])
    }

    @Test func jsonRoundTrip() throws {
        var s = PracticeSession(startedAt: 1_700_000_000.5, practiceMode: true)
        s.visit("fanout")
        s[lesson: "fanout"].parameters = ["followers": 50_000_000]
        s[lesson: "fanout"].notes = "Hybrid: push below 10K, pull above.\n✓ émoji 👩‍💻"
        s[lesson: "fanout"].ticked = [0, 3]
        s[lesson: "fanout"][guess: 0].value = 90
        s.clock.start(at: 0)
        s.tick(at: 75.25, lesson: fanout)
        s.clock.pause(at: 80)
        let data = try JSONEncoder().encode(s)
        let back = try JSONDecoder().decode(PracticeSession.self, from: data)
        #expect(back == s)
    }

    @Test func lenientPanelDecoding() throws {
        let json = #"{"notes":"only notes"}"#
        let r = try JSONDecoder().decode(PanelRecord.self, from: Data(json.utf8))
        var expected = PanelRecord()
        expected.notes = "only notes"
        #expect(r == expected)
    }
}
