import TUI

/// What one `CursesScreen.readKey` call found.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// Text pasted in one piece (bracketed paste): for the focused field, never keys.
    case paste(String)
    /// A click or a notch of the wheel (only when the terminal reports the mouse).
    case mouse(MouseEvent)
    /// Nothing arrived within the timeout: a chance to tick clocks.
    case timeout
    /// The terminal is gone (window closed, ssh dropped, stdin at EOF): save and exit.
    /// Later calls keep returning this, each after sleeping the timeout, so a
    /// loop that ignores it idles instead of spinning.
    case endOfInput
    case signal(SignalEvent)
}
