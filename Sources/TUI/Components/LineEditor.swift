/// The one-line editor shared by value entry, the estimate and the panel
/// list: text, a cursor, and the readline keys people expect (←/→, Home/End,
/// Ctrl-U). Capped in length, so a paste of a megabyte cannot make each frame
/// slow; a value, a guess or a search never needs more.
public struct LineEditor: Equatable, Sendable {
    public static let limit = 120

    public private(set) var characters: [Character]
    /// Characters before the cursor.
    public private(set) var cursor: Int
    /// True while the text is the prefilled value, untouched: the first typed
    /// character replaces it (as a selected field does), Backspace clears it.
    public private(set) var prefilled: Bool

    public init(_ text: String = "", prefilled: Bool = false) {
        characters = Array(text.prefix(Self.limit))
        cursor = characters.count
        self.prefilled = prefilled && !text.isEmpty
    }

    public var text: String { String(characters) }

    /// True when the last insert was cut at the limit.
    public private(set) var truncated = false

    public mutating func insert(_ ch: Character) { insert(String(ch)) }

    /// Inserts at the cursor; line breaks and other controls in pasted text become spaces or go.
    public mutating func insert(_ text: String) {
        if prefilled { characters = []; cursor = 0; prefilled = false }
        var incoming: [Character] = []
        for ch in text {
            if ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\t" { incoming.append(" "); continue }
            if ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
            incoming.append(ch)
        }
        let room = max(0, Self.limit - characters.count)
        truncated = incoming.count > room
        characters.insert(contentsOf: incoming.prefix(room), at: cursor)
        cursor += min(room, incoming.count)
    }

    public mutating func deleteBackward() {
        if prefilled { clear(); return }
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        prefilled = false
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-U: everything before the cursor.
    public mutating func deleteToLineStart() {
        prefilled = false
        characters.removeFirst(cursor)
        cursor = 0
    }

    public mutating func move(_ move: CursorMove) {
        prefilled = false
        switch move {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .lineStart, .up: cursor = 0
        case .lineEnd, .down: cursor = characters.count
        }
    }

    public mutating func clear() {
        characters = []
        cursor = 0
        prefilled = false
    }
}

extension TextEditor {
    /// The notes editor's cursor moves, by the message that asks for them.
    public mutating func move(_ move: CursorMove) {
        switch move {
        case .left: moveLeft()
        case .right: moveRight()
        case .up: moveUp()
        case .down: moveDown()
        case .lineStart: moveToLineStart()
        case .lineEnd: moveToLineEnd()
        }
    }
}

extension LineEditor {
    /// The text with a cursor glyph, cut to `columns` so the cursor stays in
    /// view: linear in the text's length (each character is measured once).
    public func visible(columns: Int, cursor glyph: String, ellipsis: String) -> String {
        let widths = characters.map { TextWidth.columns(of: String($0)) }
        let room = max(1, columns - TextWidth.columns(of: glyph))
        // Keep the cursor in view: take characters leftwards from it, then fill rightwards.
        var start = cursor, used = 0
        while start > 0, used + widths[start - 1] <= room { start -= 1; used += widths[start] }
        var end = cursor
        while end < characters.count, used + widths[end] <= room { used += widths[end]; end += 1 }
        let cutLeft = start > 0, cutRight = end < characters.count
        var before = String(characters[start..<cursor]), after = String(characters[cursor..<end])
        if cutLeft, !before.isEmpty { before = ellipsis + String(before.dropFirst()) }
        if cutRight, !after.isEmpty { after = String(after.dropLast()) + ellipsis }
        return before + glyph + after
    }
}
