import Foundation
import Testing

/// What one run of the built binary printed, and how it exited.
struct Run {
    let stdout: String
    let stderr: String
    let status: Int32

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}

/// The package root: this file is `Tests/WhiteboardTests/Support.swift`.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `whiteboard` binary `swift build` put beside the test bundle. On Linux
/// the bundle is an executable in the products folder; on macOS it is an
/// `.xctest` folder there. Falls back to `.build/debug` under the package.
let binary: URL? = {
    let fm = FileManager.default
    var starts = Bundle.allBundles.map(\.bundleURL) + [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap { $0 }
    starts.append(packageRoot.appendingPathComponent(".build/debug/x"))
    for start in starts {
        var folder = start
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("whiteboard")
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
    }
    return nil
}()

/// Runs the binary with fixed terminal settings and no input.
func whiteboard(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
    try whiteboardRun(arguments, sourceLocation: sourceLocation)
}

/// `whiteboard(…)` with the arguments as an array.
func whiteboardRun(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
    let executable = try #require(binary, "no whiteboard binary beside the tests: run 'swift build' first",
                                  sourceLocation: sourceLocation)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["COLUMNS"] = "100"
    process.environment = environment
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    // Files, not pipes: a full pipe would block the child while we wait.
    let out = try TemporaryFile(), err = try TemporaryFile()
    process.standardOutput = out.handle
    process.standardError = err.handle
    try process.run()
    process.waitUntilExit()
    return Run(stdout: try out.text(), stderr: try err.text(), status: process.terminationStatus)
}

/// A file in the temporary folder, removed when the value goes away.
final class TemporaryFile {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("whiteboard-\(UUID().uuidString)")
    let handle: FileHandle

    init() throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    func text() throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}

/// A folder of lesson files for one test, removed afterwards.
final class TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")

    init(files: [String: String]) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    var path: String { url.path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
