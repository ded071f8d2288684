import Calculators
import Testing
import Trainer
@testable import TUI

/// Every calculator panel asks for a number before it shows it, and the text
/// around it covers the answer until the guess.
@Suite struct EstimateCoverageTests {
    /// Panels with more than one figure worth carrying into the interview ask more than one.
    static let several: Set<String> = [
        "cap-staleness", "fanout-population", "cache-tiers", "storage-tiers", "cdn-vs-origin", "technical-debt",
        "monthly-bill", "fanout-one-author",
    ]

    @Test func everyCalculatorPanelAsksAnEstimate() throws {
        let lessons = Harness.bundled.lessons.filter { $0.calculator != nil }
        #expect(lessons.count >= 17)
        for lesson in lessons {
            #expect(!lesson.estimates.isEmpty, "\(lesson.file) has a calculator and no estimate")
            let truths = lesson.estimateTruths()
            for (estimate, truth) in zip(lesson.estimates, truths) {
                let value = try #require(truth, "\(lesson.file): \(estimate.resultKey) has no value at the lesson's numbers")
                #expect(value.quantity.baseValue != 0, "\(lesson.file): \(estimate.resultKey) is 0 at the lesson's numbers")
            }
            if Self.several.contains(lesson.id) {
                #expect(lesson.estimates.count >= 2, "\(lesson.file) asks \(lesson.estimates.count) estimate")
            }
        }
    }

    @Test func theFanOutPanelCoversItsTableUntilTheGuess() throws {
        var h = Harness(120, 40)
        h.press(.character("t"))
        h.open("fanout-one-author")
        #expect(h.state.hiddenResults.asked == ["hybrid.storage", "push.write_time"])
        func hybridRow() -> String { h.lines.first { $0.contains("hybrid   ") } ?? "" }
        #expect(hybridRow().contains("?"))
        #expect(!hybridRow().contains("10K") && !hybridRow().contains("80 KB"))
        #expect(!h.text.contains("80 KB"))
        h.press(.character("e"))
        for ch in "100 KB" { h.press(.character(ch)) }
        h.press(.enter)
        #expect(!h.text.contains("80 KB"))
        h.press(.character("v"))
        // The second estimate, push's write time, is still asked: the hybrid row's writes and
        // time stay covered (1 s of hybrid writes × 100× fewer writes is push's time).
        #expect(h.state.hiddenResults.asked == ["push.write_time"])
        #expect(hybridRow().contains("80 KB") && !hybridRow().contains("~1 s"))
        func pushRow() -> String { h.lines.first { $0.contains("push     ") } ?? "" }
        #expect(!pushRow().contains("100 s"))
        h.press(.character("e"))
        for ch in "2 min" { h.press(.character(ch)) }
        h.press(.enter)
        h.press(.character("v"))
        #expect(h.state.hiddenResults.isEmpty)
        #expect(hybridRow().contains("~10K     ~1 s    100ms  80 KB"))
        #expect(pushRow().contains("1M       100 s   50 ms  8 MB"))
    }

    @Test func theMaskCoversRoundedFiguresAndKeepsOthers() {
        let mask = AnswerMask([.init(Quantity(0.0546, .seconds), asked: true),
                               .init(Quantity(0.0107, .dollarsPerYear), asked: false)])
        #expect(mask.apply("fresh within ~55 ms, not 10 ms") == "fresh within ~? ms, not 10 ms")
        #expect(mask.apply("0    10        30         55", keepWidth: true) == "0    10        30         ? ")
        #expect(mask.apply("$2.148M / 200M DAU is $0.011 a year") == "$2.148M / 200M DAU is $? a year")
        #expect(mask.apply("N=3, R=W=1") == "N=3, R=W=1")
        #expect(AnswerMask().apply("100 s") == "100 s")
        // A comma closing the clause is not part of the figure before it.
        let bill = AnswerMask([.init(Quantity(52_750, .dollarsPerMonth), asked: true)])
        #expect(bill.apply("The sum is $52,750, a saving") == "The sum is $?, a saving")
        #expect(bill.apply("tiered total   52,750,") == "tiered total   ?,")
    }
}
