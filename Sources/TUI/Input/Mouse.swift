/// A mouse report as the app sees it: what the button did and the cell under
/// the pointer (0-based, the grid's coordinates; it may lie outside the grid).
///
/// The terminal backend makes these from curses' mouse events; `update`
/// resolves the cell against the layout the views draw (`AppState.mouseMessage`).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The first button went down.
        case click
        /// One notch of the wheel away from the user (the text moves down: back up the page).
        case wheelUp
        /// One notch towards the user (further down the page).
        case wheelDown
    }

    public var kind: Kind
    public var column: Int
    public var row: Int

    public init(_ kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }

    /// Lines one notch of the wheel scrolls, as in less and vim.
    public static let wheelLines = 3
}
