import Calculators

/// One panel of the trainer, read from a lesson file: what the board says,
/// which calculator it opens and with what values, and what to practise.
public struct Lesson: Equatable, Sendable, Identifiable {
    public let id: String
    /// Where it came from ("03-fanout.md"), for messages and exports.
    public let file: String
    /// The interview minutes it covers: "41-42" … "48-50", or "50" for wrap-up panels.
    public let minutes: String
    public let title: String
    public let calculator: String?
    /// Starting values, in the order the file gives them.
    public let parameters: [ParameterSetting]
    /// Linked parameters the lesson deliberately keeps off the scenario, each with its
    /// reason, in file order (`audit --consistency` counts these as explained).
    public let departures: [Departure]
    public let claims: [Claim]
    public let prompts: Prompts
    /// What a strong answer names, each item with the phrases and figures that show it in notes.
    public let checklist: [ChecklistItem]
    /// What the panel asks the user to guess, asked in this order: each is
    /// hidden until revealed, the next asked once the one before is.
    public let estimates: [Estimate]
    public let body: [Block]
    /// The claims that need the model run again (which input matters most, where a decision
    /// flips), checked once at the starting values: like the estimate, they speak of the
    /// lesson's own numbers, and a simulation's tornado is too slow to redo on every change.
    public let modelChecks: [ClaimCheck]

    public init(id: String, file: String, minutes: String, title: String, calculator: String? = nil,
                parameters: [ParameterSetting] = [], departures: [Departure] = [], claims: [Claim] = [], prompts: Prompts = Prompts(),
                checklist: [ChecklistItem] = [], estimates: [Estimate] = [], body: [Block] = [], modelChecks: [ClaimCheck]? = nil) {
        self.id = id
        self.file = file
        self.minutes = minutes
        self.title = title
        self.calculator = calculator
        self.parameters = parameters
        self.departures = departures
        self.claims = claims
        self.prompts = prompts
        self.checklist = checklist
        self.estimates = estimates
        self.body = body
        self.modelChecks = modelChecks ?? Self.checkAtStart(claims.filter(\.needsModel), calculator: calculator,
                                                            parameters: parameters)
    }

    static func checkAtStart(_ claims: [Claim], calculator name: String?, parameters: [ParameterSetting]) -> [ClaimCheck] {
        guard !claims.isEmpty, let name, let calculator = Registry.named(name) else { return [] }
        var inputs = calculator.defaults
        for setting in parameters { inputs.setClamped(setting.key, setting.value) }
        let output = calculator.evaluate(inputs)
        return claims.map { $0.evaluate(calculator, inputs, output: output) }
    }

    /// A claim's verdict: a value claim read from `output` (the values in force), a claim
    /// about the model as checked at the starting values.
    public func check(_ claim: Claim, output: Output) -> ClaimCheck {
        guard claim.needsModel else { return claim.evaluate(output) }
        return modelChecks.first { $0.claim == claim }
            ?? ClaimCheck(claim: claim, computed: nil, holds: false, reason: "not checked: the lesson has no calculator")
    }

    /// The sections of the ten minutes, in order, with their budgets in seconds.
    public static let sections: [(minutes: String, budget: Int)] = [
        ("41-42", 60), ("42-44", 120), ("44-46", 120), ("46-48", 120), ("48-50", 120), ("50", 0),
    ]

    /// The results this lesson asks the user to guess.
    public var estimateKeys: [String] { estimates.map(\.resultKey) }

    /// The estimate asking for `resultKey`, if the lesson has one.
    public func estimate(for resultKey: String) -> Estimate? { estimates.first { $0.resultKey == resultKey } }

    /// The calculator's inputs with this lesson's starting values applied.
    public func startingInputs() -> Inputs? {
        guard let name = calculator, let calc = Registry.named(name) else { return nil }
        var inputs = calc.defaults
        for setting in parameters { inputs.setClamped(setting.key, setting.value) }
        return inputs
    }

    public struct ParameterSetting: Equatable, Sendable {
        public let key: String
        public let value: Double
        public init(key: String, value: Double) { self.key = key; self.value = value }
    }

    /// Why a linked parameter starts off the scenario's value: "the sketch counts the post ID alone".
    public struct Departure: Equatable, Sendable {
        public let key: String
        public let reason: String
        public init(key: String, reason: String) { self.key = key; self.reason = reason }
    }

