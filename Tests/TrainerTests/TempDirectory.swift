import Foundation

/// A fresh folder under the system temporary directory, removed by `cleanUp()`.
struct TempDirectory {
    let path: String

    init(_ label: String = #function) {
        let name = "whiteboard-tests-" + label.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString
        path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8))
    }

    /// Names in the folder, sorted (dot files included: a leftover temp file must show).
    func names(_ sub: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? path : file(sub))) ?? []).sorted()
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}
