import TUI

/// Turns what curses reads byte by byte into keys and pastes: a pure function
/// of the input, tested with scripted bytes.
///
/// Why not `wget_wch`: on a byte that is not UTF-8 (`a\xffbc` under C.UTF-8,
/// any non-ASCII key under `LANG=C`) it keeps waiting for a character that
/// never comes and swallows the keys after it. Here a bad byte becomes U+FFFD
/// and the next byte starts afresh.
///
/// Three more jobs:
/// - Bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`, which the screen turns
///   on) arrives as one `.paste(text)`: its newlines and letters are text for
///   the focused field, never Enter or commands. Other controls in it go.
/// - In a text field, an Esc that curses gave up on (its `[`/`O` came later
///   than `ESCDELAY`, as arrows do over a slow link) is not acted on when the
///   rest follows within the delay: the sequence is read as the key it is.
/// - Keys curses decoded (`KEY_UP` …) pass through `KeyDecoder`.
public enum InputAssembler {
    /// One thing curses' `wgetch` returned.
    public enum Raw: Equatable, Sendable {
        case byte(UInt8)
        /// A curses key code (`KEY_UP`, …, or the paste markers below).
        case keyCode(UInt32)
        /// Nothing within the wait.
        case none
    }

    /// What one call assembled.
    public enum Event: Equatable, Sendable {
        case key(Key)
        case paste(String)
        /// curses read a mouse report (`KEY_MOUSE`): the event waits for `getmouse`.
        case mouse
        /// Bytes that make no key (an unknown escape sequence): read and dropped.
        case nothing
    }

    /// Key codes the screen defines (`define_key`) for the paste markers; above
    /// every curses constant (`KEY_MAX` is 0777).
    public static let pasteStart: UInt32 = 0o1100
    public static let pasteEnd: UInt32 = 0o1101

    /// The most characters one paste keeps; the rest is read and dropped.
    public static let maxPaste = 100_000
    /// A paste whose end marker never comes ends after this long without a byte.
    public static let pasteGapMilliseconds = 1_000

    /// Assembles one event starting at `first`, reading more with `next(waitMilliseconds)`
    /// and handing back a byte that belongs to the next event with `pushBack`.
    public static func assemble(_ first: Raw, inTextField: Bool, escapeDelay: Int,
                                next: (Int) -> Raw, pushBack: (UInt8) -> Void) -> Event {
        switch first {
        case .none: return .nothing
        case let .keyCode(code):
            if code == pasteStart { return .paste(readPaste(next: next)) }
            if code == pasteEnd { return .nothing }
            if code == KeyDecoder.Code.mouse { return .mouse }
            return KeyDecoder.decode(status: KeyDecoder.keyCodeYes, code: code).map(Event.key) ?? .nothing
        case let .byte(b):
            if b == 0x1B, inTextField {
                let after = next(escapeDelay)
                guard case let .byte(c) = after, c == UInt8(ascii: "[") || c == UInt8(ascii: "O") else {
                    if case let .byte(c) = after { pushBack(c) }
                    if case let .keyCode(code) = after { return assemble(.keyCode(code), inTextField: true, escapeDelay: escapeDelay, next: next, pushBack: pushBack) }
                    return .key(.escape)
                }
                return sequence(introducer: c, next: { next(escapeDelay) }, readPaste: { readPaste(next: next) })
            }
            if b < 0x80 { return KeyDecoder.decode(status: KeyDecoder.ok, code: UInt32(b)).map(Event.key) ?? .nothing }
            let scalar = utf8(lead: b, next: { next(escapeDelay) }, pushBack: pushBack)
            return KeyDecoder.decode(status: KeyDecoder.ok, code: scalar.value).map(Event.key) ?? .nothing
        }
    }