    /// The reason the lesson gives for keeping `key` off the scenario, if it gives one.
    public func departureReason(_ key: String) -> String? { departures.first { $0.key == key }?.reason }

    public struct Prompts: Equatable, Sendable {
        /// A 30-second answer.
        public let short: String?
        /// A 2-minute deep dive.
        public let long: String?
        public init(short: String? = nil, long: String? = nil) { self.short = short; self.long = long }
    }

    /// One thing a strong answer names, and what in the notes shows it was named:
    /// every phrase group (any one of its alternatives) and every figure. An item
    /// written as plain text has neither, and the answer check leaves it alone.
    public struct ChecklistItem: Equatable, Sendable, ExpressibleByStringInterpolation {
        public let text: String
        /// Each group is one idea; any of its alternatives ("1M writes", "million writes") says it.
        public let phrases: [[String]]
        /// Figures with units, matched by value: "100 s" is also "100 seconds" and "1.67 min".
        public let numbers: [Figure]
        /// Why notes cannot show this item ("timed by the clock"), when the lesson says so:
        /// lint then does not ask for phrases, and the check leaves it out.
        public let unchecked: String?
        /// The item's line in the lesson file (0 when not read from one), for lint's warnings.
        /// Not part of what the item is: two items saying the same are equal wherever they stand.
        public let line: Int

        public static func == (a: Self, b: Self) -> Bool {
            a.text == b.text && a.phrases == b.phrases && a.numbers == b.numbers && a.unchecked == b.unchecked
        }

        public init(text: String, phrases: [[String]] = [], numbers: [Figure] = [], unchecked: String? = nil, line: Int = 0) {
            self.text = text
            self.phrases = phrases
            self.numbers = numbers
            self.unchecked = unchecked
            self.line = line
        }

        public init(stringLiteral text: String) { self.init(text: text) }

        /// Whether notes can be checked against it: it has phrases or figures.
        public var isCheckable: Bool { !phrases.isEmpty || !numbers.isEmpty }

        /// A figure as the lesson writes it ("100 s") and its value.
        public struct Figure: Equatable, Sendable {
            public let text: String
            public let quantity: Quantity
            public init(text: String, quantity: Quantity) {
                self.text = text
                self.quantity = quantity
            }
        }
    }

    /// A result the user guesses before the calculator shows it.
    public struct Estimate: Equatable, Sendable {
        public let resultKey: String
        public let question: String
        /// The question for drills, with `{key}` where a parameter's value goes
        /// ("Both sides keep writing for {partition_s}…"). Each named parameter
        /// is varied when drilled, so the answer cannot be remembered; the
        /// others stay at the lesson's values.
        public let drill: String?
        public init(resultKey: String, question: String, drill: String? = nil) {
            self.resultKey = resultKey
            self.question = question
            self.drill = drill
        }
    }

    /// The whiteboard text, as blocks the lesson pane lays out.
    public enum Block: Equatable, Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case list([String])
        /// Fenced lines, drawn verbatim (diagrams, tables).
        case code([String])
    }
}

/// A problem in a lesson file, with where it is. Reads as compilers write it:
/// `Lessons/03-fanout.md:12:3: error: unknown calculator "fanot"`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int = 1, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Something `whiteboard lint` points out that does not stop the lesson loading:
/// `Lessons/03-fanout.md:40:5: warning: checklist item has no phrases …`.
/// Where and what are kept as a `LessonError` keeps them; only the word printed differs.
public struct LessonWarning: Equatable, Sendable, CustomStringConvertible {
    public let point: LessonError

    public init(file: String, line: Int, column: Int = 1, _ message: String) {
        point = LessonError(file: file, line: line, column: column, message)
    }

    public var description: String { "\(point.file):\(point.line):\(point.column): warning: \(point.message)" }

    /// A lesson with a checklist whose items the answer check cannot see: each such
    /// item (no phrases to look for in notes) is named at its line.
    public static func checklist(_ lesson: Lesson) -> [LessonWarning] {
        lesson.checklist.filter { $0.phrases.isEmpty && $0.unchecked == nil }.map { item in
            LessonWarning(file: lesson.file, line: item.line,
                          "checklist item \"\(item.text.prefix(40))\(item.text.count > 40 ? "…" : "")\" has no phrases: "
                          + "the answer check cannot tell whether notes name it (give it text, phrases and numbers, or say why not with unchecked)")
        }
    }
}
