/// A place in the text: a line, and a column counted in Characters (grapheme
/// clusters), so an emoji, a flag or an accented letter is one step.
public struct TextPosition: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A small multi-line editor for panel notes, as data: keys become calls,
/// the view draws `lines` and `cursor`. Pure; nothing here touches a terminal.
///
/// Columns are Characters, never bytes or scalars: typing U+0301 after "e"
/// joins it into one "é", and two regional indicators become one flag, so the
/// cursor never lands inside a cluster. Up and down keep the column where the
/// line is long enough and remember it across short lines, as editors do.
/// Every move at an edge (start of text, end of text) is a no-op, never a trap.
public struct TextEditor: Equatable, Sendable {
    private var rows: [[Character]]
    public private(set) var cursor: TextPosition
    /// The column up/down aim for, kept while moving vertically through short lines.
    private var goalColumn: Int?

    /// Opens `text` with the cursor at its end, ready to add to the notes.
    /// Control characters are dropped (tab becomes a space); CR LF and CR are newlines.
    public init(text: String = "") {
        rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { Array(String($0.compactMap(Self.cleaned))) }
        if rows.isEmpty { rows = [[]] }
        cursor = TextPosition(line: rows.count - 1, column: rows[rows.count - 1].count)
        goalColumn = nil
    }

    /// The whole text, lines joined with "\n".
    public var text: String { rows.map { String($0) }.joined(separator: "\n") }

    public var lines: [String] { rows.map { String($0) } }

    public var isEmpty: Bool { rows.count == 1 && rows[0].isEmpty }

    // MARK: Editing

    /// Types one character at the cursor. A newline splits the line; a
    /// combining mark or joiner merges with the character before it.
    /// Columns between tab stops: a typed or pasted tab becomes spaces to the next one.
    public static let tabWidth = 4

    public mutating func insert(_ c: Character) {
        if c.isNewline { return insertNewline() }
        if c == "\t" {
            // Kept as spaces (notes are plain text a terminal and an export both show alike).
            for _ in 0..<(Self.tabWidth - cursor.column % Self.tabWidth) { insert(" ") }
            return
        }
        guard let c = Self.cleaned(c) else { return }
        goalColumn = nil
        let row = rows[cursor.line]
        let before = String(row[..<cursor.column]) + String(c)
        rows[cursor.line] = Array(before + String(row[cursor.column...]))
        placeCursor(afterScalars: before.unicodeScalars.count)
    }

    /// Pastes text: each character as if typed.
    public mutating func insert(contentsOf text: String) {
        for c in text { insert(c) }
    }

    public mutating func insertNewline() {
        goalColumn = nil
        let row = rows[cursor.line]
        rows[cursor.line] = Array(row[..<cursor.column])
        rows.insert(Array(row[cursor.column...]), at: cursor.line + 1)
        cursor = TextPosition(line: cursor.line + 1, column: 0)
    }

    /// Backspace: removes the character before the cursor, or joins this line to the previous one.
    public mutating func deleteBackward() {
        goalColumn = nil
        if cursor.column > 0 {
            rows[cursor.line].remove(at: cursor.column - 1)
            cursor.column -= 1
            renormalize()
        } else if cursor.line > 0 {
            let row = rows.remove(at: cursor.line)
            cursor.line -= 1
            cursor.column = rows[cursor.line].count
            rows[cursor.line] += row
            renormalize()
        }
    }

    /// Delete: removes the character after the cursor, or joins the next line to this one.
    public mutating func deleteForward() {
        goalColumn = nil
        if cursor.column < rows[cursor.line].count {
            rows[cursor.line].remove(at: cursor.column)
            renormalize()
        } else if cursor.line + 1 < rows.count {
            rows[cursor.line] += rows.remove(at: cursor.line + 1)
            renormalize()
        }
    }

    // MARK: Moving

    /// One character left; from a line's start, to the end of the line above.
    public mutating func moveLeft() {
        goalColumn = nil
        if cursor.column > 0 {
            cursor.column -= 1
        } else if cursor.line > 0 {
            cursor.line -= 1
            cursor.column = rows[cursor.line].count
        }
    }

    /// One character right; from a line's end, to the start of the line below.
    public mutating func moveRight() {
        goalColumn = nil
        if cursor.column < rows[cursor.line].count {
            cursor.column += 1
        } else if cursor.line + 1 < rows.count {
            cursor.line += 1
            cursor.column = 0
        }
    }

    /// One line up at the same column (or the line's end if shorter); on the first line, to its start.
    public mutating func moveUp() {
        guard cursor.line > 0 else {
            goalColumn = nil
            cursor.column = 0
            return
        }
        let goal = goalColumn ?? cursor.column
        cursor.line -= 1
        cursor.column = min(goal, rows[cursor.line].count)
        goalColumn = goal
    }

    /// One line down at the same column (or the line's end if shorter); on the last line, to its end.
    public mutating func moveDown() {
        guard cursor.line + 1 < rows.count else {
            goalColumn = nil
            cursor.column = rows[cursor.line].count
            return
        }
        let goal = goalColumn ?? cursor.column
        cursor.line += 1
        cursor.column = min(goal, rows[cursor.line].count)
        goalColumn = goal
    }

    public mutating func moveToLineStart() {
        goalColumn = nil
        cursor.column = 0
    }

    public mutating func moveToLineEnd() {
        goalColumn = nil
        cursor.column = rows[cursor.line].count
    }

    // MARK: -

    /// Re-forms the clusters of the cursor's line after a deletion or a join
    /// (removing a ZWJ's neighbour, or joining "e" to a line starting with
    /// U+0301, changes where Characters begin), keeping the cursor after the
    /// same text before it.
    private mutating func renormalize() {
        let scalars = String(rows[cursor.line][..<cursor.column]).unicodeScalars.count
        rows[cursor.line] = Array(String(rows[cursor.line]))
        placeCursor(afterScalars: scalars)
    }

    /// Puts the cursor after the first `count` scalars of its line, or after
    /// the cluster that swallowed the last of them.
    private mutating func placeCursor(afterScalars count: Int) {
        var column = 0, length = 0
        for c in rows[cursor.line] where length < count {
            length += c.unicodeScalars.count
            column += 1
        }
        cursor.column = column
    }

    /// Drops control characters so no note can carry an escape sequence; tab becomes a space.
    private static func cleaned(_ c: Character) -> Character? {
        if c == "\t" { return " " }
        if c.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) { return nil }
        return c
    }
}
