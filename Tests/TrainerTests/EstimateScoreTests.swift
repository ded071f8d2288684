import Testing
@testable import Trainer

@Suite struct EstimateScoreTests {
    @Test(arguments: [
        (100.0, 100.0, EstimateScore.good),
        (200, 100, .good),          // ratio exactly 2
        (50, 100, .good),
        (201, 100, .fair),
        (1_000, 100, .fair),        // ratio exactly 10
        (10, 100, .fair),
        (1_001, 100, .off),
        (9.99, 100, .off),
        (0, 0, .good),
        (0, 5, .off),
        (5, 0, .off),
        (-3, 3, .off),
        (-3, -5, .good),
        (-1, -20, .off),
        (.nan, 1, .off),
        (1, .infinity, .off),
    ])
    func scores(guess: Double, actual: Double, expected: EstimateScore) {
        #expect(EstimateScore.score(guess: guess, actual: actual) == expected)
    }

    @Test func rawValuesAreStable() {
        #expect(EstimateScore.allCases.map(\.rawValue) == ["good", "fair", "off"])
    }
}
