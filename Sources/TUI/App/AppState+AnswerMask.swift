import Calculators
import Trainer

extension AppState {
    /// The numbers the lesson text, the prompts, the checklist and the claims
    /// must cover on the panel on screen: the answers still asked (at the
    /// lesson's values, which the text speaks of, and at the values in force)
    /// and the results the calculator keeps back because they give them away.
    public var answerMask: AnswerMask {
        let hidden = hiddenResults
        guard !hidden.isEmpty, let p = panel else { return AnswerMask() }
        var covered: [AnswerMask.Covered] = []
        for (i, estimate) in p.lesson.estimates.enumerated() where hidden.asked.contains(estimate.resultKey) {
            if p.estimateTruths.indices.contains(i), let truth = p.estimateTruths[i] {
                covered.append(.init(truth.quantity, asked: true))
            }
        }
        // A side result equal to a parameter on screen ("1M writes" beside "1M followers")
        // is kept back in the calculator, but covering its figure in the text would only
        // hide the question's own numbers.
        let parameters: [Quantity] = p.inputs.map { inputs in
            (p.calculator?.visibleParameters(inputs) ?? []).map { Quantity(inputs[$0.key], $0.unit) }
        } ?? []
        func isParameter(_ q: Quantity) -> Bool { parameters.contains { GiveAway.answers($0, q) } }
        for r in p.output?.results ?? [] where r.isDefined && r.text == nil && hidden.contains(r.key) {
            let asked = hidden.asked.contains(r.key)
            if !asked, isParameter(r.quantity) { continue }
            covered.append(.init(r.quantity, asked: asked))
        }
        // A claim on a result kept back states it in its own rounding ("About $2.2M a year"
        // for $2.148M), which the figure itself would not cover.
        for check in p.claimChecks where check.claim.kind == .value && hidden.contains(check.claim.resultKey) {
            let stated = check.claim.stated
            guard stated.baseValue.isFinite, stated.baseValue != 0, !isParameter(stated) else { continue }
            covered.append(.init(stated, asked: false))
        }
        return AnswerMask(covered)
    }
}
