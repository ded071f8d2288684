/// How the screen should look, decided by the caller from flags and environment.
public struct ScreenOptions: Equatable, Sendable {
    /// Use colour when the terminal has it. False for `NO_COLOR` or `--no-color`:
    /// styles then fall back to bold, dim and reverse.
    public var color: Bool
    /// Box drawing and block characters; false picks `Glyphs.ascii`.
    public var unicode: Bool
    /// Ask the terminal for clicks and the wheel (`--no-mouse` turns it off; a
    /// terminal without a mouse simply reports none). Shift-drag still selects text.
    public var mouse: Bool

    public init(color: Bool = true, unicode: Bool = true, mouse: Bool = true) {
        self.color = color
        self.unicode = unicode
        self.mouse = mouse
    }

    /// Options from the environment: no colour when `NO_COLOR` is set and not
    /// empty (no-color.org), Unicode only in a UTF-8 locale, since ncursesw
    /// cannot print `─` in a `C`/POSIX locale.
    public static func fromEnvironment(_ environment: [String: String]) -> ScreenOptions {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ScreenOptions(color: !noColor, unicode: CursesScreen.localeIsUTF8())
    }
}
