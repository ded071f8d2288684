import CNcursesw
import TUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the screen could not start.
public enum ScreenError: Error, Equatable, CustomStringConvertible {
    /// curses could not set up this terminal (`TERM` unset or unknown, no tty).
    case cannotOpenTerminal(term: String?)
    /// `run` was called inside `run`: curses has one screen per process here.
    case alreadyRunning
    /// The terminal is known but cannot place the cursor (`TERM=dumb`, an
    /// emacs shell buffer): every frame would come out as a stream of text.
    case cannotAddressCursor(term: String)

    public var description: String {
        switch self {
        case .cannotOpenTerminal(let term):
            "cannot open the terminal (TERM=\(term ?? "unset")); the calc, lint and audit commands work without one"
        case .alreadyRunning:
            "the terminal screen is already running"
        case .cannotAddressCursor(let term):
            "the terminal (TERM=\(term)) cannot move the cursor, so the trainer cannot draw on it; "
                + "set TERM to your terminal's type (for example xterm-256color); the calc, lint and audit commands work without one"
        }
    }
}

/// The ncursesw screen: setup and restore, keys, signals, and copying a `Grid` to it.
///
/// The only type that talks to curses. Views never see it; the run loop gets
/// one inside `run`, draws grids and reads keys, and curses is torn down on
/// every way out of `run`, including a thrown error.
public final class CursesScreen {
    public let options: ScreenOptions
    /// True when colours were set up (the terminal has them and `options.color`).
    public private(set) var supportsColor = false
    /// True when the terminal reports clicks and the wheel (`options.mouse` and
    /// curses found a way to ask for them).
    public private(set) var mouseEnabled = false

    private let window: UnsafeMutablePointer<WINDOW>
    private var lastGrid: Grid?
    private var inputClosed = false
    private var resumedPending = false
    private var colorPairs: [Color: Int16] = [:]
    /// Curses attributes and colour pair by `Grid.Change.styleKey` (filled as styles appear).
    private var attributeCache = [(attr_t, Int16)?](repeating: nil, count: 256)
    /// Not a UTF-8 locale: curses cannot print anything past ASCII (a CJK
    /// glyph would come out blank, a box line as `M-b~@`), so those cells
    /// show `?` and a wide one also blanks its second column.
    private let asciiOnly = !CursesScreen.localeIsUTF8()

    nonisolated(unsafe) private static var running = false

    private init(window: UnsafeMutablePointer<WINDOW>, options: ScreenOptions) {
        self.window = window
        self.options = options
    }

    /// Starts curses, runs `body` with the screen, and restores the terminal
    /// however `body` ends.
    ///
    /// Order matters: `setlocale` before curses, or ncursesw treats every byte
    /// above 127 as a meta key and prints `M-b~@` for `─`; signal handlers and
    /// the saved termios before `newterm`, so ncurses keeps its own handlers
    /// out and a crash can restore the modes the user had.
    public static func run<T>(options: ScreenOptions, _ body: (CursesScreen) throws -> T) throws -> T {
        guard !running else { throw ScreenError.alreadyRunning }
        running = true
        defer { running = false }
        _ = CNcursesw.setlocale(wb_lc_all(), "")
        let termName = getenv("TERM").map { String(cString: $0) }
        if termName == "dumb" { throw ScreenError.cannotAddressCursor(term: "dumb") }
        Signals.install(terminalFD: STDIN_FILENO)
        defer { Signals.uninstall() }
        guard let term = wb_newterm() else {
            throw ScreenError.cannotOpenTerminal(term: getenv("TERM").map { String(cString: $0) })
        }
        _ = set_term(term)
        // Until the screen has once been ended and refreshed, ncurses 6 takes
        // itself for a terminfo-level program and flushes after every cursor
        // move: a frame went out in dozens of write() calls. Ending it here
        // (nothing has been drawn yet) makes every later `doupdate` one write.
        endwin()
        defer {
            endwin()
            setBracketedPaste(false)
            delscreen(term)
        }
        guard wb_can_address_cursor() != 0 else {
            throw ScreenError.cannotAddressCursor(term: termName ?? "unset")
        }
        Signals.captureResetSequence()
        guard let window = wb_stdscr() else { throw ScreenError.cannotOpenTerminal(term: nil) }
        let screen = CursesScreen(window: window, options: options)
        screen.configure()
        return try body(screen)
    }

