import CNcursesw
import Testing
import TUI
@testable import Terminal

/// curses' mouse reports as the app gets them: what `getmouse` gives becomes a
/// `MouseEvent` (or nothing), and `KEY_MOUSE` is never a key or typed text.
@Suite struct MouseDecoderTests {
    typealias B = KeyDecoder.Button

    @Test(arguments: [
        (B.button1Pressed, MouseEvent.Kind.click), (B.button1Clicked, .click),
        (B.button4Pressed, .wheelUp), (B.button5Pressed, .wheelDown),
    ])
    func aPressOfTheFirstButtonIsAClickAndButtonsFourAndFiveAreTheWheel(_ state: UInt, _ kind: MouseEvent.Kind) {
        #expect(KeyDecoder.mouse(state: state, column: 7, row: 3) == MouseEvent(kind, column: 7, row: 3))
    }

    @Test func aReleaseOrAnotherButtonIsDropped() {
        #expect(KeyDecoder.mouse(state: B.button1Released, column: 1, row: 1) == nil)
        #expect(KeyDecoder.mouse(state: 0, column: 1, row: 1) == nil)
        // Button 2 and 3 pressed (middle, right): nobody binds them.
        #expect(KeyDecoder.mouse(state: 0o2 << 5, column: 1, row: 1) == nil)
        #expect(KeyDecoder.mouse(state: 0o2 << 10, column: 1, row: 1) == nil)
    }

    /// The decoder's named constants must agree with this system's curses header.
    @Test func constantsMatchTheCursesHeader() {
        #expect(Int32(KeyDecoder.Code.mouse) == wb_key_mouse())
        #expect(B.button1Pressed == wb_button1_pressed())
        #expect(B.button1Clicked == wb_button1_clicked())
        #expect(B.button1Released == wb_button1_released())
        #expect(B.button4Pressed == wb_button4_pressed())
        #expect(B.button5Pressed == wb_button5_pressed())
    }

    func events(_ input: [InputAssembler.Raw], inTextField: Bool) -> [InputAssembler.Event] {
        var queue = input[...]
        var out: [InputAssembler.Event] = []
        func next(_: Int) -> InputAssembler.Raw { queue.popFirst() ?? .none }
        while let first = queue.popFirst() {
            out.append(InputAssembler.assemble(first, inTextField: inTextField, escapeDelay: 100, next: next,
                                               pushBack: { queue.insert(.byte($0), at: queue.startIndex) }))
        }
        return out
    }

    @Test func keyMouseIsAMouseReportInAndOutOfATextField() {
        for inTextField in [false, true] {
            #expect(events([.keyCode(KeyDecoder.Code.mouse), .byte(0x61)], inTextField: inTextField)
                    == [.mouse, .key(.character("a"))])
        }
        // After an Esc curses gave up on, in a text field.
        #expect(events([.byte(0x1B), .keyCode(KeyDecoder.Code.mouse)], inTextField: true) == [.mouse])
    }

    /// A report whose Esc curses gave up on: read whole and dropped, never typed into the field.
    @Test func aMouseReportCursesDidNotDecodeTypesNothing() {
        // X10 encoding (tmux, screen): ESC [ M, then button, column and row as 32 + n.
        let x10: [InputAssembler.Raw] = [0x1B, 0x5B, 0x4D, 0x20, 0x2A, 0x25, 0x37].map { .byte($0) }
        #expect(events(x10, inTextField: true) == [.nothing, .key(.character("7"))])
        // SGR encoding (xterm): ESC [ < 0 ; 10 ; 5 M.
        let sgr: [InputAssembler.Raw] = Array("\u{1B}[<0;10;5M7".utf8).map { .byte($0) }
        #expect(events(sgr, inTextField: true) == [.nothing, .key(.character("7"))])
    }
}
