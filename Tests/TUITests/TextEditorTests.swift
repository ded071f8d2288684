import Testing
@testable import TUI

@Suite struct TextEditorTests {
    func at(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

    @Test func opensWithTheCursorAtTheEnd() {
        let e = TextEditor(text: "push below 10K\npull above")
        #expect(e.lines == ["push below 10K", "pull above"])
        #expect(e.cursor == at(1, 10))
        #expect(TextEditor().lines == [""])
        #expect(TextEditor().cursor == at(0, 0))
        #expect(TextEditor().isEmpty)
    }

    @Test func crlfAndControlsOnOpen() {
        let e = TextEditor(text: "a\r\nb\rc\u{1B}[31m\td")
        #expect(e.lines == ["a", "b", "c[31m d"])
        #expect(e.text == "a\nb\nc[31m d")
    }

    @Test func typingAndNewlines() {
        var e = TextEditor()
        for c in "CAP" { e.insert(c) }
        e.insertNewline()
        e.insert(contentsOf: "AP\nok")
        #expect(e.text == "CAP\nAP\nok")
        #expect(e.cursor == at(2, 2))
        e.insert("\u{1B}")
        #expect(e.text == "CAP\nAP\nok")
    }

    @Test func insertInTheMiddleSplitsAtTheCursor() {
        var e = TextEditor(text: "pushpull")
        for _ in 0..<4 { e.moveLeft() }
        e.insertNewline()
        #expect(e.lines == ["push", "pull"])
        #expect(e.cursor == at(1, 0))
    }

    @Test func emojiAndCJKAreOneColumnEach() {
        var e = TextEditor(text: "a👩‍💻漢字🇫🇷b")
        #expect(e.cursor == at(0, 6))
        e.moveLeft()
        e.moveLeft()
        #expect(e.cursor == at(0, 4))
        e.deleteBackward()
        #expect(e.text == "a👩‍💻漢🇫🇷b")
        #expect(e.cursor == at(0, 3))
        e.deleteBackward()
        e.deleteBackward()
        #expect(e.text == "a🇫🇷b")
        #expect(e.cursor == at(0, 1))
        e.deleteForward()
        #expect(e.text == "ab")
        #expect(e.cursor == at(0, 1))
    }

    @Test func combiningMarkJoinsThePreviousCharacter() {
        var e = TextEditor(text: "cafe")
        e.insert("\u{301}")
        #expect(e.text == "café")
        #expect(e.lines[0].count == 4)
        #expect(e.cursor == at(0, 4))
        e.deleteBackward()
        #expect(e.text == "caf")
        #expect(e.cursor == at(0, 3))
    }

    @Test func regionalIndicatorsPairIntoAFlag() {
        var e = TextEditor()
        e.insert("🇫")
        e.insert("🇷")
        #expect(e.text == "🇫🇷")
        #expect(e.cursor == at(0, 1))
    }

    @Test func backspaceAndDeleteJoinLines() {
        var e = TextEditor(text: "ab\ncd")
        e.moveToLineStart()
        e.deleteBackward()
        #expect(e.lines == ["abcd"])
        #expect(e.cursor == at(0, 2))
        e.insertNewline()
        e.moveLeft()
        #expect(e.cursor == at(0, 2))
        e.deleteForward()
        #expect(e.lines == ["abcd"])
        #expect(e.cursor == at(0, 2))
    }

    @Test func edgesAreNoOps() {
        var e = TextEditor(text: "x")
        e.moveToLineStart()
        e.moveLeft()
        e.deleteBackward()
        #expect(e.text == "x")
        #expect(e.cursor == at(0, 0))
        e.moveUp()
        #expect(e.cursor == at(0, 0))
        e.moveToLineEnd()
        e.moveRight()
        e.deleteForward()
        #expect(e.text == "x")
        #expect(e.cursor == at(0, 1))
        e.moveDown()
        #expect(e.cursor == at(0, 1))
        var empty = TextEditor()
        empty.deleteBackward()
        empty.deleteForward()
        empty.moveLeft()
        empty.moveRight()
        empty.moveUp()
        empty.moveDown()
        #expect(empty == TextEditor())
    }

    @Test func leftAndRightCrossLineBreaks() {
        var e = TextEditor(text: "ab\ncd")
        e.moveToLineStart()
        e.moveLeft()
        #expect(e.cursor == at(0, 2))
        e.moveRight()
        #expect(e.cursor == at(1, 0))
    }

    @Test func upAndDownKeepTheColumnAcrossShortLines() {
        var e = TextEditor(text: "long line here\nab\n漢字漢字漢字漢字")
        e.moveUp()
        e.moveUp()
        e.moveToLineEnd()
        #expect(e.cursor == at(0, 14))
        e.moveDown()
        #expect(e.cursor == at(1, 2))
        e.moveDown()
        #expect(e.cursor == at(2, 8))
        e.moveUp()
        e.moveUp()
        #expect(e.cursor == at(0, 14))
        e.moveToLineStart()
        e.moveRight()
        e.moveRight()
        e.moveRight()
        e.moveDown()
        #expect(e.cursor == at(1, 2))
        e.moveDown()
        #expect(e.cursor == at(2, 3))
        e.moveUp()
        e.insert("!")
        #expect(e.lines[1] == "ab!")
        e.moveDown()
        #expect(e.cursor == at(2, 3))
    }

    @Test func firstAndLastLineEdgesForUpAndDown() {
        var e = TextEditor(text: "abc\ndef")
        e.moveUp()
        #expect(e.cursor == at(0, 3))
        e.moveUp()
        #expect(e.cursor == at(0, 0))
        e.moveDown()
        e.moveDown()
        #expect(e.cursor == at(1, 3))
    }
}
