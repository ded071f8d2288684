import Calculators
import Trainer

/// Everything that can happen to the app. User intents are imperative
/// (`.nextPanel`); what the world reports is in the past tense (`.resized`,
/// `.saved`), and arrives only as a message: the run loop never writes state.
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
    /// Ctrl-D / Ctrl-U: half a page of the lesson down or up.
    case halfPageLesson(Int)
    /// Home / End (G): the top or the end of the lesson.
    case scrollLessonToEdge(end: Bool)
    /// The calculator's results, claims and charts: a line, a page or half a page
    /// down (positive) or up, or their top or end, when the calculator has focus.
    case scrollCalculator(Int)
    case pageCalculator(Int)
    case halfPageCalculator(Int)
    case scrollCalculatorToEdge(end: Bool)
    /// A click on a pane: it takes the focus.
    case focusPane(Focus)
    /// A click on a parameter's row: the calculator takes the focus with that
    /// parameter selected (its index among the panel's visible parameters).
    case selectParameter(Int)
    /// A click on a claim in the calculator: the claims view opens at that claim
    /// (its index among the panel's claims checked).
    case showClaim(Int)
    /// The mouse: `update` resolves the cell under the pointer against the
    /// layout the views draw (`AppState.mouseMessage`), and does nothing where
    /// the event means nothing (outside the panes, over an open text field).
    case mouse(MouseEvent)
    /// `z`: the focused pane takes the whole window, or gives it back.
    case toggleZoom
    /// `/`: type text to search the lesson for (`*text`: every lesson).
    case beginSearch
    /// `n` / `N` while a search is on: the next (1) or previous (-1) match.
    case nextMatch(Int)
    /// Esc while a search is on: its marks go.
    case endSearch
    // Editing parameters
    case step(Int, large: Bool)
    case beginEntry
    case resetParameter, resetPanel
    /// A digit or `.` on the focused calculator: value entry opens with it typed.
    case typeValue(Character)
    /// Back or forward one change of the panel's values (`u`, `Ctrl-R`).
    case undo, redo
    case showClaims
    /// `s`: the chosen result's tornado and the calculator's break-evens.
    case openSensitivity
    /// `]` / `[`: choose the result `s` and `=` act on.
    case cycleResult(Int)
    /// `=`: type a target for the chosen result and solve a parameter for it.
    case beginSolve
    /// The values moved on this panel and across the session, beside the lesson's.
    case showChanged
    /// `A`: the calibration view (every estimate in the history, by kind and over time).
    case showCalibration
    /// `S`: the history view (every session kept, drills too, with accuracy and checklist coverage).
    case showHistory
    // Line editing, in the entry, estimate and panel-list overlays (and notes)
    case typed(Character)
    /// Text pasted in one piece: typed into the field with focus, never read as keys.
    case pasted(String)
    case deleteBackward
    case deleteForward
    case moveCursor(CursorMove)
    /// Ctrl-U: clears the line before the cursor.
    case deleteToLineStart
    case commit
    case cancel
    case moveListSelection(Int)
    // Practice
    case toggleClock
    case toggleTick(Int)
    case beginEstimate
    /// Shows the estimate's answer: the guess kept so far is scored, no guess is a miss.
    case revealEstimate
    case editNotes
    case newline
    case answer(Bool)
    // App
    case toggleHelp
    case scrollHelp(Int)
    case export
    case quit

    // What the world reports
    /// The terminal is up: what the state folder held, whether this trainer
    /// holds its lock, what the command line asked for, and the wall-clock
    /// time (Unix seconds) at the last tick, for dates in the history.
    case started(saved: SessionStore.LoadResult, lockHeld: Bool, resume: Bool, practice: Bool, wallClock: Double)
    /// Every lesson parsed (the first frame was drawn from the first alone).
    case lessonsLoaded(LessonLibrary)
    /// The scenario a resumed session was saved under, as `.loadScenario` found it (the
    /// board's, with what went wrong, when it did not load).
    case scenarioLoaded(name: String, Scenario, problems: [LessonError])
    /// Monotonic seconds, sent by the loop before each key and when it wakes.
    case ticked(at: Double)
    case resized(Size)
    /// Ctrl-Z: the process is about to stop (the clock pauses, the session is saved).
    case suspended(at: Double)
    /// Back from a stop (`fg`).
    case resumed(at: Double)
    /// The terminal closed or a terminating signal arrived: save and go.
    case terminated(status: Int32?)
    case saved(Result<PracticeSession, StorageFailure>)
    case historyAppended(Result<String, StorageFailure>)
    case archived(Result<String, StorageFailure>)
    case exportFinished(Result<[String], ExportFailure>)
    /// The history database opened (or not): what to tell the user.
    case historyOpened(available: Bool, notices: [String])
    /// An estimate attempt reached the history database (or did not).
    case attemptRecorded(Result<String, StorageFailure>)
    /// Every attempt in the history (for the drill schedule), or why not.
    case attemptsLoaded(Result<[AttemptRecord], StorageFailure>)
    /// Every session of the history and every attempt (for the history view), or why not.
    case sessionsLoaded(Result<SessionsRead, StorageFailure>)
    /// The finished session and its panels reached the history database (or did not).
    case sessionRecorded(Result<String, StorageFailure>)
    /// A panel left reached the history database (or did not).
    case visitRecorded(Result<String, StorageFailure>)
    /// An analysis run off the keystroke path finished (for the panel with this lesson id).
    case analysed(lesson: String, Sensitivity.Reply)
    /// A panel's simulation run off the keystroke path finished (for the panel with this lesson id).
    case evaluated(lesson: String, PanelEvaluation.Result)
}

