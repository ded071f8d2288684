import Testing
@testable import TUI

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("─", 1), ("…", 1), ("█", 1),
        ("漢", 2), ("字", 2), ("Ａ", 2), ("ｱ", 1), ("한", 2), ("。", 2),
        ("🚀", 2), ("❤️", 1), ("❤", 1), ("☀︎", 1), ("⌚", 2), ("🇫🇷", 2), ("👍🏽", 2), ("🇫", 1),
        ("👨‍👩‍👧‍👦", 8), ("🏳️‍🌈", 3), ("👩‍💻", 4), ("1️⃣", 1), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2), ("\u{1100}\u{1161}", 2), ("कि", 2),
        ("\u{301}", 0), ("\u{200B}", 0), ("\u{1B}", 0), ("\u{9B}", 0), ("\u{7F}", 0),
    ] as [(Character, Int)])
    func columnsOfCharacter(_ c: Character, _ expected: Int) {
        #expect(TextWidth.columns(of: c) == expected)
    }

    @Test func columnsOfString() {
        #expect(TextWidth.columns(of: "") == 0)
        #expect(TextWidth.columns(of: "ab漢字🚀") == 8)
        #expect(TextWidth.columns(of: TextWidth.sanitized("\u{1B}[2J")) == 5)
    }

    @Test(arguments: [
        ("hello", 5, "hello"), ("hello", 9, "hello"), ("hello", 4, "hel…"),
        ("hello", 1, "…"), ("hello", 0, ""), ("hello", -3, ""),
        ("漢字漢", 4, "漢…"), ("漢字漢", 5, "漢字…"), ("漢字漢", 6, "漢字漢"), ("a漢字", 3, "a…"),
        ("", 3, ""),
    ] as [(String, Int, String)])
    func truncate(_ s: String, _ n: Int, _ expected: String) {
        let t = TextWidth.truncate(s, toColumns: n)
        #expect(t == expected)
        #expect(TextWidth.columns(of: t) <= max(0, n))
    }

    @Test func truncateWithLongEllipsis() {
        #expect(TextWidth.truncate("hello world", toColumns: 8, ellipsis: "...") == "hello...")
        #expect(TextWidth.truncate("hello", toColumns: 2, ellipsis: "...") == "he")
    }

    @Test func wrapGreedy() {
        #expect(TextWidth.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWidth.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWidth.wrap("the quick brown fox", width: 8) == ["the", "quick", "brown", "fox"])
        #expect(TextWidth.wrap("  spaced   out  ", width: 20) == ["spaced out"])
    }

    @Test func wrapHardBreaksLongWords() {
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wrap("ab abcdefgh", width: 4) == ["ab", "abcd", "efgh"])
        #expect(TextWidth.wrap("漢字漢字", width: 3) == ["漢", "字", "漢", "字"])
        #expect(TextWidth.wrap("漢字漢字", width: 5) == ["漢字", "漢字"])
    }

    @Test func wrapKeepsParagraphsAndEmptyLines() {
        #expect(TextWidth.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextWidth.wrap("", width: 5) == [""])
    }

    @Test func wrapDegenerateWidths() {
        #expect(TextWidth.wrap("anything", width: 0) == [])
        #expect(TextWidth.wrap("anything", width: -1) == [])
        #expect(TextWidth.wrap("ab漢", width: 1) == ["a", "b"])
    }

    @Test func wrapNeverExceedsWidth() {
        let text = "Pushing a post from an account with a million followers means 漢字漢字漢字 🚀🚀🚀 writes."
        for width in 1...30 {
            for line in TextWidth.wrap(text, width: width) {
                #expect(TextWidth.columns(of: line) <= width, "width \(width): \(line)")
            }
        }
    }

    @Test(arguments: [
        ("\u{1B}[2J", "^[[2J"), ("\u{07}", "^G"), ("\u{00}", "^@"), ("a\nb\r", "a^Jb^M"),
        ("\u{7F}", "^?"), ("\u{9B}31m", #"\x9b31m"#), ("\u{80}\u{9F}", #"\x80\x9f"#),
        ("a\tb", "a b"), ("\u{1B}]0;title\u{07}", "^[]0;title^G"), ("漢字 ok", "漢字 ok"), ("\u{1F}", "^_"),
    ] as [(String, String)])
    func sanitized(_ input: String, _ expected: String) {
        #expect(TextWidth.sanitized(input) == expected)
    }

    @Test func sanitizedSplitsCRLF() {
        // "\r\n" is one Character in Swift; both bytes must still be shown.
        #expect(TextWidth.sanitized("x\r\ny") == "x^M^Jy")
    }
}
