import Foundation

/// Writes a session's Markdown and JSON side by side, never over an existing file.
public enum Exporter {
    /// Writes `whiteboard-session-YYYYMMDD-HHMMSS.md` and `.json` into
    /// `directory` (created if missing) and returns their paths. When either
    /// name is taken the pair moves on to `-2`, `-3`, …; the no-overwrite write
    /// (link, EEXIST) settles a race with another export in the same second.
    /// Whether exports can go to `directory`: checked when the trainer starts, so a typo in
    /// `--export-dir` is reported then rather than ten minutes later at `x`, and again at each export.
    /// A missing folder is an error, not something to create, and the session stays intact.
    public static func checkFolder(_ directory: String) throws(StorageError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            throw StorageError("export to", directory, reason: "no such folder", code: ENOENT)
        }
        guard isFolder.boolValue else { throw StorageError("export to", directory, reason: "not a folder", code: ENOTDIR) }
        guard access(directory, W_OK | X_OK) == 0 else { throw StorageError("export to", directory, errno: errno) }
    }

    public static func export(_ s: PracticeSession, lessons: [Lesson], to directory: String, at now: Double,
                              timeZone: TimeZone = .current) throws(StorageError) -> [String] {
        try checkFolder(directory)
        // Worked out once for both files: a visited panel's model can be a simulation.
        let summary = SessionSummary(s, lessons: lessons)
        let markdown = SessionExport.markdown(s, lessons: lessons, finishedAt: now, timeZone: timeZone, summary: summary)
        let json = SessionExport.json(s, lessons: lessons, finishedAt: now, summary: summary)
        let base = Paths.join(directory, ExportNaming.baseName(at: now, timeZone: timeZone))
        var lastError: StorageError?
        for n in 1...100 {
            let stem = n == 1 ? base : base + "-\(n)"
            if Paths.exists(stem + ".md") || Paths.exists(stem + ".json") { continue }
            do {
                try AtomicFile.write(markdown, to: stem + ".md", overwrite: false)
            } catch where error.isAlreadyExists {
                lastError = error
                continue
            }
            do {
                try AtomicFile.write(json, to: stem + ".json", overwrite: false)
            } catch {
                // Keep the pair together: the Markdown just written goes too.
                Paths.remove(stem + ".md")
                if error.isAlreadyExists { lastError = error; continue }
                throw error
            }
            return [stem + ".md", stem + ".json"]
        }
        throw lastError ?? StorageError("write", base + ".md", reason: "no free name after 100 tries")
    }
}
