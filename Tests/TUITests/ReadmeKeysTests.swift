import Testing
@testable import TUI

@Suite struct ReadmeKeysTests {
    /// The README's key table is the keymap's; regenerate it with
    /// `swift test --filter ReadmeKeys` after WRITE_README_KEYS=1.
    @Test func readmeListsExactlyTheKeymap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = "<!-- keys:begin -->\n", end = "<!-- keys:end -->"
        let table = Keymap.markdownTable() + "\n"
        guard let b = text.range(of: begin), let e = text.range(of: end, range: b.upperBound..<text.endIndex) else {
            Issue.record("README.md has no keys:begin/keys:end markers")
            return
        }
        let current = String(text[b.upperBound..<e.lowerBound])
        if current != table, ProcessInfo.processInfo.environment["WRITE_README_KEYS"] == "1" {
            try (String(text[..<b.upperBound]) + table + String(text[e.lowerBound...])).write(to: readme, atomically: true, encoding: .utf8)
        }
        #expect(current == table, "README key table differs from Keymap.bindings (WRITE_README_KEYS=1 swift test --filter ReadmeKeys)")
    }

    @Test func readmeGivesTheSmallestSizeTheTrainerDraws() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains("at any terminal size from \(Layout.minimum.cols)x\(Layout.minimum.rows) up"))
    }
}

import Foundation
