import Calculators
import Trainer

/// The whole app as data: panels, focus, any overlay, the status notice and
/// the screen size. `update` changes it; views read it; nothing else does.
public struct AppState: Equatable, Sendable {
    public var panels: [PanelState]
    /// Files that did not load, shown on a panel of their own after the lessons.
    public var problems: [LessonError]
    public var current: Int = 0
    public var focus: Focus = .lesson
    public var overlay: Overlay?
    public var notice: Notice?
    public var size: Size
    public var display: DisplayOptions
    /// Set once the user changed something since the last export (quitting then offers one).
    public var unsavedChanges = false
    public var quitRequested = false
    /// Notes, ticks, estimates, the practice clock and the values changed: what autosave keeps.
    public var session: PracticeSession
    /// The last monotonic instant the loop reported (`.ticked`), for the clock.
    public var now: Double = 0
    /// The instant of the tick before, for time on a panel outside practice mode.
    public var lastTick: Double?
    /// While only the first lesson is parsed: how many panels are coming, for the header.
    public var announcedPages: Int?

    public init(library: LessonLibrary, size: Size, display: DisplayOptions = DisplayOptions(),
                session: PracticeSession = PracticeSession(startedAt: 0, practiceMode: false)) {
        panels = library.lessons.map(PanelState.init)
        self.session = session
        problems = library.problems
        self.size = size
        self.display = display
        if !problems.isEmpty {
            let files = Set(problems.map(\.file)).count
            notice = Notice(.error, "\(files) lesson file\(files == 1 ? "" : "s") did not load: see the last panel")
        }
    }

    /// The session as autosave should write it: a notes draft still open in the
    /// editor counts, so a closed terminal or a kill does not lose it.
    public var savableSession: PracticeSession {
        var copy = session
        if case let .notes(editor) = overlay, let id = panel?.lesson.id { copy[lesson: id].notes = editor.text }
        return copy
    }

    /// Whether autosave may write now: not while the start-up question about
    /// the previous session is open, or it would overwrite that session unasked.
    public var mayAutosave: Bool {
        if case .confirm(.resume) = overlay { return false }
        return true
    }

    /// Swaps in a (fuller) library, keeping what the user did on panels that
    /// survive by id. The trainer draws its first frame from the first lesson
    /// alone, then loads the rest: parsing every lesson before the first frame
    /// would triple the time to first paint.
    public mutating func load(_ library: LessonLibrary) {
        let previous = Dictionary(panels.map { ($0.lesson.id, $0) }, uniquingKeysWith: { a, _ in a })
        let currentID = panel?.lesson.id
        panels = library.lessons.map { lesson in
            if let old = previous[lesson.id], old.lesson == lesson { return old }
            return PanelState(lesson: lesson)
        }
        problems = library.problems
        announcedPages = nil
        current = currentID.flatMap { id in panels.firstIndex { $0.lesson.id == id } } ?? min(current, max(0, pageCount - 1))
        if !problems.isEmpty, notice == nil {
            let files = Set(problems.map(\.file)).count
            notice = Notice(.error, "\(files) lesson file\(files == 1 ? "" : "s") did not load: see the last panel")
        }
    }

    /// Takes a saved session back: its panel, values, notes, ticks, estimates and clock.
    public mutating func restore(_ saved: PracticeSession) {
        session = saved
        for i in panels.indices {
            let record = saved[lesson: panels[i].lesson.id]
            for (key, value) in record.parameters { panels[i].inputs?.setClamped(key, value) }
        }
        if let id = saved.currentLessonID, let i = panels.firstIndex(where: { $0.lesson.id == id }) { current = i }
        if panel?.inputs == nil { focus = .lesson }
        unsavedChanges = saved.hasChanges
        notice = Notice(.info, "Resumed your last session" + (saved.clock.elapsed > 0 ? ": t resumes the clock" : ""))
    }

    /// Panels plus the problems panel when some files failed.
    public var pageCount: Int { panels.count + (problems.isEmpty ? 0 : 1) }

    public var isOnProblemsPage: Bool { current >= panels.count }

    public var panel: PanelState? { panels.indices.contains(current) ? panels[current] : nil }

    /// The key context for the current overlay and focus.
    public var keyContext: KeyBinding.Context {
        switch overlay {
        case .help, .claims: return .help
        case .panelList: return .panelList
        case .entry, .estimate: return .entry
        case .notes: return .notes
        case .confirm: return .confirm
        case nil: return focus == .lesson || panel?.inputs == nil ? .lesson : .calculator
        }
    }

    /// Pages whose number or title matches the panel-list query (the problems page included).
    public func panelMatches(_ query: String) -> [Int] {
        let q = query.lowercased()
        let all = Array(0..<pageCount)
        guard !q.isEmpty else { return all }
        if let n = Int(q) { return all.filter { String($0 + 1).hasPrefix(String(n)) } }
        return all.filter { pageTitle($0).lowercased().contains(q) || (panels.indices.contains($0) && (panels[$0].lesson.id.contains(q) || panels[$0].lesson.minutes.contains(q))) }
    }

    /// A page's title for lists: the lesson's, or the problems page's.
    public func pageTitle(_ index: Int) -> String {
        panels.indices.contains(index) ? panels[index].lesson.title : "Lesson files with problems"
    }
}
