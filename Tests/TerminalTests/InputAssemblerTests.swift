import Testing
import TUI
@testable import Terminal

/// Scripted bytes through the assembler: UTF-8, bracketed paste, split escapes.
@Suite struct InputAssemblerTests {
    /// Every event the bytes make, as the screen would read them one call at a time.
    func events(_ input: [InputAssembler.Raw], inTextField: Bool = false) -> [InputAssembler.Event] {
        var queue = input[...]
        var out: [InputAssembler.Event] = []
        func next(_: Int) -> InputAssembler.Raw { queue.popFirst() ?? .none }
        while let first = queue.popFirst() {
            out.append(InputAssembler.assemble(first, inTextField: inTextField, escapeDelay: 100, next: next,
                                               pushBack: { queue.insert(.byte($0), at: queue.startIndex) }))
        }
        return out
    }

    func bytes(_ b: [UInt8]) -> [InputAssembler.Raw] { b.map { .byte($0) } }

    @Test func utf8IsAssembledAndABadByteIsReplacedWithoutSwallowingTheRest() {
        #expect(events(bytes([0x61, 0xFF, 0x62, 0xC3, 0xA9, 0xE6, 0xBC, 0xA2])) ==
            [.key(.character("a")), .key(.character("\u{FFFD}")), .key(.character("b")), .key(.character("é")),
             .key(.character("漢"))])
        // A lead byte cut short by an ASCII one: the ASCII one is still a key.
        #expect(events(bytes([0xC3, 0x71])) == [.key(.character("\u{FFFD}")), .key(.character("q"))])
        // A lead byte at the end of input, a lone continuation byte, an overlong form.
        #expect(events(bytes([0xE2, 0x82])) == [.key(.character("\u{FFFD}"))])
        #expect(events(bytes([0x80, 0x61])) == [.key(.character("\u{FFFD}")), .key(.character("a"))])
        #expect(events(bytes([0xC0, 0xAF])) == [.key(.character("\u{FFFD}")), .key(.character("\u{FFFD}"))])
        #expect(events(bytes(Array("🚀".utf8))) == [.key(.character("🚀"))])
    }

    @Test func aPasteIsTextNeverKeys() {
        let paste: [InputAssembler.Raw] = [.keyCode(InputAssembler.pasteStart)] + bytes(Array("5\r6\r\n7 q\tx".utf8))
            + bytes([0x1B]) + bytes(Array("]52;c;eA==".utf8)) + bytes([0x07, 0xFF]) + [.keyCode(KeyDecoder.Code.up)]
            + bytes(Array("é".utf8)) + [.keyCode(InputAssembler.pasteEnd)] + bytes([0x71])
        #expect(events(paste) == [.paste("5\n6\n7 q\tx]52;c;eA==\u{FFFD}é"), .key(.character("q"))])
    }

    @Test func aPasteWhoseMarkersCurseDidNotDecodeStillEnds() {
        let input = bytes([0x1B] + Array("[200~ab".utf8) + [0x1B] + Array("[201~q".utf8))
        #expect(events(input, inTextField: true) == [.paste("ab"), .key(.character("q"))])
        // A paste whose end never comes ends with the input.
        #expect(events([.keyCode(InputAssembler.pasteStart)] + bytes(Array("abc".utf8))) == [.paste("abc")])
    }

    @Test func inATextFieldASplitArrowIsAnArrow() {
        #expect(events(bytes([0x1B, 0x5B, 0x41]), inTextField: true) == [.key(.up)])
        #expect(events(bytes([0x1B, 0x4F, 0x44]), inTextField: true) == [.key(.left)])
        #expect(events(bytes([0x1B] + Array("[5~".utf8)), inTextField: true) == [.key(.pageUp)])
        #expect(events(bytes([0x1B] + Array("[1;5C".utf8)), inTextField: true) == [.key(.right)])
        #expect(events(bytes([0x1B] + Array("OP".utf8)), inTextField: true) == [.key(.function(1))])
        // An unknown sequence is read whole and dropped, never typed.
        #expect(events(bytes([0x1B] + Array("[6nq".utf8)), inTextField: true) == [.nothing, .key(.character("q"))])
        // Esc alone, or followed by another key, is Esc.
        #expect(events(bytes([0x1B]), inTextField: true) == [.key(.escape)])
        #expect(events(bytes([0x1B, 0x71]), inTextField: true) == [.key(.escape), .key(.character("q"))])
        // Outside a text field Esc acts at once.
        #expect(events(bytes([0x1B, 0x5B, 0x41])) == [.key(.escape), .key(.character("[")), .key(.character("A"))])
    }

    @Test(arguments: [(nil, 100), ("25", 25), ("0", 0), ("10000", 10000), ("-1", 100), ("abc", 100), ("99999", 100)]
          as [(String?, Int)])
    func escapeDelayHonoursTheEnvironment(_ text: String?, _ ms: Int) {
        #expect(CursesScreen.escapeDelay(from: text) == ms)
    }
}