    private func configure() {
        cbreak()                  // keys arrive at once; Ctrl-C/Ctrl-Z still raise signals
        noecho()
        nonl()                    // Enter reads as 13; output skips the NL->CRLF translation
        intrflush(window, false)
        keypad(window, true)      // arrows and F-keys as KEY_* codes, not escape bytes
        meta(window, true)        // all 8 bits of every byte: UTF-8 is assembled here, not by curses
        wb_set_escdelay(Int32(escapeDelay))
        curs_set(0)
        defineCursorKeysInBothModes()
        _ = define_key("\u{1B}[200~", Int32(InputAssembler.pasteStart))
        _ = define_key("\u{1B}[201~", Int32(InputAssembler.pasteEnd))
        Self.setBracketedPaste(true)
        leaveok(window, true)     // the cursor is hidden; don't spend bytes moving it back
        // Clicks and the wheel arrive as KEY_MOUSE; without them (no kmous in
        // terminfo, a console) mousemask answers 0 and keys are all there is.
        if options.mouse { mouseEnabled = wb_enable_mouse() != 0 }
        if options.color && has_colors() {
            start_color()
            use_default_colors()  // -1 keeps the user's own background and foreground
            let table: [(Color, Int16)] = [
                (.accent, Int16(COLOR_CYAN)), (.good, Int16(COLOR_GREEN)), (.bad, Int16(COLOR_RED)),
                (.warn, Int16(COLOR_YELLOW)),
                (.muted, wb_colors() >= 16 ? 8 : Int16(COLOR_WHITE)),
            ]
            for (index, (color, foreground)) in table.enumerated() {
                let pair = Int16(index + 1)
                if init_pair(pair, foreground, -1) != ERR { colorPairs[color] = pair }
            }
            supportsColor = !colorPairs.isEmpty
        }
    }

    /// Teaches curses the other spelling of the cursor and editing keys.
    ///
    /// `keypad()` switches the terminal to application mode, where terminfo
    /// says Up is `ESC O A`; but tmux, screen, some terminals and every test
    /// driver that writes bytes itself send the normal-mode `ESC [ A`. Without
    /// these, such an Up arrives as Esc, `[`, `A`: a quit and two stray keys.
    private func defineCursorKeysInBothModes() {
        typealias C = KeyDecoder.Code
        let table: [(String, UInt32)] = [
            ("\u{1B}[A", C.up), ("\u{1B}[B", C.down), ("\u{1B}[C", C.right), ("\u{1B}[D", C.left),
            ("\u{1B}OA", C.up), ("\u{1B}OB", C.down), ("\u{1B}OC", C.right), ("\u{1B}OD", C.left),
            ("\u{1B}[H", C.home), ("\u{1B}[F", C.end), ("\u{1B}OH", C.home), ("\u{1B}OF", C.end),
            ("\u{1B}[1~", C.home), ("\u{1B}[4~", C.end), ("\u{1B}[7~", C.home), ("\u{1B}[8~", C.end),
            ("\u{1B}[5~", C.pageUp), ("\u{1B}[6~", C.pageDown), ("\u{1B}[3~", C.deleteChar),
            ("\u{1B}[Z", C.backTab),
            ("\u{1B}OP", C.f0 + 1), ("\u{1B}OQ", C.f0 + 2), ("\u{1B}OR", C.f0 + 3), ("\u{1B}OS", C.f0 + 4),
            ("\u{1B}[11~", C.f0 + 1), ("\u{1B}[12~", C.f0 + 2), ("\u{1B}[13~", C.f0 + 3), ("\u{1B}[14~", C.f0 + 4),
            ("\u{1B}[15~", C.f0 + 5), ("\u{1B}[17~", C.f0 + 6), ("\u{1B}[18~", C.f0 + 7), ("\u{1B}[19~", C.f0 + 8),
            ("\u{1B}[20~", C.f0 + 9), ("\u{1B}[21~", C.f0 + 10), ("\u{1B}[23~", C.f0 + 11), ("\u{1B}[24~", C.f0 + 12),
        ]
        for (sequence, code) in table where key_defined(sequence) == 0 {
            _ = define_key(sequence, Int32(code))
        }
    }

    /// How long (ms) curses waits after an Esc for the rest of a sequence:
    /// `$ESCDELAY` when set to 0 … 10000, else 100. At 25 ms an arrow whose
    /// bytes arrive 30 ms apart (ssh over a slow link) read as Esc and two
    /// stray keys; 100 ms still feels immediate (vim's `ttimeoutlen` default).
    public let escapeDelay: Int = CursesScreen.escapeDelay(from: getenv("ESCDELAY").map { String(cString: $0) })

    public static let defaultEscapeDelay = 100

    /// `$ESCDELAY` read as milliseconds, or the default when unset or not 0 … 10000.
    public static func escapeDelay(from text: String?) -> Int {
        guard let text, let ms = Int(text), (0...10_000).contains(ms) else { return defaultEscapeDelay }
        return ms
    }

