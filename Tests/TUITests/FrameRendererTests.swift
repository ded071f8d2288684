import Testing
import Trainer
@testable import TUI

@Suite struct DrawsSameScreenTests {
    @Test func anIdleTickDrawsTheSameScreen() {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        let before = h.state
        _ = h.state.update(.ticked(at: 103.5))
        #expect(h.state != before)
        #expect(h.state.session[lesson: h.state.panel!.lesson.id].seconds > before.session[lesson: h.state.panel!.lesson.id].seconds)
        #expect(h.state.drawsSameScreen(as: before))
        #expect(Screen.render(h.state) == Screen.render(before))
    }

    @Test func aKeyOrARunningClockDrawsAnotherScreen() {
        var h = Harness(120, 40)
        _ = h.state.update(.ticked(at: 100))
        let before = h.state
        h.press(.character("n"))
        #expect(!h.state.drawsSameScreen(as: before))

        _ = h.state.update(.toggleClock)
        let running = h.state
        _ = h.state.update(.ticked(at: 101.2))
        #expect(!h.state.drawsSameScreen(as: running))
    }
}
