import Foundation
import Testing

/// The built binary, run as a user or a script runs it: arguments in,
/// stdout, stderr and exit status out. 64 is a usage error, 65 bad lessons.
@Suite struct CLITests {
    @Test func calcPrintsTheCalculatorsTable() throws {
        let run = try whiteboard("calc", "fanout")
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("Fan-out analyzer — "))
        #expect(run.stdout.contains("\npush.writes            1,000,000 writes"))
        #expect(run.stdout.contains("\nrecommended            pull"))
    }

    @Test func calcMarksTheValuesItWasGiven() throws {
        let run = try whiteboard("calc", "fanout", "--set", "followers=50M", "--set", "active_percent=20")
        #expect(run.status == 0)
        #expect(run.stdout.contains("\nfollowers         50,000,000 followers *"))
        #expect(run.stdout.contains("\npush.writes            50,000,000 writes"))
    }

    @Test func calcSetsAChoiceByName() throws {
        let run = try whiteboard("calc", "partition", "--set", "mode=quorum", "--format", "json")
        #expect(run.status == 0)
        let root = try #require(run.json as? [String: Any])
        let parameters = try #require(root["parameters"] as? [String: [String: Any]])
        #expect(parameters["mode"]?["choice"] as? String == "quorum")
        #expect(parameters["read_quorum"] != nil)    // shown only in quorum mode
        let cp = try whiteboard("calc", "partition", "--set", "mode=cp")
        #expect(cp.status == 0)
        #expect(cp.stdout.split(separator: "\n").contains { $0.hasPrefix("mode ") && $0.contains(" CP * ") })
        let wrong = try whiteboard("calc", "partition", "--set", "mode=XP")
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("mode: \"XP\" is not one of AP, CP, quorum"))
    }

    @Test func calcJSONHasValuesAndUnits() throws {
        let run = try whiteboard("calc", "fanout", "--format", "json")
        #expect(run.status == 0)
        let root = try #require(run.json as? [String: Any])
        let results = try #require(root["results"] as? [String: [String: Any]])
        #expect(results["push.writes"]?["value"] as? Double == 1_000_000)
        #expect(results["push.writes"]?["unit"] as? String == "writes")
        #expect(results["push.write_time"]?["unit"] as? String == "s")
        #expect(results["recommended"]?["text"] as? String == "pull")
        let parameters = try #require(root["parameters"] as? [String: [String: Any]])
        #expect(parameters["followers"]?["unit"] as? String == "followers")
    }

    @Test func calcListNamesEveryCalculator() throws {
        let run = try whiteboard("calc", "--list")
        #expect(run.status == 0)
        let listed = run.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != " " }) }
        #expect(listed == calculators + ["cost"])
    }

    let calculators = ["fanout", "population", "cache", "hitrate", "storage", "cdn", "bill",
                       "debt", "partition", "staleness", "headroom", "lag", "breaker", "batching", "scenario"]

    @Test func costRunsTheFourCostModelsTogether() throws {
        let run = try whiteboard("calc", "cost", "--format", "json")
        #expect(run.status == 0)
        let list = try #require(run.json as? [[String: Any]])
        #expect(list.compactMap { $0["calculator"] as? String } == ["cache", "storage", "cdn", "bill"])
        let refused = try whiteboard("calc", "cost", "--set", "dau=1")
        #expect(refused.status == 64)
        #expect(refused.stderr == "whiteboard calc: error: cost is cache, storage, cdn, bill: set values on one of those\n")
    }

    @Test func anUnknownCalculatorIsAUsageErrorNamingTheCalculators() throws {
        let run = try whiteboard("calc", "nope")
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            whiteboard calc: error: unknown calculator "nope" (calculators: \(calculators.joined(separator: ", ")), cost)

            """)
    }

    @Test func aValueOutOfRangeNamesTheAllowedRange() throws {
        let run = try whiteboard("calc", "fanout", "--set", "followers=1e18")
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("whiteboard calc: error: followers: "))
        #expect(run.stderr.hasSuffix(" is out of range (allowed: 1 … 1B followers)\n"))
    }

    @Test func anUnknownParameterListsTheParameters() throws {
        let run = try whiteboard("calc", "fanout", "--set", "bogus=1")
        #expect(run.status == 64)
        #expect(run.stderr == """
            whiteboard calc: error: fanout has no parameter "bogus" (parameters: followers, write_capacity, \
            active_percent, read_cached_ms, read_uncached_ms, merge_ms, pull_write_ms, entry_bytes, push_below, pull_above)

            """)
    }

    @Test func anAssignmentWithoutEqualsIsAUsageError() throws {
        let run = try whiteboard("calc", "fanout", "--set", "followers")
        #expect(run.status == 64)
        #expect(run.stderr == "whiteboard calc: error: \"followers\" is not key=value\n")
    }

    /// Not even a warning: the bundled lessons say labels, never internal keys, and
    /// every checklist item can be seen by the answer check.
    @Test func lintPassesTheRepositorysLessons() throws {
        let run = try whiteboard("lint", packageRoot.appendingPathComponent("Lessons").path)
        #expect(run.status == 0)
        #expect(run.stdout == "25 lessons, no problems.\n")
        #expect(run.stderr == "")
    }

    @Test func lintPassesTheBundledLessons() throws {
        let run = try whiteboard("lint")
        #expect(run.status == 0)
        #expect(run.stdout == "25 lessons, no problems.\n")
    }

    @Test func lintWarnsOfChecklistItemsTheAnswerCheckCannotSeeAndStillPasses() throws {
        let folder = try TemporaryFolder(files: [
            "01-good.md": """
                ---
                id: good
                minutes: "50"
                title: Good
                checklist:
                  - "Plain"
                  - text: "Checked"
                    phrases: ["write amplification"]
                    numbers: ["100 s"]
                ---
                Body.

                """,
        ])
        let run = try whiteboard("lint", folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == """
            \(folder.path)/01-good.md:6:1: warning: checklist item "Plain" has no phrases: the answer check cannot tell whether notes name it (give it text, phrases and numbers, or say why not with unchecked)
            1 lessons, no problems.

            """)
    }

    @Test func lintWarnsOfAnInternalKeyInLessonText() throws {
        let folder = try TemporaryFolder(files: [
            "01-keys.md": """
                ---
                id: keys
                minutes: "42-44"
                title: Keys
                calculator: population
                ---
                Set fanout_rate to 1 and watch it.

                ```
                fanout_rate in a diagram is fine
                ```
                The fan-out rate, said by its label, is fine; so is the word delivery.
                End on delivery_target.

                """,
        ])
        let run = try whiteboard("lint", folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == """
            \(folder.path)/01-keys.md:7:5: warning: lesson text names the internal key fanout_rate: say "one post's fan-out", as the screen does
            \(folder.path)/01-keys.md:13:8: warning: lesson text names the internal key delivery_target: say "delivery target", as the screen does
            1 lessons, no problems.

            """)
    }

    @Test func lintReportsABrokenFileCompilerStyle() throws {
        let folder = try TemporaryFolder(files: [
            "01-good.md": "---\nid: good\nminutes: \"50\"\ntitle: Good\n---\nBody.\n",
            "02-broken.md": "---\nid: broken\nminutes: \"50\"\ntitle: Broken\ncalculator: fanot\n---\n",
        ])
        let run = try whiteboard("lint", folder.path)
        #expect(run.status == 65)
        #expect(run.stdout == """
            \(folder.path)/02-broken.md:5:13: error: unknown calculator "fanot" (calculators: \(calculators.joined(separator: ", ")))
            1 problem in 1 file(s).

            """)
    }

    @Test func lintOnAMissingFolderFails() throws {
        let run = try whiteboard("lint", "/nonexistent/lessons")
        #expect(run.status == 65)
        #expect(run.stdout == "/nonexistent/lessons:1:1: error: not a folder of lessons\n")
    }

    @Test func auditJSONIsValidAndExitsZero() throws {
        let run = try whiteboard("audit", "--format", "json")
        #expect(run.status == 0)
        let rows = try #require(run.json as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["holds"] is Bool && $0["lesson"] is String })
    }

    @Test func auditTableEndsWithTheCount() throws {
        let run = try whiteboard("audit")
        #expect(run.status == 0)
        let last = try #require(run.stdout.split(separator: "\n").last)
        #expect(last.contains(" claims: "))
        #expect(last.hasSuffix(" do not."))
    }

    /// The README's completion step, for each shell it names: a script that knows the
    /// subcommands and their flags, from the same definitions as `--help`.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsKnowTheSubcommands(shell: String) throws {
        let run = try whiteboard("--generate-completion-script", shell)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let marker = ["bash": "complete -o filenames -F _whiteboard whiteboard", "zsh": "#compdef whiteboard",
                      "fish": "complete -c 'whiteboard'"][shell]!
        #expect(run.stdout.contains(marker), "\(shell): \(run.stdout.prefix(300))")
        for word in ["drill", "calibration", "lint", "export-csv", "scenario"] {
            #expect(run.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    @Test func versionPrintsTheVersion() throws {
        let run = try whiteboard("--version")
        #expect(run.status == 0)
        #expect(run.stdout == "0.1.0\n")
    }

    @Test func helpListsTheSubcommands() throws {
        let run = try whiteboard("--help")
        #expect(run.status == 0)
        for command in ["train", "calc", "lint", "audit"] {
            #expect(run.stdout.contains("\n  \(command) "), "help does not list \(command)")
        }
    }

    @Test func theTrainerRefusesToRunWithoutATerminal() throws {
        let run = try whiteboard()
        #expect(run.status == 2)
        #expect(run.stderr == "whiteboard needs an interactive terminal; try 'whiteboard calc --list'\n")
    }
}

@Suite struct ScenarioCLITests {
    @Test func headroomUnderTwiceTheBoardsUsersDoublesPeakWrites() throws {
        let board = try whiteboard("calc", "headroom", "--scenario", "board", "--format", "json")
        let run = try whiteboard("calc", "headroom", "--scenario", "board", "--set-scenario", "dau=400M", "--format", "json")
        #expect(run.status == 0)
        func peak(_ r: Run) throws -> Double? {
            let root = try #require(r.json as? [String: Any])
            let parameters = try #require(root["parameters"] as? [String: [String: Any]])
            return parameters["current_qps"]?["value"] as? Double
        }
        #expect(try peak(board) == 3_600)
        #expect(try peak(run) == 7_200)
    }

    @Test func theConsistencyAuditOfTheBundledLessonsLeavesNothingUnexplained() throws {
        let table = try whiteboard("audit", "--consistency")
        #expect(table.status == 0)
        #expect(table.stdout.hasSuffix("2 differences, 0 unexplained\n"))
        let run = try whiteboard("audit", "--consistency", "--format", "json")
        #expect(run.status == 0)
        let root = try #require(run.json as? [String: Any])
        #expect(root["scenario"] as? String == "board")
        #expect(root["unexplained"] as? Int == 0)
        let differences = try #require(root["differences"] as? [[String: Any]])
        #expect(differences.map { "\($0["panel"] ?? "") \($0["parameter"] ?? "") \($0["panel_value"] ?? "")" }
            == ["fanout-one-author entry_bytes 8 B", "fanout-population posts_per_day 2.7 /day"])
        #expect(differences.allSatisfy { $0["explained"] as? Bool == true && !(($0["reason"] as? String) ?? "").isEmpty })
    }

    @Test func scenarioListsTheBundledOnes() throws {
        let run = try whiteboard("scenario", "--list")
        #expect(run.status == 0)
        for name in ["board", "twitter-2013", "startup", "celebrity"] { #expect(run.stdout.contains("\n" + name + " ")) }
    }

    @Test func scenarioShowsInputsAndDerivedValues() throws {
        let run = try whiteboard("scenario", "board", "--set", "dau=400M", "--format", "json")
        #expect(run.status == 0)
        let root = try #require(run.json as? [String: Any])
        let derived = try #require(root["derived"] as? [String: [String: Any]])
        #expect(derived["peak_write_qps"]?["value"] as? Double == 7_200)
        #expect(derived["peak_write_qps"]?["formula"] as? String == "DAU × posts/day ÷ 86,400 × peak factor")
    }

    @Test func aBadScenarioFileIsAUsageErrorWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try "name: bad\ntitle: Bad\nvalues:\n  dau:\n    value: lots\n    source: me\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try whiteboard("calc", "headroom", "--scenario", file.path)
        #expect(run.status == 64)
        #expect(run.stderr.contains(file.path + ":5:12: error: dau: \"lots\" is not a number"))
        let unknown = try whiteboard("scenario", "board", "--set", "users=1M")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no parameter \"users\""))
    }
}