    /// Bracketed paste (xterm mode 2004): the terminal marks a paste with
    /// `ESC [ 200 ~` … `ESC [ 201 ~`. Terminals without it ignore the request.
    /// Written straight to the terminal, outside curses' buffer; off again on
    /// every way out (the crash path's reset string turns it off too).
    static func setBracketedPaste(_ on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        var bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// The screen size in cells, as curses last saw it.
    public var size: Size {
        Size(cols: Int(wb_getmaxx(window)), rows: Int(wb_getmaxy(window)))
    }

    /// True when the locale's character set is UTF-8 (sets the locale from the
    /// environment first). Decides `Glyphs.unicode` versus `.ascii`.
    public static func localeIsUTF8() -> Bool {
        _ = CNcursesw.setlocale(wb_lc_all(), "")
        guard let codeset = wb_codeset() else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" }
        return name == "UTF8"
    }

    // MARK: - Drawing

    /// Shows `grid`, writing only the cells that changed since the last draw.
    ///
    /// Equal grids write nothing, not even a refresh. After a resize or a
    /// resume the whole screen is cleared and repainted, since the terminal's
    /// contents can no longer be trusted. Continuation cells are skipped: the
    /// wide glyph before them already covers their column.
    /// The terminal bell (a clock cue); a terminal without one may flash instead.
    public func bell() { _ = beep() }

    public func draw(_ grid: Grid) {
        let screenSize = size
        let previous: Grid?
        if let lastGrid, lastGrid.size == grid.size {
            previous = lastGrid
        } else {
            werase(window)
            clearok(wb_curscr(), true)
            previous = nil
        }
        var changed = false
        grid.forEachChange(since: previous) { change in
            changed = true
            guard change.width != 0, change.x < screenSize.cols, change.y < screenSize.rows else { return }
            let (attrs, pair) = attributes(forKey: change.styleKey, change.style)
            put(change, x: Int32(change.x), y: Int32(change.y), attrs: attrs, pair: pair)
            if asciiOnly && change.width == 2 && change.x + 1 < screenSize.cols {
                _ = wb_put_char(window, Int32(change.y), Int32(change.x + 1), 32, attrs, pair)
            }
        }
        // Equal grids write nothing, not even a refresh.
        guard changed || previous == nil else { return }
        lastGrid = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one cell: most hold one scalar, handed to curses without a buffer to build.
    private func put(_ change: Grid.Change, x: Int32, y: Int32, attrs: attr_t, pair: Int16) {
        if let scalar = change.scalar {
            let shown = asciiOnly && scalar >= 0x80 ? 63 : scalar
            _ = wb_put_char(window, y, x, wchar_t(bitPattern: shown), attrs, pair)
            return
        }
        let scalars = change.text.unicodeScalars
        if scalars.isEmpty || (asciiOnly && !scalars.allSatisfy(\.isASCII)) {
            _ = wb_put_char(window, y, x, wchar_t(scalars.isEmpty ? 32 : 63), attrs, pair)
            return
        }
        var text = scalars.map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        _ = wb_put_cell(window, y, x, text, attrs, pair)
    }

    /// `attributes(for:)` of a grid's style, made once per style (`Grid.Change.styleKey`).
    private func attributes(forKey key: Int, _ style: @autoclosure () -> Style) -> (attr_t, Int16) {
        if let known = attributeCache[key] { return known }
        let made = attributes(for: style())
        attributeCache[key] = made
        return made
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attrs = wb_a_normal()
        if style.bold { attrs |= wb_a_bold() }
        if style.reverse { attrs |= wb_a_reverse() }
        if style.dim { attrs |= wb_a_dim() }
        if style.underline { attrs |= wb_a_underline() }
        guard let color = style.color else { return (attrs, 0) }
        if let pair = colorPairs[color] {
            if color == .muted && wb_colors() < 16 { attrs |= wb_a_dim() }
            return (attrs, pair)
        }
        // Monochrome or NO_COLOR: meaning survives as weight, never as hue alone.
        switch color {
        case .accent, .bad, .warn: attrs |= wb_a_bold()
        case .muted: attrs |= wb_a_dim()
        case .good: break
        }
        return (attrs, 0)
    }

    /// Forgets what is on screen, so the next `draw` repaints everything.
    public func invalidate() {
        lastGrid = nil
    }

    // MARK: - Input

    /// Waits up to `timeoutMilliseconds` for a key, a signal or the end of input.
    ///
    /// Signals are checked before and after waiting, so a Ctrl-C that lands
    /// while the loop is busy drawing is seen on the next call. An error from
    /// curses with the terminal hung up (poll reports HUP/ERR) is the end of
    /// input; curses would otherwise return ERR at once forever and the loop
    /// would spin at 100% CPU.
    ///
    /// `inTextField`: the focus is on text (notes, a typed value, the panel
    /// list's filter), where a lone Esc followed within `escapeDelay` by `[` or
    /// `O` is the start of a key, not Esc (see `InputAssembler`).
    ///
    /// `wakeup`: another thread's `InputWakeup.wake()` ends the wait early, as a timeout.
    public func readKey(timeoutMilliseconds: Int, inTextField: Bool = false, wakeup: InputWakeup? = nil) -> InputEvent {
        if resumedPending {
            resumedPending = false
            return .signal(.resumed)
        }
        if let event = takeSignal() { return event }
        let timeout = Int32(clamping: max(0, timeoutMilliseconds))
        if inputClosed {
            wb_sleep_ms(max(timeout, 10))
            return .endOfInput
        }
        wb_clear_errno()
        let first = firstByte(timeout: timeout, wakeup: wakeup)
        if first == wb_err() {
            if let event = takeSignal() { return event }
            if wb_input_hung_up(STDIN_FILENO) != 0 || isatty(STDIN_FILENO) == 0 {
                inputClosed = true
                return .endOfInput
            }
            return .timeout
        }
        var sawResize = false
        let event = InputAssembler.assemble(Self.raw(first), inTextField: inTextField, escapeDelay: escapeDelay,
                                            next: { [window = self.window] wait in
            wtimeout(window, Int32(clamping: wait))
            let c = wgetch(window)
            if c == wb_key_resize() { sawResize = true }
            return CursesScreen.raw(c)
        }, pushBack: { _ = ungetch(Int32($0)) })
        if sawResize { invalidate() }
        switch event {
        case let .key(key):
            if key == .resize { invalidate() }
            return .key(key)
        case let .paste(text): return .paste(text)
        case .mouse: return readMouse()
        case .nothing: return .timeout
        }
    }

    /// The event a `KEY_MOUSE` announced; one nobody uses (a release) or one
    /// curses could not give reads as nothing (a timeout).
    private func readMouse() -> InputEvent {
        var x: Int32 = 0, y: Int32 = 0
        var state: UInt = 0
        guard wb_get_mouse(&x, &y, &state) == wb_ok(),
              let event = KeyDecoder.mouse(state: state, column: x, row: y) else { return .timeout }
        return .mouse(event)
    }

    /// The first `wgetch` of a key, waiting up to `timeout` ms. With a wakeup, what
    /// curses already holds comes first; else the wait is on the terminal and the
    /// wakeup's pipe together, and curses then reads without waiting.
    private func firstByte(timeout: Int32, wakeup: InputWakeup?) -> Int32 {
        guard let wakeup, timeout > 0 else {
            wtimeout(window, timeout)
            return wgetch(window)
        }
        wtimeout(window, 0)
        let held = wgetch(window)
        if held != wb_err() || Signals.hasPending { return held }
        wb_wait_input(STDIN_FILENO, wakeup.readEnd, timeout)
        return wgetch(window)
    }

    /// A `wgetch` result as the assembler sees it.
    static func raw(_ c: Int32) -> InputAssembler.Raw {
        if c == wb_err() || c < 0 { return .none }
        if c < 256 { return .byte(UInt8(c)) }
        return .keyCode(UInt32(c))
    }

    private func takeSignal() -> InputEvent? {
        guard Signals.hasPending, let event = Signals.takePending() else { return nil }
        if event == .resumed { repaintAfterStop() }
        return .signal(event)
    }

    // MARK: - Suspend

    /// Hands the terminal back, stops the process as Ctrl-Z would, and on
    /// `fg` takes the terminal again and repaints. The next `readKey`
    /// returns `.signal(.resumed)`.
    ///
    /// Call it after `.signal(.suspend)` once state is saved: the stop can
    /// last forever, and a stopped job is often killed.
    public func suspend() {
        endwin()
        Self.setBracketedPaste(false)
        Signals.stopProcess()
        Self.setBracketedPaste(true)
        repaintAfterStop()
        resumedPending = true
    }

    /// The terminal may have been resized or scribbled on while we were away.
    private func repaintAfterStop() {
        var rows: Int32 = 0, cols: Int32 = 0
        if wb_tty_size(STDOUT_FILENO, &rows, &cols) == 0, rows != wb_lines() || cols != wb_cols() {
            resizeterm(rows, cols)
        }
        invalidate()
        clearok(wb_curscr(), true)
        wrefresh(window)
    }
}

/// Ends a `CursesScreen.readKey` wait from another thread: how a run off the
/// keystroke path gets its result on screen as soon as it is ready.
public final class InputWakeup: @unchecked Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    /// Nil when no pipe could be made (the loop then only wakes on its timeouts).
    public init?() {
        var r: Int32 = -1, w: Int32 = -1
        guard wb_wake_pipe(&r, &w) == 0 else { return nil }
        readEnd = r
        writeEnd = w
    }

    /// Safe from any thread; wakes at most one wait per call, and none is lost.
    public func wake() { wb_wake(writeEnd) }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}
