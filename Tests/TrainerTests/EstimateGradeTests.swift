import Calculators
import Foundation
import Testing
@testable import Trainer

@Suite struct EstimateGradeTests {
    @Test(arguments: [
        // magnitudes: by ratio, whatever the kind
        (90.0, 100.0, QuantityKind.latency, EstimateScore.good, EstimateGrade.Method.ratio),
        (300, 100, .money, .fair, .ratio),
        (5, 100, .bytes, .off, .ratio),
        (-3, 3, .count, .off, .ratio),
        (0, 0, .rate, .good, .ratio),
        (2.5, 1, .ratio, .fair, .ratio),
        // percentages in the middle: points (base units, 0.54 is 54 %)
        (0.06, 0.54, .percent, .off, .points),
        (0.50, 0.54, .percent, .good, .points),
        (0.44, 0.54, .percent, .fair, .points),
        (0.38, 0.54, .percent, .off, .points),
        // percentages near 0 or 100 %: odds
        (0.001, 0.01, .percent, .off, .odds),
        (0.015, 0.01, .percent, .good, .odds),
        (0.95, 0.99, .percent, .fair, .odds),
        (0.54, 0.06, .percent, .off, .odds),
        // outside 0 … 100 %: points
        (1.5, 1.2, .percent, .off, .points),
    ])
    func gradesByKind(guess: Double, truth: Double, kind: QuantityKind, score: EstimateScore,
                      method: EstimateGrade.Method) {
        let grade = EstimateScore.grade(guess: guess, truth: truth, kind: kind)
        #expect(grade.score == score)
        #expect(grade.method == method)
    }

    @Test func sixAgainstFiftyFourIsOffNotFair() {
        // The kind-blind ratio calls it fair (9×); by points it is 48 off.
        #expect(EstimateScore.score(guess: 6, actual: 54) == .fair)
        let grade = EstimateScore.grade(guess: 0.06, truth: 0.54, kind: .percent)
        #expect(grade.score == .off)
        #expect(grade.summary == "48 points low (percentage points)")
    }

    @Test func summariesSayTheMethod() {
        #expect(EstimateScore.grade(guess: 90, truth: 100, kind: .latency).summary == "1.1× low (ratio)")
        #expect(EstimateScore.grade(guess: 3000, truth: 100, kind: .money).summary == "30× high (ratio)")
        #expect(EstimateScore.grade(guess: 100, truth: 100, kind: .money).summary == "exact (ratio)")
        #expect(EstimateScore.grade(guess: 0.001, truth: 0.01, kind: .percent).summary == "odds 10× too low (odds ratio)")
        // Near the truth a factor would read "1×": the miss is given in percent, with its side.
        #expect(EstimateScore.grade(guess: 96, truth: 100, kind: .money).summary == "4 % low (ratio)")
        #expect(EstimateScore.grade(guess: 105, truth: 100, kind: .money).summary == "5 % high (ratio)")
        #expect(EstimateScore.grade(guess: 0.9, truth: 0.541, kind: .percent).summary == "36 points high (percentage points)")
        #expect(EstimateScore.grade(guess: 0, truth: 0.3, kind: .percent).summary == "30 points off (percentage points)")
        #expect(EstimateScore.grade(guess: nil, truth: 1, kind: .count).summary == "revealed without a guess")
        #expect(EstimateScore.grade(guess: 0, truth: 5, kind: .count).summary == "off: no ratio (zero or opposite sign)")
    }

    @Test func logRatioIsSignedAndBaseTen() throws {
        let low = try #require(EstimateScore.grade(guess: 10, truth: 1000, kind: .rate).logRatio)
        #expect(abs(low + 2) < 1e-12)
        let high = try #require(EstimateScore.grade(guess: 0.75, truth: 0.5, kind: .percent).logRatio)
        #expect(abs(high - log10(3)) < 1e-12)
        #expect(EstimateScore.grade(guess: nil, truth: 1, kind: .count).logRatio == nil)
        #expect(EstimateScore.grade(guess: 0, truth: 1, kind: .count).logRatio == nil)
    }

    @Test func revealedWithoutGuessingIsAMiss() {
        let grade = EstimateScore.grade(guess: nil, truth: 42, kind: .money)
        #expect(grade.score == .off && grade.method == .revealed)
    }

    @Test func kindsFollowTheAnswersUnit() {
        #expect(QuantityKind(.writesPerSecond) == .rate)
        #expect(QuantityKind(.writes) == .count)
        #expect(QuantityKind(.terabytes) == .bytes)
        #expect(QuantityKind(.dollarsPerMonth) == .money)
        #expect(QuantityKind(.dollarsPerMillisecond) == .money)
        #expect(QuantityKind(.milliseconds) == .latency)
        #expect(QuantityKind(.percent) == .percent)
        #expect(QuantityKind(.times) == .ratio)
        #expect(QuantityKind.allCases.map(\.rawValue) == ["rate", "count", "bytes", "money", "latency", "percent", "ratio"])
    }

    @Test func aHalfTypedForAPercentIsAmbiguous() throws {
        let half = try #require(PercentAmbiguity.check(typed: "0.5", unit: .percent))
        #expect(half.asPercent == 0.5 && half.asFraction == 50)
        #expect(half.question == "0.5 % or 50 %?")
        #expect(PercentAmbiguity.check(typed: " 1 ", unit: .percent)?.question == "1 % or 100 %?")
        #expect(PercentAmbiguity.check(typed: "0.5%", unit: .percent) == nil)
        #expect(PercentAmbiguity.check(typed: "50", unit: .percent) == nil)
        #expect(PercentAmbiguity.check(typed: "0", unit: .percent) == nil)
        #expect(PercentAmbiguity.check(typed: "0.5", unit: .seconds) == nil)
        #expect(PercentAmbiguity.check(typed: "abc", unit: .percent) == nil)
    }
}
