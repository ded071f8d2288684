import Foundation
import Glibc
import Testing

/// A lesson folder built to attack the terminal (escapes in every field, in
/// the body, in file names, C1 controls, bytes that are not UTF-8): every
/// subcommand run over it writes no control byte to standard output or error.
@Suite struct HostileContentTests {
    /// OSC 52 (clipboard), cursor report, OSC 0 (title), OSC 8 (link), C1 CSI.
    static let attacks = [#"\e]52;c;aGVsbG8=\a"#, #"\e[6n"#, #"\e]0;pwned\a"#, #"\e]8;;http://x\e\\"#, #"\x9b6n"#, #"\N"#]

    /// The same as raw text (for the body and file names).
    static let rawAttacks = ["\u{1B}]52;c;aGVsbG8=\u{07}", "\u{1B}[6n", "\u{1B}]0;pwned\u{07}", "\u{9B}6n", "\u{7F}"]

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wb-hostile-\(UUID().uuidString)")
    var lessons: URL { root.appendingPathComponent("lessons") }

    init() throws {
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        let e = Self.attacks
        // Every field quoted with YAML escapes: they decode to ESC, BEL, CSI, NEL.
        let escaped = """
            ---
            id: "evil\(e[0])"
            minutes: "48-50\(e[1])"
            title: "Title \(e[2])"
            calculator: "cdn\(e[3])"
            parameters:
              "transfer_tb\(e[4])": "3000\(e[0])"
            claims:
              - id: "c1\(e[1])"
                text: "Claim \(e[0]) text \(e[4])"
                result: "no_cdn.total\(e[2])"
                stated: "320000\(e[1])"
                unit: "$/month\(e[0])"
                why: "Why \(e[5])"
            prompts:
              short: "Short \(e[0])"
              long: "Long \(e[4])"
            checklist:
              - "Item \(e[2])"
            estimate:
              result: "no_cdn.total\(e[0])"
              question: "Question \(e[1])"
            "unknown\(e[0])": 1
            ---
            Body \(e[0]) as typed, not decoded.
            """
        try write("01-escaped.md", escaped)
        // Raw control characters in the front matter and the body, and in the name.
        let raw = Self.rawAttacks
        try write("02-raw\(raw[0]).md", "---\nid: raw\nminutes: \"50\"\ntitle: \"T \(raw[1])\"\n---\nBody \(raw[0]) \(raw[3]) \(raw[4])\n")
        try write("03-body\(raw[2]).md", "---\nid: body-only\nminutes: \"50\"\ntitle: Fine\n---\n# Heading \(raw[3])\ntext \(raw[0])\n")
        // Names that are not UTF-8, and a file whose text is not UTF-8.
        try writeBytes(Array("04-".utf8) + [0xFF, 0x9B, 0x1B] + Array("[6n.md".utf8), Array("---\nid: x\n---\n".utf8))
        try writeBytes(Array("05-latin1.md".utf8), Array("---\nid: latin\nminutes: \"50\"\ntitle: caf".utf8) + [0xE9, 0x1B] + Array("\n---\n".utf8))
        // A good lesson beside them still loads.
        try write("06-good.md", "---\nid: good\nminutes: \"50\"\ntitle: A good lesson\n---\nPlain text.\n")
    }

    func write(_ name: String, _ text: String) throws {
        try writeBytes(Array(name.utf8), Array(text.utf8))
    }

    func writeBytes(_ name: [UInt8], _ bytes: [UInt8]) throws {
        let path = Array(lessons.path.utf8) + [UInt8(ascii: "/")] + name
        let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count)
    }

    /// The binary's raw output bytes (stdout and stderr), with its status.
    func run(_ arguments: [String]) throws -> (out: [UInt8], err: [UInt8], status: Int32) {
        let executable = try #require(binary, "no whiteboard binary beside the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.currentDirectoryURL = root
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let out = try TemporaryFile(), err = try TemporaryFile()
        process.standardOutput = out.handle
        process.standardError = err.handle
        try process.run()
        process.waitUntilExit()
        return (Array(try Data(contentsOf: out.url)), Array(try Data(contentsOf: err.url)), process.terminationStatus)
    }