extension Message {
    /// What the world reports (past tense), as opposed to what the user asks for.
    public var isFromWorld: Bool {
        switch self {
        case .started, .lessonsLoaded, .ticked, .resized, .suspended, .resumed, .terminated, .saved,
             .historyAppended, .archived, .exportFinished, .historyOpened, .attemptRecorded, .sessionRecorded, .visitRecorded, .attemptsLoaded,
             .sessionsLoaded,
             .analysed, .evaluated:
            true
        default: false
        }
    }
}

/// Cursor moves in the line and notes editors.
public enum CursorMove: Equatable, Sendable { case left, right, up, down, lineStart, lineEnd }

/// Why an export failed, as the status line should say it.
public struct ExportFailure: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Why a save, an archive or a history write failed, as the status line should say it.
public struct StorageFailure: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// What `update` asks of the world. Effects are values, so tests compare
/// them; the run loop alone performs them and reports back with a message.
public enum Effect: Equatable, Sendable {
    /// Parse every lesson (after the first frame): answered by `.lessonsLoaded`.
    case loadLessons
    /// Load the scenario a session the user resumes was saved under: answered by `.scenarioLoaded`.
    case loadScenario(String)
    /// Write the autosave atomically: answered by `.saved`.
    case save(PracticeSession)
    /// Keep a session that the user chose not to resume: answered by `.archived`.
    case archive(PracticeSession)
    /// Record a finished session (one row per session id): answered by `.historyAppended`.
    case appendHistory(HistoryEntry)
    /// Write the Markdown and JSON summary: answered by `.exportFinished`.
    case export(PracticeSession, lessons: [Lesson])
    /// Open the history database (attempts, sessions, drills): answered by `.historyOpened`.
    case openHistory
    /// Keep one estimate attempt in the history database: answered by `.attemptRecorded`.
    case recordAttempt(AttemptRecord)
    /// Keep a finished session and its panels (every lesson of the deck) in the
    /// history database: answered by `.sessionRecorded`.
    case recordSession(HistorySession)
    /// Keep the panel just left (time spent, checklist) and the session as it stands,
    /// unfinished, in the history database: answered by `.visitRecorded`.
    case recordVisit(HistoryVisit)
    /// Read every attempt of the history (drill mode): answered by `.attemptsLoaded`.
    case loadAttempts
    /// Read every session and attempt of the history (the history view): answered by `.sessionsLoaded`.
    case loadSessions
    /// Keep a finished drill as a session of kind drill: answered by `.sessionRecorded`.
    case recordDrill(SessionRecord)
    /// Ring the terminal bell (a clock cue); nothing answers it.
    case bell
    /// Run a tornado, break-evens or a solve on a simulation, off the keystroke path:
    /// answered by `.analysed`.
    case analyse(lesson: String, Sensitivity.Request)
    /// Run a panel's simulation off the keystroke path: answered by `.evaluated`.
    case evaluate(lesson: String, PanelEvaluation)
    /// Leave, with this exit status (nil: a normal quit).
    case quit(status: Int32?)
}

/// What the history view reads: the sessions, oldest first, and every attempt (accuracy per session).
public struct SessionsRead: Equatable, Sendable {
    public var sessions: [SessionRecord]
    public var attempts: [AttemptRecord]
    public init(sessions: [SessionRecord], attempts: [AttemptRecord]) {
        self.sessions = sessions
        self.attempts = attempts
    }
}

/// A panel just left, as the history database takes it: the session so far and the lesson left.
public struct HistoryVisit: Equatable, Sendable {
    public var id: String
    public var session: PracticeSession
    public var lessons: [Lesson]
    /// The lesson of the panel left.
    public var lessonID: String

    public init(id: String, session: PracticeSession, lessons: [Lesson], lessonID: String) {
        self.id = id
        self.session = session
        self.lessons = lessons
        self.lessonID = lessonID
    }
}

/// A finished session as the history database takes it.
public struct HistorySession: Equatable, Sendable {
    public var id: String
    public var session: PracticeSession
    public var lessons: [Lesson]
    /// Unix seconds.
    public var finishedAt: Double
    public var kind: SessionRecord.Kind?

    public init(id: String, session: PracticeSession, lessons: [Lesson], finishedAt: Double, kind: SessionRecord.Kind? = nil) {
        self.id = id
        self.session = session
        self.lessons = lessons
        self.finishedAt = finishedAt
        self.kind = kind
    }
}
