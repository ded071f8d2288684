/// What the user did on one lesson panel: values set, notes, ticks, a guess, time.
///
/// Decoding is lenient (a missing field takes its default) so a session saved
/// by an older build still resumes.
public struct PanelRecord: Codable, Equatable, Sendable {
    /// Values the user set (key -> value), applied over the lesson's starting values.
    public var parameters: [String: Double]
    public var notes: String
    /// Checklist indices ticked.
    public var ticked: Set<Int>
    /// The user's guess, in the unit of the estimate's result, made before reveal.
    public var estimate: Double?
    /// Seconds of practice-clock time spent on this panel.
    public var seconds: Double
    public var visited: Bool

    public init() {
        parameters = [:]
        notes = ""
        ticked = []
        estimate = nil
        seconds = 0
        visited = false
    }

    /// Something the user made here: a value, a note, a tick or a guess.
    /// Visits and time alone are not.
    public var hasUserInput: Bool {
        !parameters.isEmpty || !notes.trimmed.isEmpty || !ticked.isEmpty || estimate != nil
    }

    /// Ticks or unticks one checklist item.
    public mutating func toggleTick(_ index: Int) {
        if ticked.contains(index) { ticked.remove(index) } else { ticked.insert(index) }
    }

    enum CodingKeys: String, CodingKey { case parameters, notes, ticked, estimate, seconds, visited }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        parameters = try c.decodeIfPresent([String: Double].self, forKey: .parameters) ?? [:]
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        ticked = Set(try c.decodeIfPresent([Int].self, forKey: .ticked) ?? [])
        estimate = try c.decodeIfPresent(Double.self, forKey: .estimate)
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
        visited = try c.decodeIfPresent(Bool.self, forKey: .visited) ?? false
    }

    /// Ticks are written sorted, so the saved file does not change between runs.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(notes, forKey: .notes)
        try c.encode(ticked.sorted(), forKey: .ticked)
        try c.encodeIfPresent(estimate, forKey: .estimate)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(visited, forKey: .visited)
    }
}
