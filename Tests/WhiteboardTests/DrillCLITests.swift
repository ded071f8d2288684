import Foundation
import Testing
import Trainer

/// `whiteboard drill`, `calibration` and `history` against a history database
/// in a temporary data folder, answers piped on standard input.
@Suite struct DrillCLITests {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("wb-data-\(UUID().uuidString)")

    func run(_ arguments: [String], input: String = "") throws -> Run {
        let executable = try #require(binary, "no whiteboard binary beside the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = data.path
        environment["XDG_STATE_HOME"] = data.appendingPathComponent("state").path
        environment["TZ"] = "UTC"
        process.environment = environment
        let stdin = try TemporaryFile()
        try Data(input.utf8).write(to: stdin.url)
        process.standardInput = try FileHandle(forReadingFrom: stdin.url)
        let out = try TemporaryFile(), err = try TemporaryFile()
        process.standardOutput = out.handle
        process.standardError = err.handle
        try process.run()
        process.waitUntilExit()
        return Run(stdout: try out.text(), stderr: try err.text(), status: process.terminationStatus)
    }

    @Test func aDrillAsksRecordsAndReschedules() throws {
        defer { try? FileManager.default.removeItem(at: data) }
        let before = try run(["drill", "--list", "--format", "json"])
        #expect(before.status == 0, "\(before.stderr)")
        let root = try #require(before.json as? [String: Any])
        let due = try #require(root["due"] as? Int)
        #expect(due >= 10)

        // Two questions: a wild guess, then Enter (revealed: a miss).
        let drill = try run(["drill", "--count", "2", "--seed", "5"], input: "1\n\n")
        #expect(drill.status == 0, "\(drill.stderr)")
        #expect(drill.stdout.contains("[1/2] "))
        #expect(drill.stdout.contains("[2/2] "))
        #expect(drill.stdout.contains("revealed without a guess"))
        #expect(drill.stdout.hasSuffix("Drill done: 0 good, 0 fair, 2 off.\n") || drill.stdout.contains("Drill done: "))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("whiteboard/history.sqlite").path))

        let after = try run(["drill", "--list"])
        let missed = after.stdout.split(separator: "\n").filter { $0.contains("missed ") }
        #expect(missed.count == 2, "\(after.stdout)")

        let csv = data.appendingPathComponent("missed.csv")
        let export = try run(["drill", "--export-csv", csv.path])
        #expect(export.status == 0)
        #expect(export.stdout == "Wrote 2 missed items to \(csv.path).\n")
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.hasPrefix("#separator:Comma\n#html:true\n"))

