import Calculators
import Trainer

/// A panel's sensitivity work: the result `s` and `=` act on, the analyses run at
/// the values in force (kept until a value changes), and those still running off
/// the keystroke path.
public struct PanelAnalysis: Equatable, Sendable {
    /// The chosen result's key; nil until the user picks one (the panel's headline is used).
    public var result: String?
    /// Replies for the panel's current values only: `forget(unless:)` drops the rest.
    public private(set) var replies: [Sensitivity.Request: Sensitivity.Reply] = [:]
    /// Requests handed to the world and not answered yet.
    public private(set) var pending: Set<Sensitivity.Request> = []

    public init() {}

    public subscript(request: Sensitivity.Request) -> Sensitivity.Reply? { replies[request] }

    public func isPending(_ request: Sensitivity.Request) -> Bool { pending.contains(request) }

    mutating func store(_ reply: Sensitivity.Reply) { replies[reply.request] = reply }

    mutating func wait(for request: Sensitivity.Request) { pending.insert(request) }

    /// Takes a reply's request off the pending list; false when nobody waits for it any more.
    mutating func arrived(_ request: Sensitivity.Request) -> Bool { pending.remove(request) != nil }

    /// Keeps only what was computed (or asked) for `inputs`: a changed value makes the rest stale.
    mutating func forget(unless inputs: Inputs?) {
        replies = replies.filter { $0.key.inputs == inputs }
        pending = pending.filter { $0.inputs == inputs }
    }
}

/// Typing a target for a result and choosing the parameter to solve for (`=`).
public struct SolveEntry: Equatable, Sendable {
    public var result: String
    public var editor: LineEditor
    /// Keys of the parameters that can be solved for, and the one chosen.
    public var candidates: [String]
    public var choice: Int
    /// Whether Esc and Enter go back to the sensitivity overlay it was opened from.
    public var fromSensitivity: Bool

    public var parameter: String? { candidates.indices.contains(choice) ? candidates[choice] : nil }
}

extension PanelState {
    /// Numeric results the user can choose for `s` and `=` (not one hidden for the estimate).
    func analysableResults(hiding hidden: HiddenResults) -> [ResultValue] {
        (output?.results ?? []).filter { !Sensitivity.isDecision($0) && !hidden.contains($0.key) && $0.quantity.value.isFinite }
    }

    /// The result `s` and `=` act on: the user's choice, else the first estimate's, else the first claim's, else the first.
    func chosenResult(hiding hidden: HiddenResults) -> ResultValue? {
        let results = analysableResults(hiding: hidden)
        let preferred = [analysis.result] + lesson.estimateKeys.map { Optional($0) } + lesson.claims.map { Optional($0.resultKey) }
        for key in preferred.compactMap({ $0 }) { if let r = results.first(where: { $0.key == key }) { return r } }
        return results.first
    }

    /// The tornado request for a result at the values in force.
    func tornadoRequest(_ result: String) -> Sensitivity.Request? {
        guard let calculator, let inputs else { return nil }
        return .init(calculator: calculator.name, inputs: inputs, kind: .tornado(result: result, span: .standard))
    }

    /// The break-even request at the values in force, when the calculator makes a decision.
    var breakEvenRequest: Sensitivity.Request? {
        guard let calculator, let inputs, let output, !Sensitivity.decisions(calculator, output: output).isEmpty else { return nil }
        return .init(calculator: calculator.name, inputs: inputs, kind: .breakEvens)
    }
}

extension AppState {
    /// `s`: opens the chosen result's tornado and the break-evens (closes them when open).
    mutating func openSensitivity() {
        if case .sensitivity = overlay { overlay = nil; return }
        guard let p = panel, p.inputs != nil else { notice = Notice(.info, "This panel has no calculator"); return }
        guard let result = p.chosenResult(hiding: hiddenResults) else {
            notice = Notice(.info, "No numeric result to analyse here")
            return
        }
        panels[current].analysis.result = result.key
        overlay = .sensitivity(scroll: 0)
    }

    /// `]` / `[`: the next or previous numeric result for `s` and `=`.
    mutating func cycleResult(_ d: Int) {
        guard let p = panel, p.inputs != nil else { notice = Notice(.info, "This panel has no calculator"); return }
        let results = p.analysableResults(hiding: hiddenResults)
        guard !results.isEmpty else { notice = Notice(.info, "No numeric result to choose here"); return }
        let at = p.chosenResult(hiding: hiddenResults).flatMap { r in results.firstIndex { $0.key == r.key } } ?? 0
        let next = results[((at + d) % results.count + results.count) % results.count]
        panels[current].analysis.result = next.key
        if case .sensitivity = overlay { overlay = .sensitivity(scroll: 0) } else {
            notice = Notice(.info, "Result for s and =: \(next.label) (\(next.display))")
        }
    }

