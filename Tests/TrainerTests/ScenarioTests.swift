import BundledLessons
import Calculators
import Testing
import Trainer

@Suite struct ScenarioTests {
    let library = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) })

    @Test func theBundledScenariosAreTheFourNamed() {
        #expect(library.names == ["board", "celebrity", "startup", "twitter-2013"])
        #expect(library.all().count == 4)
    }

    @Test(arguments: ["board", "celebrity", "startup", "twitter-2013"])
    func everyBundledValueCitesItsSourceAndEveryPriceItsDate(name: String) throws {
        let file = try #require(library.files.first { $0.name == name + ".yaml" })
        let (scenario, errors) = ScenarioParser.parse(file: "Scenarios/" + file.name, text: file.text)
        #expect(errors == [])
        let s = try #require(scenario)
        #expect(s.name == name)
        for p in ScenarioModel().parameters {
            let source = s.sources[p.key]
            #expect(source != nil, "\(name): \(p.key) has no source")
            if p.key.hasPrefix("price_") { #expect(source?.date != nil, "\(name): \(p.key) has no date") }
        }
    }

    @Test func theBoardFileStatesTheModelsDefaults() throws {
        let board = try library.load("board").get()
        #expect(board.values == Scenario.board.values)
        #expect(board.quantity("peak_write_qps")?.value == 3_600)
    }

    @Test func peakWriteQPSFollowsItsFormula() throws {
        let twice = try Scenario.board.setting(["dau=400M"])
        #expect(twice.quantity("peak_write_qps")?.value == 7_200)
        let s = try Scenario.board.setting(["dau=1M", "posts_per_day=3", "peak_factor=4"])
        #expect(abs((s.quantity("peak_write_qps")?.value ?? 0) - 1e6 * 3 / 86_400 * 4) < 1e-9)
        #expect(Scenario.board.changes(from: Scenario.board).isEmpty)
        #expect(twice.changes(from: Scenario.board).map(\.key) == ["dau"])
    }

    @Test func twitterMatchesItsPublishedFigures() throws {
        let t = try library.load("twitter-2013").get()
        // ~400M tweets/day, ~300K reads/s on average, ~30B timeline updates/day, 800-entry timelines.
        #expect(abs((t.quantity("posts_total")?.value ?? 0) - 400e6) / 400e6 < 0.01)
        #expect(abs(t.values["dau"] * t.values["reads_per_day"] / 86_400 - 300_000) < 1)
        #expect(abs((t.quantity("inserts_per_day")?.value ?? 0) - 30e9) / 30e9 < 0.05)
        // Follow edges into the 150M active accounts: ~298 each is ~44.6B, 1.9x the 23B the July 2012
        // crawl found over all 505M. The published body alone (median 61, 4 % at 1K+) puts the
        // floor at 150M x (122.6 + 40) = ~24B, so no tail closes the gap; it is stated, not fitted.
        let edges = t.quantity("follow_edges")?.value ?? 0
        #expect(edges > 23e9 && edges < 2 * 23e9)
        #expect(abs(edges - 44.6e9) / 44.6e9 < 0.02)
        #expect(t.values["timeline_entries"] == 800)
    }

    @Test func aBadSettingNamesTheRangeOrTheKeys() {
        #expect(throws: ParameterError.self) { try Scenario.board.setting(["dau=0"]) }
        do {
            _ = try Scenario.board.setting(["daus=1M"])
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.description.contains("the scenario has no parameter \"daus\""))
            #expect(error.description.contains("dau"))
        }
    }

    @Test func aBadFileGetsFileLineColumnErrors() {
        let text = """
        name: mine
        title: "Mine"
        values:
          dau:
            value: 0
            source: "made up"
          daus:
            value: 5
            source: "typo"
          posts_per_day:
            value: 2
          price_s3:
            value: 0.02
            source: "somewhere"
          peak_factor: 3
        """
        let (scenario, errors) = ScenarioParser.parse(file: "mine.yaml", text: text)
        #expect(scenario == nil)
        let lines = errors.map(\.description)
        #expect(lines.contains { $0.hasPrefix("mine.yaml:5:12: error: dau: 0 is out of range (allowed: 1 … 10B accounts)") })
        #expect(lines.contains { $0.hasPrefix("mine.yaml:7:3: error: a scenario has no input \"daus\"") })
        #expect(lines.contains { $0.hasPrefix("mine.yaml:11:5: error: posts_per_day is missing \"source\"") })
        #expect(lines.contains { $0.hasPrefix("mine.yaml:13:5: error: price_s3 is a price: give its \"date\"") })
        #expect(lines.contains { $0.hasPrefix("mine.yaml:15:16: error: peak_factor must be a mapping") })
    }

    @Test func aControlCharacterInTheTextIsRefusedAtItsColumn() {
        let text = "name: x\ntitle: \"Board \u{1B}]52;c;aGk=\u{7}\"\nvalues:\n  dau:\n    value: 1M\n    source: \"s\u{9B}6n\"\n"
        let (scenario, errors) = ScenarioParser.parse(file: "x.yaml", text: text)
        #expect(scenario == nil)
        #expect(errors.map(\.description) == [
            "x.yaml:2:15: error: control character U+001B (ESC) in the text: scenarios may not hold control characters",
            "x.yaml:6:15: error: control character U+009B (CSI) in the text: scenarios may not hold control characters",
        ])
        // The message itself shows no raw control (the caller escapes the rest at the output edge).
        #expect(!errors.map(\.description).joined().unicodeScalars.contains { VisibleText.isControl($0) && $0 != "\n" })
    }

    @Test func aControlCharacterWrittenAsAYAMLEscapeIsRefusedAtItsValue() {
        let text = "name: x\ntitle: \"Board\"\nabout: \"tab\there is fine\"\nvalues:\n  dau:\n    value: 1M\n    source: \"s \\e[6n \\x9b\"\n"
        let (scenario, errors) = ScenarioParser.parse(file: "x.yaml", text: text)
        #expect(scenario == nil)
        #expect(errors.map(\.description) == [
            "x.yaml:7:13: error: control character U+001B (ESC) in a value (written as an escape such as \\e or \\x1b): "
                + "scenarios may not hold control characters",
        ])
    }

    @Test func aTabInsideAValueIsText() {
        let text = "name: x\ntitle: \"Board\twide\"\nvalues:\n  dau:\n    value: 1M\n    source: \"s\"\n"
        let (scenario, errors) = ScenarioParser.parse(file: "x.yaml", text: text)
        #expect(errors.isEmpty)
        #expect(scenario?.title == "Board\twide")
    }

    @Test func anchorsAndAliasesAreRefused() {
        let text = "name: x\ntitle: y\nvalues:\n  dau: &a\n    value: 1M\n    source: s\n  registered_accounts: *a\n"
        let (scenario, errors) = ScenarioParser.parse(file: "x.yaml", text: text)
        #expect(scenario == nil)
        #expect(errors.map(\.description) == ["x.yaml:4:8: error: YAML anchors and aliases (& and *) are not allowed in scenarios"])
    }

    @Test func aMissingFileOrNameSaysWhat() {
        #expect(library.load("nope").failureDescription?.contains("bundled: board, celebrity, startup, twitter-2013") == true)
        #expect(library.load("/no/such/file.yaml").failureDescription == "/no/such/file.yaml: no such file")
    }

    @Test func reportsListInputsWithSourcesAndDerivedWithFormulas() throws {
        let board = try library.load("board").get()
        let table = ScenarioReport.table(board)
        #expect(table.contains("peak_write_qps        3,600 writes/s      DAU × posts/day ÷ 86,400 × peak factor"))
        #expect(table.contains("the board: database capacity 10K writes/sec"))
        let json = ScenarioReport.json(try board.setting(["dau=400M"]), changed: ["dau"])
        #expect(json.contains("\"changed\": true"))
        #expect(json.contains("\"value\": 7200"))
    }
}

extension Result {
    var failureDescription: String? {
        if case let .failure(error) = self { return "\(error)" }
        return nil
    }
}
