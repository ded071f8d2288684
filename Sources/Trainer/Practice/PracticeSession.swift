/// One sitting with the trainer: the clock and what the user did on each panel.
///
/// Plain data, saved as JSON by `SessionStore` after each change so a crash or
/// a closed terminal loses nothing, and exported by `SessionExport`.
public struct PracticeSession: Codable, Equatable, Sendable {
    /// Bumped when the saved shape changes. An older version this build knows is
    /// migrated on load (`migrated`); any other is moved aside, not misread.
    public static let formatVersion = 3
    /// The oldest version `migrated` takes forward.
    public static let oldestReadable = 1

    public var version: Int
    /// Stable across `--resume`, so a session is one history row however often it is resumed.
    /// Nil only in files saved before ids existed; the trainer gives those one on load.
    public var id: String?
    /// Unix seconds, wall clock (for export names and history).
    public var startedAt: Double
    public var currentLessonID: String?
    public var practiceMode: Bool
    public var clock: PracticeClock
    /// By lesson id.
    public var panels: [String: PanelRecord]
    /// Set once the session is in the history, cleared by any later change, so a
    /// session resumed and quit again without changes is not listed twice.
    public var inHistory: Bool? = nil
    /// The scenario the session ran under ("board", a bundled name or a file path).
    /// The user's changes to it are the scenario panel's record (`panels["scenario"]`).
    public var scenario: String? = nil

    public init(startedAt: Double, practiceMode: Bool) {
        version = Self.formatVersion
        id = Self.makeID(startedAt: startedAt)
        self.startedAt = startedAt
        currentLessonID = nil
        self.practiceMode = practiceMode
        clock = PracticeClock()
        panels = [:]
    }

    /// The id of a session started at `startedAt` (Unix seconds): its start to the
    /// millisecond, which two sittings on one machine never share.
    public static func makeID(startedAt: Double) -> String {
        "s" + String(Int64((startedAt.isFinite ? startedAt : 0) * 1000))
    }

    /// The same work, ignoring time counted: two sessions differing only in
    /// panel seconds or clock time do not need an immediate save.
    public func sameWork(as other: PracticeSession) -> Bool {
        func quiet(_ s: PracticeSession) -> PracticeSession {
            var copy = s
            copy.clock = PracticeClock()
            copy.panels = copy.panels.mapValues { var r = $0; r.seconds = 0; return r }
            return copy
        }
        return clock.isRunning == other.clock.isRunning && quiet(self) == quiet(other)
    }

    /// The session in this build's format: a version 1 file (saved before
    /// scenarios) ran under the board's numbers, so it says so; a version 2
    /// file's one guess per panel was read as the panel's first (`PanelRecord`);
    /// nothing else changes.
    public func migrated() -> PracticeSession {
        var copy = self
        if copy.version < 2 { copy.scenario = copy.scenario ?? "board" }
        copy.version = Self.formatVersion
        return copy
    }

    /// The user's changes to the scenario, by input key.
    public var scenarioChanges: [String: Double] { panels["scenario"]?.parameters ?? [:] }

    /// The record of one lesson; an empty `PanelRecord()` when absent.
    /// Setting an empty record removes it, so equal sessions encode equally.
    public subscript(lesson id: String) -> PanelRecord {
        get { panels[id] ?? PanelRecord() }
        set { panels[id] = newValue == PanelRecord() ? nil : newValue }
    }

    /// Anything a user would be sorry to lose: a value, note, tick or guess on
    /// any panel, or practice time counted.
    public var hasChanges: Bool {
        clock.elapsed > 0 || panels.values.contains { $0.hasUserInput }
    }

    /// Shows a lesson: it becomes current and is marked visited.
    public mutating func visit(_ lessonID: String) {
        currentLessonID = lessonID
        self[lesson: lessonID].visited = true
    }

    /// Counts the running time since the last tick towards `lesson`'s section
    /// and its panel; returns the seconds added (0 when paused).
    @discardableResult
    public mutating func tick(at now: Double, lesson: Lesson) -> Double {
        let delta = clock.tick(at: now, section: lesson.minutes)
        if delta > 0 { self[lesson: lesson.id].seconds += delta }
        return delta
    }

    /// Pauses or resumes the clock (the space bar). Pausing first ticks, so the
    /// last seconds reach both the section and the panel on screen.
    public mutating func toggleClock(at now: Double, lesson: Lesson) {
        if clock.isRunning {
            tick(at: now, lesson: lesson)
            clock.pause(at: now, section: lesson.minutes)
        } else {
            clock.resume(at: now)
        }
    }
}
