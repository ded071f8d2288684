import Calculators
import Testing
@testable import Trainer

/// The answer check on fixed notes: phrases by their words, figures by their value.
@Suite struct AnswerCheckTests {
    static func figure(_ text: String) -> Lesson.ChecklistItem.Figure {
        .init(text: text, quantity: NumberParser.parseQuantity(text)!)
    }

    static let amplification = Lesson.ChecklistItem(
        text: "Name the write amplification of push for one big account",
        phrases: [["write amplification"], ["1M writes", "million writes"]],
        numbers: [figure("100 s"), figure("1M writes")])

    func check(_ notes: String, _ items: [Lesson.ChecklistItem] = [amplification]) -> AnswerCheck {
        AnswerCheck(notes: notes, checklist: items)
    }

    @Test(arguments: ["100 seconds", "100s", "100 s", "1.67 min", "1.67 minutes", "100,000 ms", "0.028 h"])
    func aTimeMatchesByValueNotBySpelling(_ written: String) {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("100 s")])
        let result = check("push takes \(written) at 10K writes/s", [item])
        #expect(result.items[0].numbers[0].found == written)
        #expect(result.items[0].isCovered)
    }

    @Test(arguments: ["2 min", "100 ms", "100 writes", "100"])
    func aTimeTooFarOffOrOfAnotherKindDoesNotMatch(_ written: String) {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("100 s")])
        #expect(check("it takes \(written)", [item]).items[0].missing == ["100 s"])
    }

    @Test(arguments: ["1,000,000 writes", "1M writes", "1m inserts", "1e6 writes", "1,000,000", "1.02M writes"])
    func aCountMatchesWithItsUnitOrPlain(_ written: String) {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("1M writes")])
        #expect(check("one post is \(written) for the celebrity", [item]).items[0].numbers[0].found == written)
    }

    @Test func eachFigureOfTheNotesSaysOneNumberOfAnItem() {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("8 points"), Self.figure("8.4 points")])
        #expect(check("sharding 8.4 first", [item]).items[0].missing == ["8 points"])
        #expect(check("single region 8.0, sharding 8.4", [item]).items[0].matched == ["8.0", "8.4"])
    }

    @Test func aCountOfOtherThingsDoesNotMatch() {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("1M writes")])
        #expect(check("she has 1M followers", [item]).items[0].numbers[0].found == nil)
    }

    @Test func aSumMatchesWithOrWithoutItsPeriod() {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("$320K/month"), Self.figure("$52,750")])
        #expect(check("$320K without a CDN; tiers come to $52,750 a month", [item]).items[0].matched == ["$320K", "$52,750 a month"])
    }

    @Test func sizesRatesMoneyAndPercentMatchByValue() {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("8 MB"), Self.figure("10K writes/s"),
                                                             Self.figure("$2,446/month"), Self.figure("4 %")])
        let result = check("8,000 KB of timeline; the primary does 10,000 writes per second; "
                           + "about $2,450 a month; 4% of accounts", [item])
        #expect(result.items[0].numbers.map(\.found) == ["8,000 KB", "10,000 writes per second", "$2,450 a month", "4%"])
        #expect(result.items[0].isCovered)
    }

    @Test func phrasesIgnoreCasePunctuationAndPlurals() {
        let result = check("Push: WRITE-Amplification is huge — a million write, 100 seconds; 1M writes.")
        let item = result.items[0]
        // The alternatives are tried in order: "1M writes" is found before "million writes".
        #expect(item.phrases.map(\.found) == ["WRITE-Amplification", "1M writes"])
        #expect(item.isCovered)
        #expect(item.matched == ["WRITE-Amplification", "1M writes", "100 seconds", "1M writes"])
        let other = check("a million writes' amplification", [.init(text: "t", phrases: [["1M writes", "million writes"]])])
        #expect(other.items[0].phrases[0].found == "million writes")
    }

    @Test func stemsTolerateEndings() {
        let item = Lesson.ChecklistItem(text: "t", phrases: [["cache timelines"]])
        #expect(check("we cached timelines", [item]).items[0].phrases[0].found == "cached timelines")
        #expect(check("Caching the timeline", [item]).items[0].phrases[0].found == nil)
        #expect(check("Caching timeline.", [item]).items[0].isCovered)
        #expect(!check("cache a timeline", [item]).items[0].isCovered)
    }

    @Test func whatIsMissingIsListedByTheLessonsWords() {
        let result = check("write amplification matters")
        let item = result.items[0]
        #expect(!item.isCovered)
        #expect(item.missing == ["1M writes", "100 s", "1M writes"])
        #expect(item.matched == ["write amplification"])
        #expect(result.coveredCount == 0)
    }

    @Test func plainItemsAreNotCheckedAndNotCounted() {
        let result = check("write amplification: 1M writes, 100 s", [amplificationPlain, Self.amplification])
        #expect(result.items.map(\.isCheckable) == [false, true])
        #expect(result.checkable.count == 1)
        #expect(result.coveredCount == 1)
        #expect(AnswerCheck(notes: "x", checklist: [amplificationPlain]).isEmpty)
    }

    let amplificationPlain: Lesson.ChecklistItem = "States the decision first"

    @Test func numbersInsideWordsAreNotFigures() {
        let item = Lesson.ChecklistItem(text: "t", numbers: [Self.figure("99 %")])
        #expect(!check("p99 latency and R2 keys", [item]).items[0].isCovered)
        #expect(NumberParser.quantities(in: "p99 and R2").isEmpty)
    }

    @Test func theProseReaderReadsEachFigureOnce() {
        let found = NumberParser.quantities(in: "1-5 s late; 3.6K/s peak; 5m lag; 2.5e6 rows")
        #expect(found.map { $0.map { "\($0.quantity.value) \($0.quantity.unit.symbol)" } } == [
            ["1.0 "], ["5.0 s"], ["3600.0 /s"], ["5.0 min", "5000000.0 "], ["2500000.0 rows"],
        ])
    }
}

