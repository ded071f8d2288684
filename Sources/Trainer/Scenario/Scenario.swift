import Calculators

/// A named set of scenario inputs (see `ScenarioModel`), read from a file in
/// `Scenarios/` or the user's own, with the source each value cites.
public struct Scenario: Equatable, Sendable {
    public let name: String
    public let title: String
    /// Where it came from ("Scenarios/board.yaml"), for messages and exports.
    public let file: String
    /// The values in force, one per `ScenarioModel` parameter.
    public var values: Inputs
    /// Where each value in the file comes from, by key.
    public let sources: [String: Source]

    public struct Source: Equatable, Sendable {
        public let text: String
        /// The date a price or a published figure is from ("2026-09-03").
        public let date: String?
        public init(text: String, date: String? = nil) { self.text = text; self.date = date }
    }

    public init(name: String, title: String, file: String, values: Inputs, sources: [String: Source] = [:]) {
        self.name = name
        self.title = title
        self.file = file
        self.values = values
        self.sources = sources
    }

    /// The board's scenario: the model's defaults, so the trainer starts without reading YAML.
    /// `Scenarios/board.yaml` states the same values with their sources (a test holds them equal).
    public static let board = Scenario(name: "board", title: "The board's news feed at 200M DAU",
                                       file: "Scenarios/board.yaml", values: ScenarioModel().defaults)

    public static let model = ScenarioModel()

    /// The model's defaults with these values set: how the bundled scenarios, parsed when
    /// the binary was built, spell their values (see `BundledLessons.scenarios`).
    public static func values(_ pairs: [(String, Double)]) -> Inputs {
        var values = model.defaults
        for (key, value) in pairs { values.setClamped(key, value) }
        return values
    }

    /// How `--scenario` names it again, as a session records it: a bundled scenario's
    /// name ("board"), a user's file by its path.
    public var reference: String { file == "Scenarios/\(name).yaml" ? name : file }

    /// The value of an input or a derived quantity, with its unit.
    public func quantity(_ key: String) -> Quantity? { Self.model.quantity(key, in: values) }

    /// Derived values for the inputs in force.
    public var derived: Output { Self.model.evaluate(values) }

    /// Applies `key=value` assignments ("dau=400M"), each parsed and range-checked like a parameter.
    public func setting(_ assignments: [String]) throws(ParameterError) -> Scenario {
        var copy = self
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "=") else { throw .malformedAssignment(assignment) }
            let key = String(assignment[..<eq]).trimmed, text = String(assignment[assignment.index(after: eq)...])
            guard let parameter = Self.model.parameter(key) else {
                throw .unknownKey(key, calculator: "the scenario", known: Self.model.parameters.map(\.key))
            }
            try copy.values.set(key, try parameter.parse(text))
        }
        return copy
    }

    /// Inputs whose value differs from `base` (what the user changed), in parameter order.
    public func changes(from base: Scenario) -> [(key: String, from: Double, to: Double)] {
        Self.model.parameters.compactMap { p in
            base.values[p.key] == values[p.key] ? nil : (p.key, base.values[p.key], values[p.key])
        }
    }

    /// A short description of how far this is from the board: "400M DAU" or "2 inputs changed".
    public func differences(from base: Scenario, keys: [String]) -> [String] {
        keys.compactMap { key in
            guard let p = Self.model.parameter(key), base.values[key] != values[key] else { return nil }
            return "\(p.label) \(p.display(base.values[key]))"
        }
    }
}

extension Scenario {
    /// The scenario panel's id (no lesson may take it) and its session record's key.
    public static let panelID = "scenario"

    /// The scenario panel, early in the deck: its inputs are the parameters, its
    /// derived values the results, and the text says where each value comes from.
    public var panelLesson: Lesson {
        var body: [Lesson.Block] = [
            .paragraph("One set of numbers behind every panel: change an input here and every value marked as linked on the other panels follows at once. A value changed on a panel overrides the link there only; r on that row restores it."),
            .heading(level: 2, text: "Derived values"),
            .list(ScenarioModel.formulas.map { f in
                (Self.model.evaluate(values)[f.key]?.label ?? f.key) + " = " + f.formula
            }),
        ]
        let cited = Self.model.parameters.compactMap { p in
            sources[p.key].map { p.label + ": " + $0.text + ($0.date.map { " (\($0))" } ?? "") }
        }
        if !cited.isEmpty {
            body.append(.heading(level: 2, text: "Sources"))
            body.append(.list(cited))
        }
        return Lesson(id: Self.panelID, file: file, minutes: Lesson.sections[0].minutes, title: "Scenario: " + title,
                      calculator: ScenarioModel.calculatorName, body: body)
    }
}