    /// `=`: asks for a target for the chosen result and the parameter to move.
    mutating func beginSolve() {
        guard let p = panel, let calculator = p.calculator, let inputs = p.inputs else {
            notice = Notice(.info, "This panel has no calculator")
            return
        }
        guard let result = p.chosenResult(hiding: hiddenResults) else {
            notice = Notice(.info, "No numeric result to solve for here")
            return
        }
        let candidates = calculator.visibleParameters(inputs).filter { Sensitivity.skipReason($0) == nil }.map(\.key)
        guard !candidates.isEmpty else { notice = Notice(.info, "No parameter here can be solved for"); return }
        // The selected parameter if it can move, else the one the tornado puts first, else the first.
        let top = p.tornadoRequest(result.key).flatMap { p.analysis[$0]?.tornado?.bars.first?.parameter.key }
        let preferred = [p.selectedParameter?.key, top].compactMap { $0 }.first { candidates.contains($0) }
        let fromSensitivity = if case .sensitivity = overlay { true } else { false }
        overlay = .solve(SolveEntry(result: result.key, editor: LineEditor(Self.targetText(result), prefilled: true),
                                    candidates: candidates, choice: preferred.flatMap(candidates.firstIndex) ?? 0,
                                    fromSensitivity: fromSensitivity))
    }

    /// A result's value as the target line starts it ("88.8" for 88.8 %, "62,250").
    static func targetText(_ result: ResultValue) -> String {
        let v = result.quantity.value
        if v == v.rounded(), abs(v) < 1e12 { return Format.count(v) }
        return Format.significant(v, digits: 4)
    }

    mutating func chooseSolveParameter(_ d: Int) {
        guard case var .solve(entry) = overlay, !entry.candidates.isEmpty else { return }
        entry.choice = min(max(entry.choice + d, 0), entry.candidates.count - 1)
        overlay = .solve(entry)
    }

    /// Enter on the solve line: solves now, or hands a simulation to the world.
    mutating func commitSolve(_ entry: SolveEntry) -> [Effect] {
        guard let p = panel, let calculator = p.calculator, let inputs = p.inputs,
              let result = p.output?[entry.result], let parameter = entry.parameter else { overlay = nil; return [] }
        let target: Double
        do { target = try Sensitivity.parseTarget(entry.editor.text, for: result) } catch {
            notice = Notice(.error, error.description)
            return []
        }
        overlay = entry.fromSensitivity ? .sensitivity(scroll: 0) : nil
        let request = Sensitivity.Request(calculator: calculator.name, inputs: inputs,
                                          kind: .solve(result: entry.result, target: target, parameter: parameter))
        if Sensitivity.runsOffKeyPath(calculator) {
            panels[current].analysis.wait(for: request)
            notice = Notice(.info, "Solving for \(calculator.parameter(parameter)?.label ?? parameter): the simulation runs off the keystroke path…")
            return [.analyse(lesson: p.lesson.id, request)]
        }
        apply(Sensitivity.run(request), on: current)
        return []
    }

    /// A solve's answer: the parameter is set (an ordinary change, so `u` undoes it), or the reason none fits.
    mutating func apply(_ reply: Sensitivity.Reply, on index: Int) {
        guard case let .solve(resultKey, _, parameterKey) = reply.request.kind else { return }
        let p = panels[index]
        guard let solution = reply.solution else {
            notice = Notice(.error, reply.failure?.description ?? "No solution")
            return
        }
        let label = p.output?[resultKey]?.label ?? resultKey
        let parameter = solution.parameter
        let was = parameter.display(solution.start)
        let achieved = Format.quantity(Quantity(solution.achieved, solution.unit))
        guard index == current else { return }
        set(parameterKey, solution.value)
        notice = Notice(.info, "\(parameter.label) = \(parameter.display(solution.value)) gives \(label) \(achieved) (was \(was)) · u undoes")
    }

    /// A reply from the world: kept if someone still waits for it at these values.
    mutating func analysed(lesson id: String, _ reply: Sensitivity.Reply) {
        guard let index = panels.firstIndex(where: { $0.lesson.id == id }),
              panels[index].analysis.arrived(reply.request),
              panels[index].inputs == reply.request.inputs else { return }
        if case .solve = reply.request.kind { apply(reply, on: index) } else { panels[index].analysis.store(reply) }
    }

    /// While the sensitivity overlay is open: what it shows, computed now for quick models,
    /// asked of the world for simulations. Nothing is recomputed while the values stay the same.
    mutating func analysisEffects() -> [Effect] {
        guard case .sensitivity = overlay, let p = panel, let calculator = p.calculator,
              let result = p.chosenResult(hiding: hiddenResults) else { return [] }
        let needed = [p.tornadoRequest(result.key), p.breakEvenRequest].compactMap { $0 }
        var effects: [Effect] = []
        for request in needed where p.analysis[request] == nil && !p.analysis.isPending(request) {
            if Sensitivity.runsOffKeyPath(calculator) {
                panels[current].analysis.wait(for: request)
                effects.append(.analyse(lesson: p.lesson.id, request))
            } else {
                panels[current].analysis.store(Sensitivity.run(request))
            }
        }
        return effects
    }

    /// Whether an analysis is running off the keystroke path (the loop then wakes often to collect it).
    public var analysisPending: Bool { panels.contains { !$0.analysis.pending.isEmpty || $0.evaluating != nil } }
}