        let history = try run(["history"])
        #expect(history.status == 0)
        #expect(history.stdout.contains("drill"), "\(history.stdout)")
    }

    @Test func badCountIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: data) }
        let r = try run(["drill", "--count", "0"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--count must be 1 … 100 (got 0)"))
    }

    // MARK: calibration

    /// Writes attempts straight into the history database the binary reads.
    func seed(_ attempts: [AttemptRecord]) throws {
        let path = data.appendingPathComponent("whiteboard/history.sqlite").path
        let opened = HistoryDatabase.open(at: path)
        let db = try #require(opened.database, "\(opened.notices)")
        defer { db.close() }
        for a in attempts { try db.record(a) }
    }

    /// 2023-11-14 22:13:20 UTC plus `day` days.
    func attempt(_ session: String, _ lesson: String, _ kind: QuantityKind, guess: Double?, truth: Double,
                 day: Double) -> AttemptRecord {
        AttemptRecord(sessionID: session, lessonID: lesson, resultKey: "r", question: "q", kind: kind, unit: "",
                      truth: truth, guess: guess, parameters: [:], secondsTaken: 5, date: 1_700_000_000 + day * 86_400)
    }

    /// Money guessed 3× low and 3× low in one session, 2× and 4.5× low in the
    /// next (and once revealed without a guess); percentages 12 points high;
    /// times within 1.25× either way.
    var fixed: [AttemptRecord] {
        [
            attempt("s1", "bill", .money, guess: 100, truth: 300, day: 0),
            attempt("s1", "cdn", .money, guess: 1_000, truth: 3_000, day: 0),
            attempt("s2", "cdn", .money, guess: 50, truth: 100, day: 1),
            attempt("s2", "bill", .money, guess: 200, truth: 900, day: 1),
            attempt("s2", "bill", .money, guess: nil, truth: 900, day: 1),
            attempt("s1", "hit", .percent, guess: 0.72, truth: 0.60, day: 0),
            attempt("s2", "hit", .percent, guess: 0.42, truth: 0.30, day: 1),
            attempt("s2", "lag", .latency, guess: 110, truth: 100, day: 1),
            attempt("s2", "lag", .latency, guess: 95, truth: 100, day: 1),
        ]
    }

    @Test func calibrationTableOnFixedAttempts() throws {
        defer { try? FileManager.default.removeItem(at: data) }
        try seed(fixed)
        let r = try run(["calibration", "--ascii"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        // money: log10 errors −log 3, −log 3, −log 2, −log 4.5: median −log 3 (3× low);
        // quartiles −0.521 and −0.433: half the IQR 0.044 (±1.1×). Times: 1.1× and 0.95×, no clear bias.
        #expect(r.stdout == """
            money: you underestimate money by 3× · spread ±1.1× · 4 attempts in 2 sessions, and 1 not measured (revealed, or a zero)
                                             low|high
              2023-11-14 22:13  ################|                  3× low (2)
              2023-11-15 22:13  ################|                  3× low (2)
              pulling most: bill/r 3.7× low (2), cdn/r 2.4× low (2)

            latency: no clear bias on times (within 1.25×) · spread ±1.04× · 2 attempts in 1 session
                                             low|high
              2023-11-15 22:13                  |#                 within 1.25× (2)

            percent: you overestimate percentages by 12 points · spread ±0 points · 2 attempts in 2 sessions
                                             low|high
              2023-11-14 22:13                  |################  12 points high (1)
              2023-11-15 22:13                  |################  12 points high (1)
              pulling most: hit/r 12 points high (2)

            """)
    }

    @Test func calibrationJSONOnFixedAttempts() throws {
        defer { try? FileManager.default.removeItem(at: data) }
        try seed(fixed)
        let r = try run(["calibration", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            {
              "kinds": [
                {
                  "kind": "money",
                  "attempts": 4,
                  "without_ratio": 1,
                  "scale": "log10_ratio",
                  "bias": -0.4771,
                  "bias_text": "3× low",
                  "sentence": "you underestimate money by 3×",
                  "spread": 0.044,
                  "spread_text": "±1.1×",
                  "trend": [
                    {
                      "session": "s1",
                      "date": "2023-11-14T22:13:20Z",
                      "attempts": 2,
                      "bias": -0.4771
                    },
                    {
                      "session": "s2",
                      "date": "2023-11-15T22:13:20Z",
                      "attempts": 2,
                      "bias": -0.4771
                    }
                  ],
                  "pulling": [
                    {
                      "item": "bill/r",
                      "attempts": 2,
                      "bias": -0.5652
                    },
                    {
                      "item": "cdn/r",
                      "attempts": 2,
                      "bias": -0.3891
                    }
                  ]
                },
                {
                  "kind": "latency",
                  "attempts": 2,
                  "without_ratio": 0,
                  "scale": "log10_ratio",
                  "bias": 0.0096,
                  "bias_text": "within 1.25×",
                  "sentence": "no clear bias on times (within 1.25×)",
                  "spread": 0.0159,
                  "spread_text": "±1.04×",
                  "trend": [
                    {
                      "session": "s2",
                      "date": "2023-11-15T22:13:20Z",
                      "attempts": 2,
                      "bias": 0.0096
                    }
                  ],
                  "pulling": []
                },
                {
                  "kind": "percent",
                  "attempts": 2,
                  "without_ratio": 0,
                  "scale": "points",
                  "bias": 12,
                  "bias_text": "12 points high",
                  "sentence": "you overestimate percentages by 12 points",
                  "spread": 0,
                  "spread_text": "±0 points",
                  "trend": [
                    {
                      "session": "s1",
                      "date": "2023-11-14T22:13:20Z",
                      "attempts": 1,
                      "bias": 12
                    },
                    {
                      "session": "s2",
                      "date": "2023-11-15T22:13:20Z",
                      "attempts": 1,
                      "bias": 12
                    }
                  ],
                  "pulling": [
                    {
                      "item": "hit/r",
                      "attempts": 2,
                      "bias": 12
                    }
                  ]
                }
              ]
            }

            """)
        let root = try #require(r.json as? [String: Any])
        let kinds = try #require(root["kinds"] as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == ["money", "latency", "percent"])
        #expect(kinds[0]["sentence"] as? String == "you underestimate money by 3×")
        #expect(kinds[0]["attempts"] as? Int == 4)
        #expect(kinds[0]["without_ratio"] as? Int == 1)
        #expect(kinds[2]["sentence"] as? String == "you overestimate percentages by 12 points")
    }

    @Test func calibrationOnAnEmptyHistory() throws {
        defer { try? FileManager.default.removeItem(at: data) }
        let empty = "No estimates with a guess yet. Guess on a panel's estimate, or run `whiteboard drill`.\n"
        let table = try run(["calibration"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout == empty)
        let json = try run(["calibration", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == "{\n  \"kinds\": []\n}\n")
    }

    /// A drill whose only answers are reveals: missed, yet nothing to calibrate.
    @Test func calibrationAfterADrillOfRevealsOnly() throws {
        defer { try? FileManager.default.removeItem(at: data) }
        let drill = try run(["drill", "--count", "2", "--seed", "5"], input: "\n\n")
        #expect(drill.status == 0, "\(drill.stderr)")
        let r = try run(["calibration"])
        #expect(r.stdout == "No estimates with a guess yet. Guess on a panel's estimate, or run `whiteboard drill`.\n")
    }
}
