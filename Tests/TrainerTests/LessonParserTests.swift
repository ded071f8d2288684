import Testing
@testable import Trainer

/// The file's shape: front matter fences, YAML errors, anchors, and the body.
@Suite struct LessonParserTests {
    @Test func aSmallLessonReadsEveryField() throws {
        let demo = try #require(lesson("""
            ---
            id: demo
            minutes: "42-44"
            title: "One post, many followers"
            calculator: fanout
            parameters:
              followers: 2M
            prompts:
              short: "Push or pull?"
              long: "Two minutes on the threshold."
            checklist:
              - "Names the number"
            estimate:
              result: push.writes
              question: "How many writes?"
            ---
            # Board
            """))
        #expect(demo.id == "demo")
        #expect(demo.minutes == "42-44")
        #expect(demo.title == "One post, many followers")
        #expect(demo.calculator == "fanout")
        #expect(demo.parameters == [.init(key: "followers", value: 2_000_000)])
        #expect(demo.prompts == .init(short: "Push or pull?", long: "Two minutes on the threshold."))
        #expect(demo.checklist == ["Names the number"])
        #expect(demo.estimates == [.init(resultKey: "push.writes", question: "How many writes?")])
        #expect(demo.body == [.heading(level: 1, text: "Board")])
    }

    @Test func aFileWithoutFrontMatterIsRefusedAtItsFirstLine() {
        #expect(lint("# Fan-out\n\nPush or pull.\n") == [
            #"demo.md:1:1: error: missing front matter: the file must start with a line "---""#,
        ])
    }

    @Test func frontMatterThatNeverClosesIsRefused() {
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: Demo\n# Body\n") == [
            #"demo.md:1:1: error: front matter is not closed: add a line "---" after it"#,
        ])
    }

    @Test func aYAMLSyntaxErrorCarriesTheLineYamsFound() {
        let text = """
            ---
            id: demo
            minutes: "50"
            title: Demo
              extra: indented
            ---
            """
        #expect(lint(text) == ["demo.md:5:8: error: YAML: mapping values are not allowed in this context"])
    }

    @Test func aControlCharacterIsReportedOnItsOwnLine() {
        let text = "---\nid: demo\nminutes: \"50\"\ntitle: Demo \u{1B}[2J\n---\n"
        #expect(lint(text) == ["demo.md:4:13: error: control character U+001B (ESC) in the text: lessons may not hold control characters"])
    }

    @Test func aControlCharacterFromAYAMLEscapeIsReportedAtItsValue() {
        let text = "---\nid: demo\nminutes: \"50\"\ntitle: \"Demo \\e]0;x\\a\"\nchecklist:\n  - \"ok\"\n  - \"\\x9b6n\"\n---\nBody\n"
        #expect(lint(text) == [
            #"demo.md:4:8: error: control character U+001B (ESC) in a value (written as an escape such as \e or \x1b): lessons may not hold control characters"#,
            #"demo.md:7:5: error: control character U+009B (CSI) in a value (written as an escape such as \e or \x1b): lessons may not hold control characters"#,
        ])
    }

    @Test func aDuplicatedKeyIsAYAMLError() {
        #expect(lint("---\nid: demo\nid: again\nminutes: \"50\"\ntitle: Demo\n---\n") == [
            "demo.md:2:1: error: YAML: duplicate keys: id",
        ])
    }

    @Test(arguments: ["- id: demo\n- title: Demo", "just words", ""])
    func frontMatterMustBeAMapping(_ yaml: String) {
        #expect(lint("---\n\(yaml)\n---\n") == [
            "demo.md:2:1: error: front matter must be a mapping of fields (id: …, title: …)",
        ])
    }

    @Test func windowsLineEndingsKeepLineNumbers() {
        let text = "---\r\nid: demo\r\nminutes: \"50\"\r\ntitle: Demo\r\ncolour: red\r\n---\r\nBody\r\n"
        #expect(lint(text) == [
            #"demo.md:5:1: error: unknown field "colour" in front matter (allowed: id, minutes, title, calculator, parameters, departures, claims, prompts, checklist, estimate)"#,
        ])
    }

    @Test func anAnchorIsRefusedWhereItStands() {
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: &t Demo\n---\n") == [
            "demo.md:4:8: error: YAML anchors and aliases (& and *) are not allowed in lessons",
        ])
    }

    @Test(.timeLimit(.minutes(1)), arguments: [false, true])
    func billionLaughsIsRefusedPromptly(asKey: Bool) {
        let text = laughs(asKey: asKey)
        #expect((380...460).contains(text.utf8.count))
        #expect(lint(text) == ["demo.md:5:4: error: YAML anchors and aliases (& and *) are not allowed in lessons"])
    }

    @Test func anAmpersandOrStarInTextIsNotAnAnchor() throws {
        let demo = try #require(lesson("""
            ---
            id: demo
            minutes: "50"
            title: R&D costs 2 * 3 *units
            ---
            """))
        #expect(demo.title == "R&D costs 2 * 3 *units")
    }

    // MARK: Body

    @Test func headingsTakeTheirLevel() {
        #expect(body("# One\n## Two\n### Three") == [
            .heading(level: 1, text: "One"), .heading(level: 2, text: "Two"), .heading(level: 3, text: "Three"),
        ])
    }

    @Test func paragraphLinesJoinWithSpaces() {
        #expect(body("Push for small\naccounts,   \n  pull for huge.\n\nSecond one.") == [
            .paragraph("Push for small accounts, pull for huge."), .paragraph("Second one."),
        ])
    }

    @Test func listItemsTakeIndentedContinuationLines() {
        #expect(body("Before:\n- Pull for celebrities:\n  push nothing.\n* Skip the idle\nAfter.") == [
            .paragraph("Before:"),
            .list(["Pull for celebrities: push nothing.", "Skip the idle"]),
            .paragraph("After."),
        ])
    }

    @Test func fencedBlocksKeepLinesBlanksAndIndentsVerbatim() {
        let text = """
            ```
              writes   time
            push\t1M

            pull  # not a heading
            - not a list
            ```
            After.
            """
        #expect(body(text) == [
            .code(["  writes   time", "push    1M", "", "pull  # not a heading", "- not a list"]),
            .paragraph("After."),
        ])
    }

    @Test func tabsInFencesExpandToTheNextStopOfFour() {
        #expect(body("```\na\tb\nabcd\te\n\tx\n```") == [.code(["a   b", "abcd    e", "    x"])])
    }

    @Test func anUnclosedFenceIsAnErrorAtItsOpeningLine() {
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: Demo\n---\nIntro.\n```\nbox\n\n# still code") == [
            "demo.md:7:1: error: fenced block is never closed (add a line ```)",
        ])
    }

    @Test func aFencedLineWiderThanSixtyColumnsIsAnError() {
        let wide = String(repeating: "x", count: 61)
        #expect(lint("---\nid: demo\nminutes: \"50\"\ntitle: Demo\n---\n```\n\(wide)\n```\n") == [
            "demo.md:7:61: error: fenced line is 61 columns wide (at most 60, it is drawn verbatim)",
        ])
    }
}
