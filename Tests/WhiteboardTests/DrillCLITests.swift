import Foundation
import Testing

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
}
