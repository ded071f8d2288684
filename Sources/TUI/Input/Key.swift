/// A key press as the app sees it, independent of curses codes and escape sequences.
///
/// The terminal backend turns raw input into these; the keymap turns these into
/// messages. Tests press keys by value: `h.press(.character("j"), .down, .enter)`.
public enum Key: Hashable, Sendable {
    /// A printable character, including wide and other non-ASCII ones.
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, escape
    /// Ctrl with a letter or one of `@[\]^_`, lowercase letters: Ctrl-C is `.control("c")`.
    case control(Character)
    /// F1 is `.function(1)`.
    case function(Int)
    /// The terminal changed size; redraw at the new size.
    case resize
}

extension Key {
    /// How the key is written in help text and the README:
    /// `"↑"`, `"PgDn"`, `"Enter"`, `"Ctrl-C"`, `"q"`, `"Space"`, `"F5"`.
    public var helpName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): TextWidth.sanitized(String(c))
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .escape: "Esc"
        case .control(let c): "Ctrl-" + String(c).uppercased()
        case .function(let n): "F\(n)"
        case .resize: "Resize"
        }
    }
}
