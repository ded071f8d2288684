import Calculators
import Foundation
import Testing
@testable import Trainer

/// Both exports of a session whose lessons and notes hold terminal escapes:
/// `cat` of either file writes no control byte, and the JSON decodes back to
/// the text as typed.
@Suite struct HostileExportTests {
    static let attack = "\u{1B}]52;c;aGk=\u{07} \u{1B}[6n \u{9B}6n \u{7F} \u{85} \u{0}"

    static let lesson = Lesson(
        id: "fanout", file: "evil\(attack).md", minutes: "42-44", title: "Title \(attack)", calculator: "fanout",
        parameters: [.init(key: "followers", value: 1_000_000)],
        claims: [Claim(id: "c", text: "Claim \(attack)", resultKey: "push.writes", stated: Quantity(5, .writes),
                       why: "Why \(attack)")],
        checklist: ["Item \(attack)"],
        estimates: [.init(resultKey: "push.write_time", question: "Question \(attack)")])

    @Test func neitherExportHoldsAControlByte() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        var s = PracticeSession(startedAt: 1_700_000_000, practiceMode: true)
        s.visit("fanout")
        s[lesson: "fanout"].notes = "first line\n\(Self.attack)\n\tindented"
        s[lesson: "fanout"][guess: 0].value = 3
        s[lesson: "fanout"].ticked = [0]
        s.tick(at: 10, lesson: Self.lesson)
        let paths = try Exporter.export(s, lessons: [Self.lesson], to: dir.path, at: 1_700_000_100,
                                        timeZone: TimeZone(identifier: "UTC")!)
        for path in paths {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let bad = bytes.indices.filter { i in
                let b = bytes[i]
                return (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F
                    || (b == 0xC2 && i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]))
            }
            #expect(bad == [], "\(path)")
        }
        let markdown = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(markdown.contains(#"^[]52;c;aGk=^G ^[[6n \x9b6n ^? \x85 ^@"#))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: paths[1]))) as? [String: Any]
        let panels = json?["panels"] as? [[String: Any]]
        #expect(panels?.first?["notes"] as? String == "first line\n\(Self.attack)\n\tindented")
    }

    @Test func theSanitiserShowsEveryControlAndIsIdempotent() {
        #expect(VisibleText.escape("a\u{1B}[2Jb", .line) == "a^[[2Jb")
        #expect(VisibleText.escape("\u{9B}6n\u{7F}\u{0}", .line) == #"\x9b6n^?^@"#)
        #expect(VisibleText.escape("x\ny\tz\r", .text) == "x\ny\tz^M")
        #expect(VisibleText.escape("x\ny\tz", .line) == "x^Jy^Iz")
        #expect(VisibleText.escape("x\tz", .cell) == "x z")
        #expect(VisibleText.escape("\u{1B}\u{9B}", .json) == #"\u001b\u009b"#)
        #expect(VisibleText.escape(bytes: [0x61, 0xFF, 0xC3, 0xA9, 0xE2, 0x82, 0x1B, 0xC2, 0x9B], .line) == #"a\xffé\xe2\x82^[\x9b"#)
        #expect(VisibleText.escape(bytes: [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80], .line)
            == #"\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80"#)
        #expect(VisibleText.escape(bytes: Array("漢字🚀".utf8), .line) == "漢字🚀")
        for s in [Self.attack, "plain", "\u{1B}\u{1B}[", "^[ already"] {
            let once = VisibleText.escape(s, .line)
            #expect(VisibleText.escape(once, .line) == once)
            #expect(!once.unicodeScalars.contains(where: VisibleText.isControl))
        }
    }
}
