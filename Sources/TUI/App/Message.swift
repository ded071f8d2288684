import Trainer

/// Everything that can happen to the app. User intents are imperative
/// (`.nextPanel`); things the world reports are past tense (`.resized`).
public enum Message: Equatable, Sendable {
    // Panels
    case nextPanel, previousPanel
    case goToPanel(Int)
    case openPanelList
    // Focus and movement
    case toggleFocus
    case moveSelection(Int)
    case scrollLesson(Int)
    case pageLesson(Int)
    // Editing parameters
    case step(Int, large: Bool)
    case beginEntry
    case resetParameter, resetPanel
    case showClaims
    // Line editing, in the entry and panel-list overlays
    case typed(Character)
    case deleteBackward
    case commit
    case cancel
    case moveListSelection(Int)
    // Practice
    case toggleClock
    case toggleTick(Int)
    case beginEstimate
    case editNotes
    case newline
    case deleteForward
    case moveCursor(CursorMove)
    case answer(Bool)
    // App
    case toggleHelp
    case scrollHelp(Int)
    case export
    case quit
    // World events
    /// Monotonic seconds, sent by the loop before each key and on idle timeouts.
    case ticked(at: Double)
    case resized(Size)
    case exportFinished(Result<[String], ExportFailure>)
}

/// Cursor moves in the notes editor.
public enum CursorMove: Equatable, Sendable { case left, right, up, down, lineStart, lineEnd }

/// Why an export failed, as the status line should say it.
public struct ExportFailure: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// What the run loop must do after an update: effects are values, so tests
/// can compare them, and the loop alone performs I/O.
public enum Effect: Equatable, Sendable {
    case quit
    case export
}
