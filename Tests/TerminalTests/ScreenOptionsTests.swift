import Testing
@testable import Terminal

@Suite struct ScreenOptionsTests {
    @Test func noColorTurnsColourOff() {
        #expect(ScreenOptions.fromEnvironment(["NO_COLOR": "1"]).color == false)
        #expect(ScreenOptions.fromEnvironment(["NO_COLOR": ""]).color == true)
        #expect(ScreenOptions.fromEnvironment([:]).color == true)
    }

    @Test func defaults() {
        #expect(ScreenOptions() == ScreenOptions(color: true, unicode: true))
    }
}
