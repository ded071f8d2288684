import Foundation
import Testing
@testable import Trainer

@Suite struct PracticeClockTests {
    @Test func newClockIsStoppedWithTenMinutes() {
        let clock = PracticeClock()
        #expect(clock.isRunning == false)
        #expect(clock.elapsed == 0)
        #expect(clock.spentBySection == [:])
        #expect(clock.remaining == 600)
        #expect(PracticeClock.total == 600)
    }

    @Test func budgetsFollowTheSections() {
        #expect(PracticeClock.budget(of: "41-42") == 60)
        #expect(PracticeClock.budget(of: "42-44") == 120)
        #expect(PracticeClock.budget(of: "44-46") == 120)
        #expect(PracticeClock.budget(of: "46-48") == 120)
        #expect(PracticeClock.budget(of: "48-50") == 120)
        #expect(PracticeClock.budget(of: "50") == 0)
        #expect(PracticeClock.budget(of: "nope") == 0)
    }

    @Test func ticksCreditTheSectionOnScreen() {
        var clock = PracticeClock()
        clock.start(at: 1_000)
        #expect(clock.isRunning == true)
        #expect(clock.tick(at: 1_030, section: "41-42") == 30)
        #expect(clock.tick(at: 1_070, section: "41-42") == 40)
        #expect(clock.tick(at: 1_100, section: "42-44") == 30)
        #expect(clock.elapsed == 100)
        #expect(clock.spentBySection == ["41-42": 70, "42-44": 30])
        #expect(clock.remaining == 500)
        #expect(clock.isOver(section: "41-42") == true)
        #expect(clock.isOver(section: "42-44") == false)
        #expect(clock.left(in: "41-42") == -10)
        #expect(clock.left(in: "42-44") == 90)
    }

    @Test func pausedTimeIsNotCounted() {
        var clock = PracticeClock()
        clock.start(at: 0)
        clock.tick(at: 20, section: "42-44")
        clock.pause(at: 25)
        #expect(clock.isRunning == false)
        #expect(clock.elapsed == 25)
        #expect(clock.spentBySection == ["42-44": 25])
        #expect(clock.tick(at: 500, section: "42-44") == 0)
        clock.resume(at: 600)
        #expect(clock.tick(at: 610, section: "42-44") == 10)
        #expect(clock.elapsed == 35)
        #expect(clock.spentBySection == ["42-44": 35])
    }

    @Test func pauseBeforeAnyTickCreditsTheFirstSection() {
        var clock = PracticeClock()
        clock.start(at: 10)
        clock.pause(at: 15)
        #expect(clock.spentBySection == ["41-42": 5])
        clock.start(at: 20)
        clock.pause(at: 22, section: "48-50")
        #expect(clock.spentBySection == ["41-42": 5, "48-50": 2])
        #expect(clock.elapsed == 7)
    }

    @Test func toggleAlternates() {
        var clock = PracticeClock()
        clock.toggle(at: 0)
        #expect(clock.isRunning == true)
        clock.toggle(at: 8, section: "44-46")
        #expect(clock.isRunning == false)
        #expect(clock.spentBySection == ["44-46": 8])
        clock.toggle(at: 100)
        #expect(clock.isRunning == true)
        clock.tick(at: 102, section: "44-46")
        #expect(clock.elapsed == 10)
    }

    @Test func startWhileRunningKeepsCounting() {
        var clock = PracticeClock()
        clock.start(at: 0)
        clock.start(at: 50)
        #expect(clock.tick(at: 60, section: "41-42") == 60)
    }

    @Test func earlierInstantAddsNothing() {
        var clock = PracticeClock()
        clock.start(at: 100)
        #expect(clock.tick(at: 90, section: "41-42") == 0)
        #expect(clock.tick(at: 110, section: "41-42") == 10)
        #expect(clock.tick(at: .nan, section: "41-42") == 0)
        #expect(clock.elapsed == 10)
    }

    @Test func overTimeGoesNegativeAndWrapUpIsNeverOver() {
        var clock = PracticeClock()
        clock.start(at: 0)
        clock.tick(at: 120, section: "42-44")
        #expect(clock.isOver(section: "42-44") == false)
        clock.tick(at: 121, section: "42-44")
        #expect(clock.isOver(section: "42-44") == true)
        clock.tick(at: 700, section: "50")
        #expect(clock.isOver(section: "50") == false)
        #expect(clock.elapsed == 700)
        #expect(clock.remaining == -100)
    }

    @Test func decodedClockIsPausedWithItsTime() throws {
        var clock = PracticeClock()
        clock.start(at: 0)
        clock.tick(at: 42, section: "46-48")
        let data = try JSONEncoder().encode(clock)
        let restored = try JSONDecoder().decode(PracticeClock.self, from: data)
        #expect(restored.isRunning == false)
        #expect(restored.elapsed == 42)
        #expect(restored.spentBySection == ["46-48": 42])
        #expect(restored.section == "46-48")
        clock.pause(at: 42)
        #expect(restored == clock)
    }

    @Test func resetStopsAndZeroes() {
        var clock = PracticeClock()
        clock.start(at: 0)
        clock.tick(at: 5, section: "41-42")
        clock.reset()
        #expect(clock == PracticeClock())
    }
}
