import Foundation
import Testing
@testable import Trainer

@Suite struct ExporterTests {
    let utc = TimeZone(identifier: "UTC")!

    @Test func baseNameIsBuiltFromTheClock() {
        #expect(ExportNaming.baseName(at: 1_700_000_000.9, timeZone: utc) == "whiteboard-session-20231114-221320")
        #expect(ExportNaming.baseName(at: 1_700_000_000, timeZone: TimeZone(secondsFromGMT: 3_600)!)
            == "whiteboard-session-20231114-231320")
        #expect(ExportNaming.iso8601(0) == "1970-01-01T00:00:00Z")
    }

    @Test func writesBothFilesAndNeverOverwrites() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let folder = dir.file("exports")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let s = ExportFixture.session
        let first = try Exporter.export(s, lessons: ExportFixture.lessons, to: folder, at: ExportFixture.finished, timeZone: utc)
        #expect(first == [folder + "/whiteboard-session-20231114-222500.md", folder + "/whiteboard-session-20231114-222500.json"])
        #expect(dir.read("exports/whiteboard-session-20231114-222500.md")
            == SessionExport.markdown(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished, timeZone: utc))
        #expect(dir.read("exports/whiteboard-session-20231114-222500.json")
            == SessionExport.json(s, lessons: ExportFixture.lessons, finishedAt: ExportFixture.finished))

        // Same second again: the pair moves to -2; a stray .json alone also takes -3's turn away.
        let second = try Exporter.export(s, lessons: ExportFixture.lessons, to: folder, at: ExportFixture.finished, timeZone: utc)
        #expect(second.map { Paths.name(of: $0) } == ["whiteboard-session-20231114-222500-2.md", "whiteboard-session-20231114-222500-2.json"])
        dir.write("exports/whiteboard-session-20231114-222500-3.json", "mine")
        let third = try Exporter.export(s, lessons: ExportFixture.lessons, to: folder, at: ExportFixture.finished, timeZone: utc)
        #expect(third.map { Paths.name(of: $0) } == ["whiteboard-session-20231114-222500-4.md", "whiteboard-session-20231114-222500-4.json"])
        #expect(dir.read("exports/whiteboard-session-20231114-222500-3.json") == "mine")
        #expect(dir.names("exports").count == 7)
    }

    @Test func unwritableFolderIsAnError() {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("file", "")
        let error = #expect(throws: StorageError.self) {
            try Exporter.export(ExportFixture.session, lessons: ExportFixture.lessons, to: dir.file("file/out"), at: 0)
        }
        #expect(error?.description == "cannot export to \(dir.file("file/out")): no such folder")
    }

    @Test func aMissingFolderIsReportedNotCreated() {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        #expect(throws: StorageError.self) {
            try Exporter.export(ExportFixture.session, lessons: ExportFixture.lessons, to: dir.file("typo/dir"), at: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("typo")))
    }
}
