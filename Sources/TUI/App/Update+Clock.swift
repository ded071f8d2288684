import Trainer

/// The clock's cues: when a section's budget runs out and at 10:00 the
/// status line says so (with the terminal bell unless quiet), and time-up
/// asks whether to export.
public struct ClockCues: Equatable, Sendable {
    /// No bell (`--quiet`): the cues are shown only.
    public var quiet = false
    /// Monotonic instant the "clock started" notice went up: it is taken down ten minutes later.
    public var startNoticeAt: Double?

    public init(quiet: Bool = false) { self.quiet = quiet }

    /// How long the "started" notice may stay on the status line.
    public static let startNoticeLife = PracticeClock.total
}

extension AppState {
    /// A tick, then the cues for any budget it used up.
    mutating func clockTicked(to instant: Double) -> [Effect] {
        let clock = session.clock
        let section = panel?.lesson.minutes
        tick(to: instant)
        if let at = cues.startNoticeAt, instant - at >= ClockCues.startNoticeLife {
            cues.startNoticeAt = nil
            if notice?.text.hasPrefix(Self.startedNotice) == true { notice = nil }
        }
        guard session.clock.isRunning || session.clock.elapsed > clock.elapsed else { return [] }
        let total = PracticeClock.total
        if clock.elapsed < total, session.clock.elapsed >= total {
            cues.startNoticeAt = nil
            let prompt = "10:00: time is up. Wrap up in one sentence, then export (x)"
            if overlay == nil, unsavedChanges || session.hasChanges {
                overlay = .confirm(.exportAtTimeUp)
            }
            notice = Notice(.info, prompt)
            return cues.quiet ? [] : [.bell]
        }
        if let section, PracticeClock.budget(of: section) > 0,
           clock.spent(in: section) < PracticeClock.budget(of: section),
           session.clock.spent(in: section) >= PracticeClock.budget(of: section) {
            cues.startNoticeAt = nil
            let next = Lesson.sections.firstIndex { $0.minutes == section }.flatMap {
                Lesson.sections.indices.contains($0 + 1) ? Lesson.sections[$0 + 1].minutes : nil
            }
            notice = Notice(.info, "Minutes \(section): the section's \(Clock.text(PracticeClock.budget(of: section))) are up"
                            + (next.map { " · move on to \($0) (n)" } ?? ""))
            return cues.quiet ? [] : [.bell]
        }
        return []
    }

    static let startedNotice = "Practice clock started"
}
