import CNcursesw
import Testing
import TUI
@testable import Terminal

@Suite struct KeyDecoderTests {
    typealias C = KeyDecoder.Code

    @Test(arguments: [
        // Characters (status OK)
        (KeyDecoder.ok, UInt32(10), Key.enter), (KeyDecoder.ok, 13, .enter),
        (KeyDecoder.ok, 9, .tab), (KeyDecoder.ok, 127, .backspace), (KeyDecoder.ok, 8, .backspace),
        (KeyDecoder.ok, 27, .escape), (KeyDecoder.ok, 1, .control("a")), (KeyDecoder.ok, 3, .control("c")),
        (KeyDecoder.ok, 26, .control("z")), (KeyDecoder.ok, 0, .control("@")), (KeyDecoder.ok, 31, .control("_")),
        (KeyDecoder.ok, 113, .character("q")), (KeyDecoder.ok, 32, .character(" ")),
        (KeyDecoder.ok, 0x6F22, .character("漢")), (KeyDecoder.ok, 0x1F680, .character("🚀")),
        (KeyDecoder.ok, 0xE9, .character("é")),
        // Key codes (status KEY_CODE_YES)
        (KeyDecoder.keyCodeYes, C.up, .up), (KeyDecoder.keyCodeYes, C.down, .down),
        (KeyDecoder.keyCodeYes, C.left, .left), (KeyDecoder.keyCodeYes, C.right, .right),
        (KeyDecoder.keyCodeYes, C.home, .home), (KeyDecoder.keyCodeYes, C.end, .end),
        (KeyDecoder.keyCodeYes, C.a1, .home), (KeyDecoder.keyCodeYes, C.c1, .end),
        (KeyDecoder.keyCodeYes, C.pageUp, .pageUp), (KeyDecoder.keyCodeYes, C.pageDown, .pageDown),
        (KeyDecoder.keyCodeYes, C.a3, .pageUp), (KeyDecoder.keyCodeYes, C.c3, .pageDown),
        (KeyDecoder.keyCodeYes, C.enter, .enter), (KeyDecoder.keyCodeYes, C.backspace, .backspace),
        (KeyDecoder.keyCodeYes, C.backTab, .backTab), (KeyDecoder.keyCodeYes, C.deleteChar, .delete),
        (KeyDecoder.keyCodeYes, C.resize, .resize), (KeyDecoder.keyCodeYes, C.f0 + 1, .function(1)),
        (KeyDecoder.keyCodeYes, C.f0 + 12, .function(12)),
    ] as [(Int32, UInt32, Key)])
    func decodes(_ status: Int32, _ code: UInt32, _ expected: Key) {
        #expect(KeyDecoder.decode(status: status, code: code) == expected)
    }

    @Test(arguments: [
        (KeyDecoder.err, UInt32(113)), (KeyDecoder.err, 0),
        (KeyDecoder.ok, 0x9B), (KeyDecoder.ok, 0x85), (KeyDecoder.ok, 0xD800), (KeyDecoder.ok, 0x110000),
        (KeyDecoder.keyCodeYes, 0o631), (KeyDecoder.keyCodeYes, 0o536), (KeyDecoder.keyCodeYes, C.f0),
        (KeyDecoder.keyCodeYes, 0), (Int32(42), 113),
    ] as [(Int32, UInt32)])
    func dropsWhatNobodyBinds(_ status: Int32, _ code: UInt32) {
        #expect(KeyDecoder.decode(status: status, code: code) == nil)
    }

    /// The decoder's named constants must agree with this system's curses header.
    @Test func constantsMatchTheCursesHeader() {
        #expect(KeyDecoder.ok == wb_ok())
        #expect(KeyDecoder.err == wb_err())
        #expect(KeyDecoder.keyCodeYes == wb_key_code_yes())
        let pairs: [(UInt32, Int32)] = [
            (C.up, wb_key_up()), (C.down, wb_key_down()), (C.left, wb_key_left()), (C.right, wb_key_right()),
            (C.home, wb_key_home()), (C.end, wb_key_end()), (C.pageUp, wb_key_ppage()), (C.pageDown, wb_key_npage()),
            (C.backspace, wb_key_backspace()), (C.enter, wb_key_enter()), (C.backTab, wb_key_btab()),
            (C.deleteChar, wb_key_dc()), (C.resize, wb_key_resize()), (C.f0, wb_key_f(0)),
            (C.f0 + 12, wb_key_f(12)), (C.a1, wb_key_a1()), (C.a3, wb_key_a3()), (C.c1, wb_key_c1()), (C.c3, wb_key_c3()),
        ]
        for (mine, header) in pairs { #expect(Int32(mine) == header) }
    }
}
