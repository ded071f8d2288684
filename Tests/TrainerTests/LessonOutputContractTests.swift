import BundledLessons
import Calculators
import Testing
@testable import Trainer

/// At each bundled lesson's starting values its calculator's declared tables,
/// kinds and chart marks agree with what it returns.
@Suite struct LessonOutputContractTests {
    @Test func everyLessonsStartingOutputKeepsItsContract() throws {
        let library = LessonLibrary.load([bundledSources])
        var checked = 0
        for lesson in library.lessons {
            guard let name = lesson.calculator, let calculator = Registry.named(name),
                  let inputs = lesson.startingInputs() else { continue }
            #expect(calculator.evaluate(inputs).contractProblems == [], "\(lesson.file)")
            checked += 1
        }
        #expect(checked >= 15)
    }
}
