import TUI

/// Turns one `wget_wch` result into a `Key`: a pure function, tested as a table.
///
/// `wget_wch` returns a status and a code. With `OK` the code is a character,
/// and several keys arrive as control characters whose meaning depends on
/// terminal modes: Enter is 13 under `nonl()` and 10 without it, Backspace
/// is 127 on most terminals and 8 (Ctrl-H) on some. With `KEY_CODE_YES` the
/// code is a curses key constant. Codes nobody binds (keypad centre) decode
/// to `nil` and are dropped; `KEY_MOUSE` is not a key either (see `mouse(state:column:row:)`).
public enum KeyDecoder {
    /// `wget_wch` statuses.
    public static let ok: Int32 = 0
    public static let keyCodeYes: Int32 = 0o400
    public static let err: Int32 = -1

    /// The curses key constants used here (`KEY_UP`...), named so the decoder needs
    /// no curses import; `KeyDecoderTests` checks each against the header.
    public enum Code {
        public static let down: UInt32 = 0o402
        public static let up: UInt32 = 0o403
        public static let left: UInt32 = 0o404
        public static let right: UInt32 = 0o405
        public static let home: UInt32 = 0o406
        public static let backspace: UInt32 = 0o407
        /// `KEY_F(n)` is `f0 + n`; curses reserves 64 of them.
        public static let f0: UInt32 = 0o410
        public static let deleteChar: UInt32 = 0o512
        public static let pageDown: UInt32 = 0o522
        public static let pageUp: UInt32 = 0o523
        public static let enter: UInt32 = 0o527
        /// Keypad corners: upper left (Home), upper right (PgUp), lower left (End), lower right (PgDn).
        public static let a1: UInt32 = 0o534
        public static let a3: UInt32 = 0o535
        public static let c1: UInt32 = 0o537
        public static let c3: UInt32 = 0o540
        public static let backTab: UInt32 = 0o541
        public static let end: UInt32 = 0o550
        public static let resize: UInt32 = 0o632
        /// `KEY_MOUSE`: a mouse event waits in curses' queue (`getmouse` takes it).
        public static let mouse: UInt32 = 0o631
    }

    /// curses' mouse button states (`MEVENT.bstate`, `BUTTON1_PRESSED`...), named
    /// so the decoder needs no curses import; `KeyDecoderTests` checks each against the header.
    public enum Button {
        public static let button1Released: UInt = 0o1
        public static let button1Pressed: UInt = 0o2
        public static let button1Clicked: UInt = 0o4
        public static let button4Pressed: UInt = 0o2 << 15
        public static let button5Pressed: UInt = 0o2 << 20
    }

    /// Turns one `getmouse` result into a `MouseEvent`: the first button pressed
    /// (or clicked) is a click, buttons 4 and 5 are the wheel, anything else
    /// (a release, another button) is nil and dropped.
    public static func mouse(state: UInt, column: Int32, row: Int32) -> MouseEvent? {
        let kind: MouseEvent.Kind
        if state & Button.button4Pressed != 0 {
            kind = .wheelUp
        } else if state & Button.button5Pressed != 0 {
            kind = .wheelDown
        } else if state & (Button.button1Pressed | Button.button1Clicked) != 0 {
            kind = .click
        } else {
            return nil
        }
        return MouseEvent(kind, column: Int(column), row: Int(row))
    }

    public static func decode(status: Int32, code: UInt32) -> Key? {
        switch status {
        case ok: return character(code)
        case keyCodeYes: return keyCode(code)
        default: return nil
        }
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .control("@")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code + 0x60))))
        case 28...31: return .control(Character(Unicode.Scalar(UInt8(code + 0x40))))
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func keyCode(_ code: UInt32) -> Key? {
        switch code {
        case Code.up: return .up
        case Code.down: return .down
        case Code.left: return .left
        case Code.right: return .right
        case Code.home, Code.a1: return .home
        case Code.end, Code.c1: return .end
        case Code.pageUp, Code.a3: return .pageUp
        case Code.pageDown, Code.c3: return .pageDown
        case Code.backspace: return .backspace
        case Code.enter: return .enter
        case Code.backTab: return .backTab
        case Code.deleteChar: return .delete
        case Code.resize: return .resize
        case (Code.f0 + 1)...(Code.f0 + 63): return .function(Int(code - Code.f0))
        default: return nil
        }
    }
}
