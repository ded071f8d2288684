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
    /// One entry per estimate of the lesson, in its order (`guess(_:)` reads
    /// past the end as no guess yet).
    public var guesses: [Guess]
    /// Seconds of practice-clock time spent on this panel.
    public var seconds: Double
    public var visited: Bool
    /// Earlier `parameters`, newest last: what `u` goes back to, per panel.
    /// Saved with the session, so undo reaches across a resume.
    public var undo: [[String: Double]]
    /// What `u` took back, newest last: what `Ctrl-R` restores. A new change clears it.
    public var redo: [[String: Double]]

    /// How many steps of undo a panel keeps.
    public static let undoLimit = 100

    public init() {
        parameters = [:]
        notes = ""
        ticked = []
        guesses = []
        seconds = 0
        visited = false
        undo = []
        redo = []
    }

    /// What the user did with one estimate of the lesson.
    public struct Guess: Codable, Equatable, Sendable {
        /// The guess, in the unit of the estimate's result; it can be changed
        /// until the answer is revealed.
        public var value: Double?
        /// The answer has been shown (with or without a guess: without one it is a miss).
        public var revealed: Bool
        /// Seconds spent typing guesses (from the question box opening to each Enter, summed).
        public var seconds: Double?

        public init(value: Double? = nil, revealed: Bool = false, seconds: Double? = nil) {
            self.value = value
            self.revealed = revealed
            self.seconds = seconds
        }

        public var isEmpty: Bool { value == nil && !revealed && seconds == nil }

        enum CodingKeys: String, CodingKey { case value = "guess", revealed, seconds }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            value = try c.decodeIfPresent(Double.self, forKey: .value)
            revealed = try c.decodeIfPresent(Bool.self, forKey: .revealed) ?? false
            seconds = try c.decodeIfPresent(Double.self, forKey: .seconds)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(value, forKey: .value)
            try c.encode(revealed, forKey: .revealed)
            try c.encodeIfPresent(seconds, forKey: .seconds)
        }
    }

    /// The record of the estimate at `index` (in the lesson's order); empty
    /// when nothing was done with it. Setting pads the list, and trailing
    /// empty entries are dropped, so equal records encode equally.
    public subscript(guess index: Int) -> Guess {
        get { guesses.indices.contains(index) ? guesses[index] : Guess() }
        set {
            guard index >= 0 else { return }
            while guesses.count <= index { guesses.append(Guess()) }
            guesses[index] = newValue
            while guesses.last?.isEmpty == true { guesses.removeLast() }
        }
    }

    /// Records a change of `parameters` (call before making it): it can be undone, and nothing is left to redo.
    public mutating func noteChange(from previous: [String: Double]) {
        undo.append(previous)
        if undo.count > Self.undoLimit { undo.removeFirst(undo.count - Self.undoLimit) }
        redo = []
    }

    /// Goes back one change; false when there is none.
    public mutating func undoChange() -> Bool {
        guard let previous = undo.popLast() else { return false }
        redo.append(parameters)
        parameters = previous
        return true
    }

    /// Goes forward again after an undo; false when there is nothing to redo.
    public mutating func redoChange() -> Bool {
        guard let next = redo.popLast() else { return false }
        undo.append(parameters)
        parameters = next
        return true
    }

    /// Something the user made here: a value, a note, a tick or a guess.
    /// Visits and time alone are not.
    public var hasUserInput: Bool {
        !parameters.isEmpty || !notes.trimmed.isEmpty || !ticked.isEmpty || guesses.contains { $0.value != nil || $0.revealed }
    }

    /// Ticks or unticks one checklist item.
    public mutating func toggleTick(_ index: Int) {
        if ticked.contains(index) { ticked.remove(index) } else { ticked.insert(index) }
    }

    enum CodingKeys: String, CodingKey { case parameters, notes, ticked, guesses, estimate, revealed, estimateSeconds, seconds, visited, undo, redo }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        parameters = try c.decodeIfPresent([String: Double].self, forKey: .parameters) ?? [:]
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        ticked = Set(try c.decodeIfPresent([Int].self, forKey: .ticked) ?? [])
        if let list = try c.decodeIfPresent([Guess].self, forKey: .guesses) {
            guesses = list
        } else {
            // Saved when a panel had one estimate: its guess, under the old names.
            let value = try c.decodeIfPresent(Double.self, forKey: .estimate)
            // Sessions saved before guesses could be revised showed the answer on the guess.
            let revealed = try c.decodeIfPresent(Bool.self, forKey: .revealed) ?? (value != nil)
            self[guess: 0] = Guess(value: value, revealed: revealed,
                                   seconds: try c.decodeIfPresent(Double.self, forKey: .estimateSeconds))
        }
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
        visited = try c.decodeIfPresent(Bool.self, forKey: .visited) ?? false
        undo = try c.decodeIfPresent([[String: Double]].self, forKey: .undo) ?? []
        redo = try c.decodeIfPresent([[String: Double]].self, forKey: .redo) ?? []
    }

    /// Ticks are written sorted, so the saved file does not change between runs.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(notes, forKey: .notes)
        try c.encode(ticked.sorted(), forKey: .ticked)
        if !guesses.isEmpty { try c.encode(guesses, forKey: .guesses) }
        try c.encode(seconds, forKey: .seconds)
        try c.encode(visited, forKey: .visited)
        // Written only when there is something to undo or redo, so files stay as they were otherwise.
        if !undo.isEmpty { try c.encode(undo, forKey: .undo) }
        if !redo.isEmpty { try c.encode(redo, forKey: .redo) }
    }
}