    /// Offsets of control bytes a terminal would act on: C0 but newline and
    /// tab, DEL, C1 as UTF-8 (C2 80–9F), and raw 0x80–0x9F/0xFF bytes outside
    /// a well-formed character.
    static func controlBytes(_ bytes: [UInt8]) -> [Int] {
        var found: [Int] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 && b != 0x0A && b != 0x09 || b == 0x7F { found.append(i) }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append(i) }
            i += 1
        }
        if String(validating: bytes, as: UTF8.self) == nil { found.append(-1) }
        return found
    }

    func expectClean(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (out: String, err: String, status: Int32) {
        let r = try run(arguments)
        #expect(Self.controlBytes(r.out) == [], "stdout of \(arguments)", sourceLocation: sourceLocation)
        #expect(Self.controlBytes(r.err) == [], "stderr of \(arguments)", sourceLocation: sourceLocation)
        return (String(decoding: r.out, as: UTF8.self), String(decoding: r.err, as: UTF8.self), r.status)
    }

    @Test func everySubcommandWritesNoControlByte() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = lessons.path
        let lint = try expectClean(["lint", dir])
        #expect(lint.status == 65)
        // Each attack is reported where it is, and shown visibly.
        #expect(lint.out.contains("01-escaped.md:2:5: error: control character U+001B (ESC) in a value"))
        #expect(lint.out.contains("control character U+009B (CSI) in a value"))
        #expect(lint.out.contains("control character U+0085 (C1 control) in a value"))
        #expect(lint.out.contains("02-raw^[]52;c;aGVsbG8=^G.md:4:11: error: control character U+001B (ESC) in the text"))
        #expect(lint.out.contains("03-body^[]0;pwned^G.md:6:11: error: control character U+009B (CSI) in the text"))
        #expect(lint.out.contains(#"04-\xff\x9b^[[6n.md:2:1: error: missing field"#))
        #expect(lint.out.contains("05-latin1.md:4:11: error: not UTF-8 text"))
        for arguments in [
            ["audit", "--lessons", dir], ["audit", "--lessons", dir, "--format", "json"],
            ["drill", "--list", "--all", "--lessons", dir], ["drill", "--list", "--lessons", dir, "--format", "json"],
            ["drill", "--lessons", dir, "--export-csv", root.appendingPathComponent("x\u{1B}[6n.csv").path],
            ["drill", "--lessons", dir],
            ["history"], ["calibration"], ["calibration", "--format", "json"],
            ["--lessons", dir], ["train", "--lessons", dir + "/missing\u{1B}]52;c;eA==\u{07}"],
            ["lint", dir + "/01-escaped.md\u{1B}]0;t\u{07}"],
            ["calc", "cdn\u{1B}]52;c;eA==\u{07}"], ["calc", "cdn", "--set", "transfer_tb=1\u{1B}[6n"],
            ["calc", "cdn", "--set", "transfer\u{9B}6n=1"], ["calc", "cdn", "--format", "json", "--set", "origin_price=\u{1B}"],
            ["calc", "cdn", "--solve", "x\u{1B}[6n=1", "--for", "y\u{07}"], ["calc", "cdn", "--sensitivity", "q\u{1B}]0;t\u{07}"],
            ["calc", "--bogus\u{1B}]0;t\u{07}"], ["audit", "--format", "\u{1B}[6n"],
        ] {
            _ = try expectClean(arguments)
        }
        // The good lesson loads beside the bad ones.
        let audit = try expectClean(["drill", "--list", "--all", "--lessons", dir])
        #expect(audit.err.contains("06-good.md") == false)
    }

    @Test func theJSONOutputStaysValidAndDecodesToTheSameText() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try expectClean(["calc", "cdn", "--format", "json"])
        #expect(r.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil)
    }
}
