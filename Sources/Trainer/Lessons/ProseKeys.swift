import Calculators

extension LessonWarning {
    /// Lesson text that names a calculator's internal key (`fanout_rate`, `writes.rejected`)
    /// where the screen shows a label ("fan-out rate"): each such word, at its line of the file.
    /// Only keys that cannot be ordinary words (with `_` or `.`) are looked for, and only in the
    /// lesson's body, outside fenced blocks (a diagram may quote a key on purpose).
    public static func internalKeys(_ lesson: Lesson, text: String) -> [LessonWarning] {
        guard let name = lesson.calculator, let calculator = Registry.named(name) else { return [] }
        var labels: [String: String] = [:]
        for p in calculator.parameters { labels[p.key] = p.label }
        for r in calculator.evaluate(lesson.startingInputs() ?? calculator.defaults).results { labels[r.key] = r.label }
        let keys = labels.keys.filter { $0.contains("_") || $0.contains(".") }
        guard !keys.isEmpty else { return [] }
        var out: [LessonWarning] = []
        var fences = 0, fenced = false
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingPrefix(while: \.isWhitespace)
            // The front matter runs between the first two `---` lines.
            if fences < 2 { if trimmed.hasPrefix("---") { fences += 1 }; continue }
            if trimmed.hasPrefix("```") { fenced.toggle(); continue }
            if fenced { continue }
            for key in keys.sorted() {
                for column in Self.wordColumns(of: key, in: String(line)) {
                    out.append(LessonWarning(file: lesson.file, line: i + 1, column: column,
                                             "lesson text names the internal key \(key): say \"\(labels[key] ?? key)\", as the screen does"))
                }
            }
        }
        return out.sorted { ($0.point.line, $0.point.column) < ($1.point.line, $1.point.column) }
    }

    /// The 1-based columns where `word` stands alone in `line` (not inside a longer key).
    static func wordColumns(of word: String, in line: String) -> [Int] {
        let chars = Array(line), target = Array(word)
        guard target.count <= chars.count else { return [] }
        func isKeyCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        var out: [Int] = []
        for start in 0...(chars.count - target.count) where Array(chars[start..<start + target.count]) == target {
            let end = start + target.count
            let before = start > 0 ? chars[start - 1] : " ", after = end < chars.count ? chars[end] : " "
            // A key ends a sentence with a full stop; "writes.rejected.x" would be another key.
            let afterIsKey = isKeyCharacter(after) || (after == "." && end + 1 < chars.count && isKeyCharacter(chars[end + 1]))
            if !isKeyCharacter(before), before != ".", !afterIsKey { out.append(start + 1) }
        }
        return out
    }
}
