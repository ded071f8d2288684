import BundledLessons
import Calculators
import Testing
@testable import Trainer

/// Each field error, with the exact file:line:column a user would jump to.
@Suite struct LessonLintTests {
    /// Lines 1-5 of most fixtures: a valid fan-out lesson up to its calculator.
    let head = "---\nid: demo\nminutes: \"42-44\"\ntitle: Demo\ncalculator: fanout\n"

    @Test func requiredFieldsAreNamedAtTheStartOfTheFrontMatter() {
        #expect(lint("---\n# only a comment\ncalculator: fanout\n---\n") == [
            #"demo.md:3:1: error: missing field "id""#,
            #"demo.md:3:1: error: missing field "minutes""#,
            #"demo.md:3:1: error: missing field "title""#,
        ])
    }

    @Test func anUnknownTopLevelFieldListsTheAllowedOnes() {
        #expect(lint(head + "promts:\n  short: \"Why?\"\n---\n") == [
            #"demo.md:6:1: error: unknown field "promts" in front matter (allowed: id, minutes, title, calculator, parameters, departures, claims, prompts, checklist, estimate)"#,
        ])
    }

    @Test(arguments: ["Fan-Out", "fan_out", "fan out", "fan²", "fän"])
    func idsAreLowercaseASCIILettersDigitsAndHyphens(_ id: String) {
        #expect(lint("---\nid: \"\(id)\"\nminutes: \"50\"\ntitle: Demo\n---\n") == [
            #"demo.md:2:5: error: id "\#(id)" may use only lowercase letters, digits and hyphens"#,
        ])
    }

    @Test func minutesMustNameASection() {
        #expect(lint("---\nid: demo\nminutes: \"40-41\"\ntitle: Demo\n---\n") == [
            #"demo.md:3:10: error: minutes "40-41" is not a section (use one of 41-42, 42-44, 44-46, 46-48, 48-50, 50)"#,
        ])
    }

    @Test func anUnknownCalculatorListsTheCalculators() {
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: Demo\ncalculator: fanot\n---\n") == [
            #"demo.md:5:13: error: unknown calculator "fanot" (calculators: \#(Registry.names.joined(separator: ", ")))"#,
        ])
        #expect(Registry.names.contains("fanout"))
    }

    @Test func parametersNeedACalculator() {
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: Demo\nparameters:\n  followers: 10\n---\n") == [
            #"demo.md:5:1: error: "parameters" needs a "calculator""#,
        ])
    }

    @Test func anUnknownParameterListsTheCalculatorsParameters() {
        #expect(lint(head + "parameters:\n  folowers: 10\n---\n") == [
            #"demo.md:7:3: error: fanout has no parameter "folowers" (parameters: followers, write_capacity, active_percent, read_cached_ms, read_uncached_ms, merge_ms, pull_write_ms, entry_bytes, push_below, pull_above)"#,
        ])
    }

    @Test func aValueOutOfRangeNamesTheAllowedRange() {
        #expect(lint(head + "parameters:\n  active_percent: 150\n---\n") == [
            "demo.md:7:19: error: active_percent: 150 is out of range (allowed: 0 % … 100 %)",
        ])
    }

    @Test func aValueMustBeANumber() {
        #expect(lint(head + "parameters:\n  entry_bytes: lots\n  followers: [1, 2]\n---\n") == [
            #"demo.md:7:16: error: entry_bytes: "lots" is not a number (allowed: 1 B … 10 KB)"#,
            "demo.md:8:14: error: followers must be a number",
        ])
    }

    @Test func aChoiceIsWrittenByItsNameInAnyCase() throws {
        let partition = "---\nid: demo\nminutes: \"50\"\ntitle: Demo\ncalculator: partition\nparameters:\n"
        let cp = try #require(lesson(partition + "  mode: CP\n---\n"))
        #expect(cp.startingInputs()?.choice("mode", as: Partition.Mode.self) == .cp)
        let quorum = try #require(lesson(partition + "  mode: Quorum\n---\n"))
        #expect(quorum.startingInputs()?.choice("mode", as: Partition.Mode.self) == .quorum)
        let staleness = "---\nid: demo\nminutes: \"50\"\ntitle: Demo\ncalculator: staleness\nparameters:\n"
        let ssd = try #require(lesson(staleness + "  fit: LNKD-SSD\n---\n"))
        #expect(ssd.startingInputs()?.choice("fit", as: Staleness.Fit.self) == .linkedInSSD)
    }

    @Test func anUnknownChoiceOrANumberNamesTheChoicesAndTheLine() {
        let partition = "---\nid: demo\nminutes: \"50\"\ntitle: Demo\ncalculator: partition\nparameters:\n"
        #expect(lint(partition + "  mode: XP\n---\n") == [
            #"demo.md:7:9: error: mode: "XP" is not one of AP, CP, quorum"#,
        ])
        #expect(lint(partition + "  replicas: 5\n  mode: 2\n---\n") == [
            "demo.md:8:9: error: mode: write the choice's name, not a number (2 is quorum) (one of AP, CP, quorum)",
        ])
        #expect(lint(partition + "  mode: 7\n---\n") == [
            "demo.md:7:9: error: mode: write the choice's name, not a number (one of AP, CP, quorum)",
        ])
        #expect(lint(partition + "  mode: [AP]\n---\n") == ["demo.md:7:9: error: mode must be one of AP, CP, quorum"])
    }

    // MARK: Claims

    /// A claims list under `head`, starting on line 6; its first item is line 7.
    func claims(_ items: String) -> String { head + "claims:\n" + items + "---\n" }

    @Test func aClaimNamesEachMissingField() {
        #expect(lint(claims("  - unit: writes\n")) == [
            #"demo.md:7:5: error: missing field "id""#,
            #"demo.md:7:5: error: missing field "text""#,
            #"demo.md:7:5: error: missing field "result""#,
            #"demo.md:7:5: error: missing field "stated""#,
        ])
    }

    @Test func anUnknownClaimFieldListsTheAllowedOnes() {
        #expect(lint(claims("  - id: c\n    text: t\n    result: push.writes\n    stated: 1M\n    source: board\n")) == [
            #"demo.md:11:5: error: unknown field "source" in a claim (allowed: id, text, result, stated, unit, tolerance, why, most_sensitive, break_even, bound)"#,
        ])
    }

    @Test func aClaimOnAMissingResultListsTheResults() throws {
        let errors = lint(claims("  - id: c\n    text: t\n    result: push.latency\n    stated: 1\n"))
        let results = FanOut().evaluate(FanOut().defaults).results.map(\.key).joined(separator: ", ")
        #expect(errors == [#"demo.md:9:13: error: fanout has no result "push.latency" (results: \#(results))"#])
    }

    @Test func anUnknownUnitListsTheKnownOnes() throws {
        let errors = lint(claims("  - id: c\n    text: t\n    result: push.storage\n    stated: 8\n    unit: MiB\n"))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.hasPrefix(#"demo.md:11:11: error: unknown unit "MiB" (known: "#))
        #expect(error.contains("MB, GB"))
    }

    @Test func aUnitOfTheWrongDimensionIsRefused() {
        #expect(lint(claims("  - id: c\n    text: t\n    result: push.storage\n    stated: 8\n    unit: s\n")) == [
            #"demo.md:11:11: error: unit "s" does not fit result "push.storage" (B)"#,
        ])
    }

    @Test func toleranceIsAFractionFromZeroToOne() {
        #expect(lint(claims("  - id: c\n    text: t\n    result: push.writes\n    stated: 1M\n    tolerance: 5\n")) == [
            "demo.md:11:16: error: tolerance 5.0 is out of range (allowed: 0 … 1)",
        ])
    }

    @Test func aBoundIsANamedSideOfAStatedResult() {
        #expect(lint(claims("  - id: c\n    text: t\n    result: push.writes\n    stated: 1M\n    bound: above\n")) == [
            "demo.md:11:12: error: \"bound\" is one of about, at_least, at_most",
        ])
        #expect(lint(claims("  - id: c\n    text: t\n    result: push.writes\n    stated: 1M\n    bound: at_least\n")) == [])
    }

    @Test func claimIdsAreUniqueWithinALesson() {
        let claim = "  - id: same\n    text: t\n    result: push.writes\n    stated: 1M\n"
        #expect(lint(claims(claim + claim)) == [#"demo.md:11:9: error: duplicate claim id "same""#])
    }

    @Test func claimsNeedACalculator() {
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: Demo\nclaims: []\n---\n") == [
            #"demo.md:5:1: error: "claims" need a "calculator""#,
        ])
    }

    // MARK: Estimate and checklist

    @Test func anEstimateOnAMissingResultIsRefused() {
        #expect(lint(head + "estimate:\n  result: push.cost\n  question: \"How much?\"\n---\n") == [
            #"demo.md:7:11: error: fanout has no result "push.cost""#,
        ])
    }

    @Test func severalEstimatesAreAListAskedInItsOrder() throws {
        let text = head + """
            estimate:
              - result: push.write_time
                question: "How long?"
              - result: hybrid.writes
                question: "How many?"
                drill: "{followers} followers: how many?"
            ---

            """
        #expect(lint(text) == [])
        let l = try #require(lesson(text))
        #expect(l.estimates == [.init(resultKey: "push.write_time", question: "How long?"),
                                .init(resultKey: "hybrid.writes", question: "How many?", drill: "{followers} followers: how many?")])
        #expect(l.estimateKeys == ["push.write_time", "hybrid.writes"])
        #expect(l.estimate(for: "hybrid.writes")?.question == "How many?")
    }

    @Test func anEstimateListIsNeitherEmptyNorAsksOneResultTwice() {
        #expect(lint(head + "estimate: []\n---\n") == [
            #"demo.md:6:11: error: "estimate" is an empty list: give at least one, or leave the field out"#,
        ])
        let twice = "estimate:\n  - result: push.writes\n    question: a\n  - result: push.writes\n    question: b\n---\n"
        #expect(lint(head + twice) == [
            #"demo.md:9:13: error: "push.writes" is asked twice: each estimate asks for a different result"#,
        ])
        #expect(lint(head + "estimate:\n  - 3\n---\n") == [
            #"demo.md:7:5: error: an estimate must have "result" and "question""#,
        ])
    }

    @Test func aChecklistIsAList() {
        #expect(lint(head + "checklist: \"Names the number\"\n---\n") == [
            #"demo.md:6:12: error: "checklist" must be a list (each item text, or a mapping with text, phrases, numbers)"#,
        ])
    }

    @Test func everyBundledChecklistItemCarriesWhatTheAnswerCheckLooksFor() {
        let library = LessonLibrary.load([BundledLessons.sources])
        #expect(library.problems.map(\.description) == [])
        #expect(library.lessons.flatMap(LessonWarning.checklist).map(\.description) == [])
        #expect(library.lessons.allSatisfy { !$0.checklist.isEmpty && $0.checklist.contains(where: \.isCheckable) })
    }

    @Test func everyProblemInAFileIsReportedInOneRun() {
        let text = "---\nid: Demo\nminutes: \"99\"\ntitle: Demo\ncalculator: fanout\nparameters:\n  followers: 0\n---\n"
        #expect(lint(text).count == 3)
    }

    @Test func aValueOffAFixedScaleIsAnErrorAtItsLine() {
        let debt = "---\nid: demo\nminutes: \"50\"\ntitle: Demo\ncalculator: debt\nparameters:\n  d1.size: 4\n  d1.rice_impact: huge\n  d1.confidence: 80\n---\n"
        #expect(lint(debt) == [
            #"demo.md:7:12: error: d1.size: "4" is not one of 1, 2, 3, 5, 8, 13, 20"#,
            #"demo.md:8:19: error: d1.rice_impact: "huge" is not one of 0.25 (minimal), 0.5 (low), 1 (medium), 2 (high), 3 (massive)"#,
        ])
    }
}
