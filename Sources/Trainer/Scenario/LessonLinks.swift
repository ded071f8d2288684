import Calculators

/// How a lesson's panel takes its values from the scenario in force.
///
/// Every parameter with a default link (`ScenarioLinks.defaults`) follows the
/// scenario, except where the lesson departs from it: a lesson that starts a
/// linked parameter at a value other than the board scenario's (its own
/// setting, or the calculator's default it leaves alone) keeps that value: the
/// differences `audit --consistency` lists, explained when the lesson's
/// `departures` give the reason. A lesson that sets it to the board's value
/// only writes the link out.
extension Lesson {
    /// The links this lesson's panel follows, by parameter key.
    public var scenarioLinks: [String: ScenarioLink] {
        guard let name = calculator, let start = startingInputs() else { return [:] }
        var links = ScenarioLinks.defaults(for: name)
        for key in offBoard(links, start: start) { links[key] = nil }
        return links
    }

    /// Linked parameters the lesson starts at something other than the board's value, sorted.
    public var scenarioDepartures: [String] {
        guard let name = calculator, let start = startingInputs() else { return [] }
        return offBoard(ScenarioLinks.defaults(for: name), start: start)
    }

    private func offBoard(_ links: [String: ScenarioLink], start: Inputs) -> [String] {
        links.keys.filter { key in
            guard let board = links[key]?.value(in: Scenario.board.values) else { return false }
            return !ScenarioLinks.agree(start[key], board)
        }.sorted()
    }

    /// The lesson's starting values with every linked parameter set from `scenario`:
    /// the panel's values before the user changes any.
    public func startingInputs(scenario: Inputs) -> Inputs? {
        startingInputs().map { ScenarioLinks.apply(scenarioLinks, to: $0, scenario: scenario) }
    }
}

extension ScenarioLinks {
    /// `inputs` with every linked parameter set from `scenario`.
    public static func apply(_ links: [String: ScenarioLink], to inputs: Inputs, scenario: Inputs) -> Inputs {
        var out = inputs
        for (key, link) in links.sorted(by: { $0.key < $1.key }) {
            if let value = link.value(in: scenario) { out.setClamped(key, value) }
        }
        return out
    }

    /// Two values of one quantity agree when they are within half a percent
    /// (a lesson writing 3,600 for the scenario's 3,599.9 means the same thing).
    public static func agree(_ a: Double, _ b: Double) -> Bool {
        let scale = max(abs(a), abs(b), 1e-12)
        return abs(a - b) / scale <= 0.005
    }

    /// The scenario inputs where `scenario` differs from the board's and that
    /// move one of `links`, as the board states them: ["200M DAU"]. Empty when
    /// these links read the same values under both.
    public static func boardDifferences(_ links: [String: ScenarioLink], scenario: Inputs) -> [String] {
        let board = Scenario.board.values
        guard !links.isEmpty else { return [] }
        let model = Scenario.model
        return model.parameters.compactMap { p in
            guard board[p.key] != scenario[p.key] else { return nil }
            var probe = scenario
            probe.setClamped(p.key, board[p.key])
            let moves = links.values.contains { $0.value(in: probe) != $0.value(in: scenario) }
            return moves ? describe(p, board[p.key]) : nil
        }
    }

    /// "200M DAU", "peak to average 2×": one scenario input at a value.
    public static func describe(_ p: Parameter, _ value: Double) -> String {
        p.key == "dau" ? Format.compact(value) + " DAU" : p.label + " " + p.display(value)
    }
}
