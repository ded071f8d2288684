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
        for r in p.output?.results ?? [] where r.isDefined && r.text == nil && hidden.contains(r.key) {
            covered.append(.init(r.quantity, asked: hidden.asked.contains(r.key)))
        }
        return AnswerMask(covered)
    }
}
