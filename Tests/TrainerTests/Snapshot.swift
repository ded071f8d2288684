import Foundation
import Testing

/// Compares text with `Snapshots/<name>` beside this file. A missing snapshot
/// is written and the test fails (review it, then run again); with
/// `RECORD_SNAPSHOTS=1` every compared snapshot is rewritten and fails once.
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let stored = (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) }
    if !record, let stored {
        if stored != text {
            Issue.record("snapshot \(name) differs:\n\(lineDiff(stored, text))", sourceLocation: sourceLocation)
        }
        return
    }
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    do { try Data(text.utf8).write(to: file) } catch {
        Issue.record("cannot record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        return
    }
    Issue.record("recorded snapshot \(name); review it and run again", sourceLocation: sourceLocation)
}

/// The lines that differ, as `-stored` / `+actual` with line numbers.
func lineDiff(_ stored: String, _ actual: String) -> String {
    let a = stored.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
    var out: [String] = []
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? a[i] : nil, y = i < b.count ? b[i] : nil
        guard x != y else { continue }
        if let x { out.append("\(i + 1) -\(x)") }
        if let y { out.append("\(i + 1) +\(y)") }
    }
    return out.joined(separator: "\n")
}
