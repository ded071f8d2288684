import Trainer

/// Which pane the movement keys act on.
public enum Focus: String, Equatable, Sendable {
    case lesson, calculator
}

/// A modal layer over the panels. Only one at a time; Esc closes it.
public enum Overlay: Equatable, Sendable {
    /// Every key, from the keymap, scrolled by `scroll` lines on small screens.
    case help(scroll: Int)
    /// Jump to a panel: typed text filters by number or title.
    case panelList(query: LineEditor, selection: Int)
    /// Typing an exact value for the selected parameter.
    case entry(ValueEntry)
    /// Typing what `/` searches for (`*text`: every lesson).
    case search(LineEditor)
    /// Typing a guess for the panel's estimate, before the result is shown.
    case estimate(LineEditor)
    /// The multi-line notes editor for the panel.
    case notes(TextEditor)
    /// A yes/no question.
    case confirm(Question)
    /// Every claim of the panel, with the board's figure, the computed one and why.
    case claims(scroll: Int)
    /// The chosen result's tornado (every input moved ±20 %) and where the calculator's decisions flip.
    case sensitivity(scroll: Int)
    /// Typing a target for the chosen result and choosing the parameter to solve for.
    case solve(SolveEntry)
    /// Every value moved on this panel and on the others this session, beside the lesson's.
    case changed(scroll: Int)
    /// Your estimates over the history: bias and spread by kind, session by session, and what to drill next.
    case calibration(scroll: Int)
    /// Every session in the history, newest first, with accuracy and checklist coverage.
    case history(scroll: Int)
}

/// What a yes/no overlay asks.
public enum Question: Equatable, Sendable {
    /// Quitting with changes not exported: y exports then quits, n quits.
    case exportBeforeQuit
    /// A saved session was found at start: y resumes it, n starts fresh.
    case resume(PracticeSession)
    /// The ten minutes are up: y exports the session, n keeps going.
    case exportAtTimeUp
    /// `v` with no guess typed: y reveals (a miss), n leaves the estimate open.
    /// A stray `v` must not spend an estimate.
    case revealWithoutGuess

    public var text: String {
        switch self {
        case .exportBeforeQuit: return "Export this session before quitting?  y: export and quit · n: quit · Esc: stay"
        case .exportAtTimeUp: return "Ten minutes are up. Export the session now?  y: export · n: keep going"
        case .revealWithoutGuess: return "Reveal the answer without a guess? It counts as a miss.  y: reveal · n: not yet (e guesses)"
        case .resume: return "Resume your last session (panel, values, notes, clock)?  y: resume · n: start fresh (it is kept)"
        }
    }
}

/// The line editor for an exact value (`Enter` on a parameter), which
/// starts with the current value, ready to be typed over or edited.
public struct ValueEntry: Equatable, Sendable {
    public var key: String
    public var editor: LineEditor
    public init(key: String, editor: LineEditor = LineEditor()) { self.key = key; self.editor = editor }
    public init(key: String, text: String) { self.init(key: key, editor: LineEditor(text)) }
    public var text: String { editor.text }
}

/// A message on the status line: what just happened, or what went wrong.
public struct Notice: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, error }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) { self.kind = kind; self.text = text }
}

/// How the screen may draw: Unicode frames and colour when the terminal has them.
public struct DisplayOptions: Equatable, Sendable {
    public var unicode: Bool
    public var color: Bool
    public init(unicode: Bool = true, color: Bool = true) { self.unicode = unicode; self.color = color }
}
