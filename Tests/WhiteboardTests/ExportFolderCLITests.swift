import Foundation
import Testing

/// `--export-dir` is checked when the trainer starts, before the terminal: a typo is
/// reported at once, not ten minutes later when `x` writes.
@Suite struct ExportFolderCLITests {
    @Test func aMissingFolderIsReportedAtStart() throws {
        let missing = "/tmp/whiteboard-no-such-folder-\(UUID().uuidString)"
        for arguments in [["--export-dir", missing], ["train", "--export-dir", missing]] {
            let run = try whiteboardRun(arguments)
            #expect(run.status == 73)
            #expect(run.stderr == "whiteboard: --export-dir: cannot export to \(missing): no such folder\n")
        }
    }

    @Test func aFileIsNotAFolder() throws {
        let file = try TemporaryFile()
        try Data("x".utf8).write(to: file.url)
        let run = try whiteboardRun(["--export-dir", file.url.path])
        #expect(run.status == 73)
        #expect(run.stderr == "whiteboard: --export-dir: cannot export to \(file.url.path): not a folder\n")
    }

    @Test func aGoodFolderGoesOnToTheTerminalCheck() throws {
        let run = try whiteboardRun(["--export-dir", NSTemporaryDirectory()])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("whiteboard needs an interactive terminal"))
    }
}