/// The checklist's two shapes in a lesson file, and their errors at file:line.
@Suite struct ChecklistFormatTests {
    let head = "---\nid: demo\nminutes: \"42-44\"\ntitle: Demo\ncalculator: fanout\n"

    @Test func textAndMappingItemsBothRead() throws {
        let l = try #require(lesson(head + """
            checklist:
              - "States the decision first"
              - text: "Names the write amplification"
                phrases: ["write amplification", "1M writes|million writes", [fan-out storm, write storm]]
                numbers: ["100 s", "1M writes", "8 MB"]
            ---

            """))
        #expect(l.checklist.map(\.text) == ["States the decision first", "Names the write amplification"])
        #expect(l.checklist[0].phrases.isEmpty && !l.checklist[0].isCheckable)
        #expect(l.checklist[1].phrases == [["write amplification"], ["1M writes", "million writes"], ["fan-out storm", "write storm"]])
        #expect(l.checklist[1].numbers.map(\.quantity) == [Quantity(100, .seconds), Quantity(1e6, .writes), Quantity(8, .megabytes)])
        #expect(l.checklist[1].numbers.map(\.text) == ["100 s", "1M writes", "8 MB"])
        #expect(l.checklist.map(\.line) == [7, 8])
    }

    @Test func badShapesAreErrorsAtTheirLine() {
        #expect(lint(head + "checklist: \"Names the number\"\n---\n") == [
            #"demo.md:6:12: error: "checklist" must be a list (each item text, or a mapping with text, phrases, numbers)"#,
        ])
        #expect(lint(head + "checklist:\n  - [a, b]\n---\n") == [
            #"demo.md:7:5: error: a checklist item must be text, or a mapping with text, phrases, numbers"#,
        ])
        #expect(lint(head + "checklist:\n  - phrases: [a]\n    colour: red\n---\n") == [
            #"demo.md:8:5: error: unknown field "colour" in a checklist item (allowed: text, phrases, numbers, unchecked)"#,
            #"demo.md:7:5: error: missing field "text""#,
        ])
        #expect(lint(head + "checklist:\n  - text: t\n    phrases: \"write amplification\"\n---\n") == [
            #"demo.md:8:14: error: "phrases" must be a list (each a phrase, "a|b" or [a, b] for alternatives)"#,
        ])
        #expect(lint(head + "checklist:\n  - text: t\n    phrases: [\"a|\", \"--\"]\n---\n") == [
            #"demo.md:8:15: error: a phrase must hold a word ("" has none)"#,
            #"demo.md:8:21: error: a phrase must hold a word ("--" has none)"#,
        ])
    }

    @Test func numbersMustParseWithUnits() {
        #expect(lint(head + "checklist:\n  - text: t\n    phrases: [a]\n    numbers: [\"100\", \"lots\", \"1M\", \"100 s\"]\n---\n") == [
            #"demo.md:9:15: error: checklist number "100" has no unit: say what it counts ("100 writes", "100 s")"#,
            #"demo.md:9:22: error: checklist number "lots" is not a number with a unit (such as "100 s", "1M writes", "8 MB", "20 %")"#,
            #"demo.md:9:30: error: checklist number "1M" has no unit: say what it counts ("1M writes", "1M s")"#,
        ])
        #expect(lint(head + "checklist:\n  - text: t\n    numbers: []\n---\n") == [
            #"demo.md:8:14: error: "numbers" is an empty list: give at least one, or leave the field out"#,
        ])
    }

    @Test func anItemNotesCannotShowSaysWhy() throws {
        let l = try #require(lesson(head + "checklist:\n  - text: \"Stays under two minutes\"\n    unchecked: \"timed by the clock\"\n---\n"))
        #expect(l.checklist[0].unchecked == "timed by the clock")
        #expect(LessonWarning.checklist(l).isEmpty)
        #expect(lint(head + "checklist:\n  - text: t\n    phrases: [a]\n    unchecked: why\n---\n") == [
            #"demo.md:9:5: error: a checklist item with phrases or numbers is checked: drop "unchecked" or them"#,
        ])
    }

    @Test func lintWarnsOfItemsWithoutPhrases() throws {
        let l = try #require(lesson(head + "checklist:\n  - \"Plain\"\n  - text: t\n    numbers: [\"100 s\"]\n  - text: u\n    phrases: [u]\n---\n"))
        #expect(LessonWarning.checklist(l).map(\.description) == [
            #"demo.md:7:1: warning: checklist item "Plain" has no phrases: the answer check cannot tell whether notes name it (give it text, phrases and numbers, or say why not with unchecked)"#,
            #"demo.md:8:1: warning: checklist item "t" has no phrases: the answer check cannot tell whether notes name it (give it text, phrases and numbers, or say why not with unchecked)"#,
        ])
    }
}

/// The Markdown export says, per panel with notes, what the notes cover and what they miss.
@Suite struct AnswerCheckExportTests {
    static let lesson = Lesson(
        id: "fanout", file: "04.md", minutes: "42-44", title: "Fan-out",
        checklist: [
            "States the decision first",
            AnswerCheckTests.amplification,
            .init(text: "Gives the hybrid's price", phrases: [["hybrid"], ["code path"]], numbers: [AnswerCheckTests.figure("2x")]),
        ])

    func markdown(notes: String) -> String {
        var s = PracticeSession(startedAt: 1_700_000_000, practiceMode: false)
        s.visit("fanout")
        s[lesson: "fanout"].notes = notes
        return SessionExport.markdown(s, lessons: [Self.lesson], finishedAt: 1_700_000_100)
    }

    @Test func aPanelWithNotesListsTheCoveredItemsAndWhatIsMissing() {
        let text = markdown(notes: "Write amplification: 1M writes, 100 seconds. Hybrid has a 2nd code path.")
        #expect(text.contains("""
            ### Notes against the checklist

            The notes cover 1 of 2 checked items (matched offline: phrases by their words, figures by value).

            - ✓ Name the write amplification of push for one big account: said "Write amplification", "1M writes", "100 seconds", "1M writes"
            - ✗ Gives the hybrid's price: missing 2x; said "Hybrid", "code path"
            """))
    }

    @Test func aPanelWithoutNotesHasNoCheck() {
        #expect(!markdown(notes: "  \n").contains("Notes against the checklist"))
    }

    func json(notes: String) -> String {
        var s = PracticeSession(startedAt: 1_700_000_000, practiceMode: false)
        s.visit("fanout")
        s[lesson: "fanout"].notes = notes
        return SessionExport.json(s, lessons: [Self.lesson], finishedAt: 1_700_000_100)
    }

    /// The JSON carries the same check as the Markdown, item by item.
    @Test func theJSONPanelCarriesTheSameCheck() {
        let text = json(notes: "Write amplification: 1M writes, 100 seconds. Hybrid has a 2nd code path.")
        #expect(text.contains("""
                  "notes": "Write amplification: 1M writes, 100 seconds. Hybrid has a 2nd code path.",
                  "answer_check": {
                    "covered": 1,
                    "total": 2,
                    "items": [
                      {
                        "item": "Name the write amplification of push for one big account",
                        "covered": true,
                        "matched": [
                          "Write amplification",
                          "1M writes",
                          "100 seconds",
                          "1M writes"
                        ],
                        "missing": []
                      },
                      {
                        "item": "Gives the hybrid's price",
                        "covered": false,
                        "matched": [
                          "Hybrid",
                          "code path"
                        ],
                        "missing": [
                          "2x"
                        ]
                      }
                    ]
                  }
                }
              ]
            }
            """))
    }

    @Test func aJSONPanelWithoutNotesHasANullCheck() {
        #expect(json(notes: "  \n").contains("""
                  "answer_check": null
            """))
    }
}
