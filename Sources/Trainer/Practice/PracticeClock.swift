/// The ten-minute practice clock, split into the interview's sections.
///
/// Time arrives as a value (seconds on a monotonic clock) and is never read
/// inside, so `update` stays pure and tests pass fixed instants. Every second
/// counted lands in exactly one section: the sum of `spentBySection` is `elapsed`.
///
/// Monotonic instants mean nothing after a restart, so a decoded clock is
/// always paused (`isRunning == false`): the user resumes it explicitly.
public struct PracticeClock: Codable, Equatable, Sendable {
    public private(set) var isRunning: Bool
    /// Running seconds counted so far.
    public private(set) var elapsed: Double
    /// Seconds counted per section ("41-42" -> 75).
    public private(set) var spentBySection: [String: Double]
    /// The instant up to which time has been counted, while running.
    public private(set) var lastInstant: Double?
    /// The section of the last tick: where a pause credits the time since.
    public private(set) var section: String?

    /// A stopped clock at 0:00 of 10:00.
    public init() {
        isRunning = false
        elapsed = 0
        spentBySection = [:]
        lastInstant = nil
        section = nil
    }

    /// Ten minutes, minutes 41 to 50. The five section budgets make nine
    /// (60 + 4 × 120 s); the last minute is the wrap-up ("50"), which has no
    /// budget of its own and so is never "over" on its own account.
    public static let total: Double = 600

    /// The budget of a section in seconds; 0 for the wrap-up ("50") and unknown sections.
    public static func budget(of section: String) -> Double {
        Double(Lesson.sections.first { $0.minutes == section }?.budget ?? 0)
    }

    /// Seconds left of the ten minutes; negative once over time.
    public var remaining: Double { Self.total - elapsed }

    /// Seconds counted in one section.
    public func spent(in section: String) -> Double { spentBySection[section] ?? 0 }

    /// Seconds left of a section's budget; negative once over.
    public func left(in section: String) -> Double { Self.budget(of: section) - spent(in: section) }

    /// More time spent than budgeted. A section without a budget (wrap-up "50") is never over.
    public func isOver(section: String) -> Bool {
        let budget = Self.budget(of: section)
        return budget > 0 && spent(in: section) > budget
    }

    /// Starts counting from `now`. A running clock is left alone; counted time is kept.
    public mutating func start(at now: Double) {
        guard !isRunning else { return }
        isRunning = true
        lastInstant = now
    }

    /// Stops counting; the time since the last tick goes to `section`, or to the
    /// section of the last tick, or (before any tick) to the first section.
    public mutating func pause(at now: Double, section: String? = nil) {
        guard isRunning else { return }
        credit(upTo: now, section: section ?? self.section ?? Lesson.sections[0].minutes)
        isRunning = false
        lastInstant = nil
    }

    /// Counts again from `now` after a pause.
    public mutating func resume(at now: Double) { start(at: now) }

    /// Pauses a running clock, resumes a paused one (the space bar).
    public mutating func toggle(at now: Double, section: String? = nil) {
        if isRunning { pause(at: now, section: section) } else { resume(at: now) }
    }

    /// Adds the running time since the last tick to `section` (the section of
    /// the panel on screen) and returns it. A paused clock adds nothing; an
    /// instant earlier than the last one adds nothing rather than subtracting.
    @discardableResult
    public mutating func tick(at now: Double, section: String) -> Double {
        guard isRunning else { return 0 }
        return credit(upTo: now, section: section)
    }

    /// Back to 0:00, stopped.
    public mutating func reset() { self = PracticeClock() }

    @discardableResult
    private mutating func credit(upTo now: Double, section: String) -> Double {
        let since = lastInstant ?? now
        let delta = now.isFinite && now > since ? now - since : 0
        if now.isFinite, now > since { lastInstant = now }
        self.section = section
        guard delta > 0 else { return 0 }
        elapsed += delta
        spentBySection[section, default: 0] += delta
        return delta
    }

    // MARK: Codable: counted time only; a restored clock is paused.

    enum CodingKeys: String, CodingKey { case elapsed, spentBySection, section }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        elapsed = try c.decodeIfPresent(Double.self, forKey: .elapsed) ?? 0
        spentBySection = try c.decodeIfPresent([String: Double].self, forKey: .spentBySection) ?? [:]
        section = try c.decodeIfPresent(String.self, forKey: .section)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(elapsed, forKey: .elapsed)
        try c.encode(spentBySection, forKey: .spentBySection)
        try c.encodeIfPresent(section, forKey: .section)
    }
}