    /// The scalar a UTF-8 sequence starting with `lead` encodes, or U+FFFD for
    /// a byte that cannot start one or a sequence cut short (the byte that cut
    /// it is handed back to be read again).
    static func utf8(lead: UInt8, next: () -> Raw, pushBack: (UInt8) -> Void) -> Unicode.Scalar {
        let replacement = Unicode.Scalar(0xFFFD)!
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return replacement
        }
        for _ in 1..<length {
            guard case let .byte(c) = next() else { return replacement }
            guard c & 0xC0 == 0x80 else {
                pushBack(c)
                return replacement
            }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return replacement }
        return scalar
    }

    /// The rest of `ESC [` or `ESC O` read by hand: parameters and intermediates
    /// up to the final byte, then the key it names (or nothing for one nobody binds).
    static func sequence(introducer: UInt8, next: () -> Raw, readPaste: () -> String) -> Event {
        var parameters: [UInt8] = []
        var final: UInt8?
        for _ in 0..<32 {
            guard case let .byte(c) = next() else { break }
            if (0x20...0x3F).contains(c) { parameters.append(c); continue }
            if (0x40...0x7E).contains(c) { final = c }
            break
        }
        guard let final else { return .nothing }
        // A mouse report curses did not decode (its Esc came late): `ESC [ M` and
        // three bytes of button and cell, which must not be typed as text.
        if final == UInt8(ascii: "M"), parameters.isEmpty, introducer == UInt8(ascii: "[") {
            for _ in 0..<3 { _ = next() }
            return .nothing
        }
        let number = Int(String(decoding: parameters.prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self))
        switch Character(Unicode.Scalar(final)) {
        case "A": return .key(.up)
        case "B": return .key(.down)
        case "C": return .key(.right)
        case "D": return .key(.left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "Z": return .key(.backTab)
        case "P", "Q", "R", "S" where introducer == UInt8(ascii: "O") || number == 1:
            return .key(.function(Int(final) - Int(UInt8(ascii: "P")) + 1))
        case "~":
            switch number {
            case 1, 7: return .key(.home)
            case 4, 8: return .key(.end)
            case 3: return .key(.delete)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            case 200: return .paste(readPaste())
            default: return .nothing
            }
        default: return .nothing
        }
    }

    /// The text up to the paste-end marker: CR and LF become newlines, tab
    /// stays, every other control (an ESC of a pasted sequence included) goes,
    /// bytes that are not UTF-8 become U+FFFD.
    static func readPaste(next: (Int) -> Raw) -> String {
        var text = String.UnicodeScalarView()
        var count = 0
        var queue: [Raw] = []
        var lastWasCR = false
        func nextRaw() -> Raw {
            if !queue.isEmpty { return queue.removeFirst() }
            return next(pasteGapMilliseconds)
        }
        while true {
            var scalar: Unicode.Scalar
            switch nextRaw() {
            case .none: return String(text)
            case let .keyCode(code):
                if code == pasteEnd { return String(text) }
                continue   // a key curses decoded inside the paste (ESC [ A in pasted text): not text
            case let .byte(b):
                if b == 0x1B {
                    // The end marker when curses did not decode it: ESC [ 2 0 1 ~.
                    // Anything else after an ESC is pasted text (the ESC itself goes).
                    let marker = Array("[201~".utf8)
                    var seen: [Raw] = []
                    while seen.count < marker.count {
                        let raw = nextRaw()
                        seen.append(raw)
                        guard raw == .byte(marker[seen.count - 1]) else { break }
                    }
                    if seen.count == marker.count, seen.last == .byte(marker[marker.count - 1]) { return String(text) }
                    queue = seen.filter { $0 != .none } + queue
                    if seen.last == Raw.none { queue.append(.none) }
                    continue
                }
                if b < 0x80 {
                    scalar = Unicode.Scalar(b)
                } else {
                    scalar = utf8(lead: b, next: nextRaw, pushBack: { queue.insert(.byte($0), at: 0) })
                }
            }
            let wasCR = lastWasCR
            lastWasCR = scalar == "\r"
            if scalar == "\n", wasCR { continue }         // CR LF is one line break
            if scalar == "\r" { scalar = "\n" }
            if scalar != "\n", scalar != "\t", isControl(scalar) { continue }
            guard count < maxPaste else { continue }
            text.append(scalar)
            count += 1
        }
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F)
    }
}
