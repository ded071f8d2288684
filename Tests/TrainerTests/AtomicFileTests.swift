import Foundation
import Testing
@testable import Trainer

@Suite struct AtomicFileTests {
    @Test func writesANewFileWithMode0600() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        try AtomicFile.write("hello ✓\n", to: dir.file("a.md"), overwrite: false)
        #expect(dir.read("a.md") == "hello ✓\n")
        #expect(dir.names() == ["a.md"])
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("a.md"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func overwriteReplacesAndKeepsTheMode() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("a.md", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir.file("a.md"))
        try AtomicFile.write("new", to: dir.file("a.md"), overwrite: true)
        #expect(dir.read("a.md") == "new")
        #expect(dir.names() == ["a.md"])
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("a.md"))
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test func refusesToOverwriteWhenAsked() {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("a.md", "old")
        #expect(throws: StorageError("write", dir.file("a.md"), reason: "File exists", code: EEXIST)) {
            try AtomicFile.write("new", to: dir.file("a.md"), overwrite: false)
        }
        #expect(dir.read("a.md") == "old")
        #expect(dir.names() == ["a.md"])
    }

    @Test(arguments: [false, true])
    func refusesASymlink(overwrite: Bool) throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("target", "precious")
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.md"), withDestinationPath: dir.file("target"))
        let error = #expect(throws: StorageError.self) {
            try AtomicFile.write("evil", to: dir.file("link.md"), overwrite: overwrite)
        }
        #expect(error?.description == "cannot write \(dir.file("link.md")): is a symbolic link")
        #expect(dir.read("target") == "precious")
        #expect(dir.names() == ["link.md", "target"])
    }

    @Test func refusesADanglingSymlink() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.md"), withDestinationPath: dir.file("nowhere"))
        #expect(throws: StorageError.self) { try AtomicFile.write("x", to: dir.file("link.md"), overwrite: false) }
        #expect(dir.names() == ["link.md"])
    }

    @Test func missingFolderFailsCleanly() {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("missing/a.md")
        let error = #expect(throws: StorageError.self) { try AtomicFile.write("x", to: path, overwrite: true) }
        #expect(error?.description == "cannot write \(path): No such file or directory")
        #expect(dir.names() == [])
    }

    @Test func parentIsAFileFailsCleanly() {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        dir.write("plain", "keep me")
        let path = dir.file("plain/a.md")
        let error = #expect(throws: StorageError.self) { try AtomicFile.write("x", to: path, overwrite: true) }
        #expect(error?.description == "cannot write \(path): Not a directory")
        #expect(dir.names() == ["plain"])
        #expect(dir.read("plain") == "keep me")
    }

    @Test func failedRenameRemovesTheTempFile() throws {
        // A non-empty folder appears at the path after the check: rename(2) fails.
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        var namesBeforeCommit: [String] = []
        let error = #expect(throws: StorageError.self) {
            try AtomicFile.write("x", to: dir.file("a.md"), overwrite: true) {
                namesBeforeCommit = dir.names()
                try? FileManager.default.createDirectory(atPath: dir.file("a.md"), withIntermediateDirectories: false)
                dir.write("a.md/inside", "old")
            }
        }
        #expect(namesBeforeCommit.count == 1)
        #expect(namesBeforeCommit.first?.hasPrefix(".a.md.tmp-") == true)
        #expect(error?.code == EISDIR || error?.code == ENOTEMPTY)
        #expect(dir.names() == ["a.md"])
        #expect(dir.read("a.md/inside") == "old")
    }

    @Test func lostRaceWithoutOverwriteKeepsTheOtherFile() {
        // Another writer takes the name after the check: link(2) says EEXIST, nothing is replaced.
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        let error = #expect(throws: StorageError.self) {
            try AtomicFile.write("mine", to: dir.file("a.md"), overwrite: false) { dir.write("a.md", "theirs") }
        }
        #expect(error?.isAlreadyExists == true)
        #expect(dir.read("a.md") == "theirs")
        #expect(dir.names() == ["a.md"])
    }

    @Test func refusesAFolder() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(atPath: dir.file("a.md"), withIntermediateDirectories: false)
        dir.write("a.md/inside", "old")
        let error = #expect(throws: StorageError.self) { try AtomicFile.write("x", to: dir.file("a.md"), overwrite: true) }
        #expect(error?.reason == "Is a directory")
        #expect(dir.names() == ["a.md"])
        #expect(dir.read("a.md/inside") == "old")
    }

    @Test func relativePathUsesTheCurrentFolder() {
        #expect(Paths.parent(of: "a.md") == ".")
        #expect(Paths.parent(of: "/a.md") == "/")
        #expect(Paths.parent(of: "/x/y/a.md") == "/x/y")
        #expect(Paths.name(of: "/x/y/a.md") == "a.md")
        #expect(Paths.join("/x/", "a") == "/x/a")
    }

    @Test func makeDirectoryCreatesParentsWith0700() throws {
        let dir = TempDirectory()
        defer { dir.cleanUp() }
        try Paths.makeDirectory(dir.file("a/b/c"))
        #expect(dir.names("a/b") == ["c"])
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("a/b/c"))
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        try Paths.makeDirectory(dir.file("a/b/c"))
        dir.write("f", "")
        #expect(throws: StorageError.self) { try Paths.makeDirectory(dir.file("f")) }
    }

    @Test func errorReadsAsASentence() {
        #expect(StorageError("write", "/ro/x.md", errno: EROFS).description == "cannot write /ro/x.md: Read-only file system")
    }
}
