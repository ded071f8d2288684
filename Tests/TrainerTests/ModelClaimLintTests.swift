import BundledLessons
import Calculators
import Testing
@testable import Trainer

/// Claims that name a lesson's most sensitive input or a break-even: read from the
/// front matter, refused with a file:line when they name what the model lacks,
/// checked at the starting values, and true in every bundled lesson.
@Suite struct ModelClaimLintTests {
    let head = "---\nid: demo\nminutes: \"48-50\"\ntitle: Demo\ncalculator: cdn\nclaims:\n"

    @Test func bothKindsParseAndAreCheckedAtTheStartingValues() throws {
        let text = head + """
              - id: hinge
                text: "The saving hinges on the origin's egress price"
                result: savings.monthly
                most_sensitive: origin_price
                stated: 108000
                unit: $/month
                tolerance: 0.01
              - id: flip
                text: "The CDN loses only once its fee passes $250K a month"
                result: cheaper
                break_even: cdn_fee
                stated: 250000
                unit: $/month
                tolerance: 0.01
            ---
            """
        let parsed = try #require(lesson(text))
        #expect(parsed.claims.map(\.kind) == [.mostSensitive(parameter: "origin_price"), .breakEven(parameter: "cdn_fee")])
        #expect(parsed.modelChecks.map(\.holds) == [true, true])
        // The verdict is the one checked at the start, whatever output the panel shows now.
        let moved = CDNCost().evaluate(try CDNCost().inputs(setting: ["cdn_fee": 400_000]))
        #expect(parsed.claims.map { parsed.check($0, output: moved).holds } == [true, true])
    }

    @Test func whatTheModelLacksIsAnErrorAtItsLine() {
        #expect(lint(head + "  - {id: a, text: x, result: savings.monthly, most_sensitive: egress, stated: 1}\n---\n") == [
            #"demo.md:7:63: error: cdn has no parameter "egress" (parameters: transfer_tb, origin_price, cdn_price, cdn_fee, origin_servers, origin_servers_cdn, media_requests, billing)"#,
        ])
        #expect(lint(head + "  - {id: a, text: x, result: savings.monthly, break_even: cdn_fee, stated: 1, unit: $/month}\n---\n") == [
            #"demo.md:7:30: error: cdn makes no decision "savings.monthly" (decisions: cheaper)"#,
        ])
        #expect(lint(head + "  - {id: a, text: x, result: cheaper, break_even: cdn_fee, stated: 1, unit: ms}\n---\n") == [
            #"demo.md:7:77: error: unit "ms" does not fit parameter "cdn_fee" ($/month)"#,
        ])
        #expect(lint(head + "  - {id: a, text: x, result: cheaper, break_even: cdn_fee, most_sensitive: cdn_fee, stated: 1}\n---\n").count == 1)
    }

    @Test func aSeedOrAChoiceIsNeverMoved() {
        let text = "---\nid: demo\nminutes: \"46-48\"\ntitle: Demo\ncalculator: breaker\nclaims:\n"
            + "  - {id: a, text: x, result: shed, most_sensitive: seed, stated: 1}\n---\n"
        #expect(lint(text) == [#"demo.md:7:52: error: seed is a random seed: the analyses never move it"#])
    }

    /// The lessons' own statements about their models hold: a model change that breaks one fails here.
    @Test func everyBundledModelClaimHolds() {
        let library = LessonLibrary.load([bundledSources])
        let checks = library.lessons.flatMap { l in l.claims.filter(\.needsModel).map { (l.file, l.check($0, output: Output())) } }
        #expect(checks.count >= 10)
        for (file, check) in checks { #expect(check.holds, "\(file): \(check.claim.id): \(check.reason)") }
        // The embedded verdicts are the ones a fresh parse gives (BundledLessonsTests compares whole lessons).
        #expect(LessonLibrary.load([BundledLessons.sources]).lessons.map(\.modelChecks) == library.lessons.map(\.modelChecks))
    }
}
