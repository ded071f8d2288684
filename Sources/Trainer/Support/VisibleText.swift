/// The one place text is made safe to leave the process.
///
/// Lesson files, scenario files, notes, file names and typed values are
/// user-controlled. Written raw, an ESC or a C1 CSI (U+009B) in them is a
/// command to the terminal: OSC 52 writes the clipboard, `ESC [ 6 n` makes the
/// terminal type a reply into the shell, OSC 0 retitles the window. Every
/// command's standard output and error, both exports and every cell of the
/// trainer's screen pass through `escape`, so no such byte is ever written.
///
/// | input                          | `.line`   | `.text`   | `.cell`   | `.json`      |
/// |--------------------------------|-----------|-----------|-----------|--------------|
/// | ESC (U+001B)                   | `^[`      | `^[`      | `^[`      | `\u001b`     |
/// | BEL, NUL, CR                   | `^G` `^@` `^M` | same | same      | `\u0007` …   |
/// | newline                        | `^J`      | newline   | `^J`      | newline (whitespace between tokens) |
/// | tab                            | `^I`      | tab       | space     | tab          |
/// | DEL (U+007F)                   | `^?`      | `^?`      | `^?`      | `\u007f`     |
/// | C1, e.g. U+009B (CSI)          | `\x9b`    | `\x9b`    | `\x9b`    | `\u009b`     |
/// | a byte that is not UTF-8 (`escape(bytes:)`) | `\xff` | `\xff` | `\xff` | `\\xff` |
///
/// Escaping is idempotent: its output holds no control character, so text
/// escaped twice reads the same as text escaped once.
public enum VisibleText {
    public enum Context: Sendable {
        /// One line (a file name, a value in a message): newline and tab are shown.
        case line
        /// Several lines of plain text (a command's output, Markdown): newline and tab pass.
        case text
        /// One grid cell's worth of text: as `.line`, with tab drawn as a space.
        case cell
        /// JSON text: every control character inside a string becomes a `\u` escape,
        /// which decodes back to the same string; newline and tab pass (they only
        /// occur raw between tokens).
        case json
    }

    /// True when `u` is a C0 control, DEL or a C1 control.
    @inlinable public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F)
    }

    /// `s` with every control character the context does not allow shown visibly.
    public static func escape(_ s: String, _ context: Context) -> String {
        var clean = true
        for u in s.unicodeScalars where isControl(u) && !passes(u, context) {
            clean = false
            break
        }
        if clean { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { append(u, context, to: &out) }
        return String(out)
    }

    /// Decodes `bytes` as UTF-8, showing each byte that is not part of a valid
    /// sequence as `\xNN` (a file name on Linux is bytes, not text), then escapes.
    public static func escape<Bytes: Collection>(bytes: Bytes, _ context: Context) -> String where Bytes.Element == UInt8 {
        let b = Array(bytes)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < b.count {
            if let (scalar, length) = decodeOne(b, at: i) {
                append(scalar, context, to: &out)
                i += length
            } else {
                appendHex(b[i], context, to: &out)
                i += 1
            }
        }
        return String(out)
    }

    /// The scalar of the well-formed UTF-8 sequence at `i` and its length, or
    /// nil (overlong forms, surrogates and values past U+10FFFF are not well formed).
    static func decodeOne(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = b[i]
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= b.count else { return nil }
        for k in 1..<length {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Whether the context writes `u` as it is.
    static func passes(_ u: Unicode.Scalar, _ context: Context) -> Bool {
        switch context {
        case .line, .cell: return false
        case .text, .json: return u == "\n" || u == "\t"
        }
    }

    static func append(_ u: Unicode.Scalar, _ context: Context, to out: inout String.UnicodeScalarView) {
        guard isControl(u), !passes(u, context) else { out.append(u); return }
        if context == .json {
            let hex = String(u.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            return
        }
        if context == .cell && u == "\t" { out.append(" "); return }
        switch u.value {
        case 0x00...0x1F:
            out.append("^")
            out.append(Unicode.Scalar(UInt8(u.value + 0x40)))
        case 0x7F:
            out.append("^")
            out.append("?")
        default:
            appendHex(UInt8(u.value), context, to: &out)
        }
    }

    static func appendHex(_ byte: UInt8, _ context: Context, to out: inout String.UnicodeScalarView) {
        let digits = Array("0123456789abcdef".unicodeScalars)
        // A backslash in a JSON string must itself be escaped.
        out.append(contentsOf: (context == .json ? "\\\\x" : "\\x").unicodeScalars)
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0xF)])
    }

    /// The first control character in `s` the context does not allow, with its
    /// 1-based column (in Unicode scalars), for a lint message.
    public static func firstControl(in s: Substring, allowingTab: Bool) -> (column: Int, scalar: Unicode.Scalar)? {
        for (i, u) in s.unicodeScalars.enumerated() where isControl(u) && !(allowingTab && u == "\t") {
            return (i + 1, u)
        }
        return nil
    }

    /// How a lint message names a control character: `U+001B (ESC)`.
    public static func name(_ u: Unicode.Scalar) -> String {
        let names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR",
                     "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
                     "FS", "GS", "RS", "US"]
        let hex = String(u.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch u.value {
        case 0x00...0x1F: return "\(code) (\(names[Int(u.value)]))"
        case 0x7F: return "\(code) (DEL)"
        case 0x9B: return "\(code) (CSI)"
        case 0x9D: return "\(code) (OSC)"
        case 0x80...0x9F: return "\(code) (C1 control)"
        default: return code
        }
    }
}
