import Calculators
import Yams

/// Reads one lesson file: YAML front matter between `---` lines, then the body.
/// Collects every problem it finds, each with its file, line and column, rather
/// than stopping at the first: `whiteboard lint` lists them all at once.
public enum LessonParser {
    static let fields = ["id", "minutes", "title", "calculator", "parameters", "departures", "claims", "prompts", "checklist", "estimate"]
    static let checklistFields = ["text", "phrases", "numbers", "unchecked"]
    static let claimFields = ["id", "text", "result", "stated", "unit", "tolerance", "why", "most_sensitive", "break_even", "bound"]

    /// The lesson, or nil when it has errors; the errors in file order.
    public static func parse(file: String, text: String) -> (lesson: Lesson?, errors: [LessonError]) {
        var errors: [LessonError] = []
        func fail(_ line: Int, _ column: Int, _ message: String) {
            errors.append(LessonError(file: file, line: line, column: column, message))
        }
        // "\r\n" is one Character, so splitting on "\n" alone would keep a
        // Windows file in one line.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard lines.first?.trimmed == "---" else {
            fail(1, 1, "missing front matter: the file must start with a line \"---\"")
            return (nil, errors)
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" }) else {
            fail(1, 1, "front matter is not closed: add a line \"---\" after it")
            return (nil, errors)
        }
        // A control character (ESC, BEL, C1) in a lesson is refused wherever it
        // is: shown or not, such a file is built to write to someone's terminal.
        var frontMatterControls = false
        for (i, line) in lines.enumerated() {
            guard let (column, scalar) = VisibleText.firstControl(in: line, allowingTab: true) else { continue }
            fail(i + 1, column, "control character \(VisibleText.name(scalar)) in the text: lessons may not hold control characters")
            if i <= close { frontMatterControls = true }
        }
        if frontMatterControls { return (nil, errors) }
        let yaml = lines[1..<close].joined(separator: "\n")
        // YAML marks are 1-based within the front matter, which starts on line 2.
        let offset = 1

        // Yams hashes every mapping key while composing, so an alias used as a
        // key (`? *deep`) expands before the tree can be checked: refuse first.
        if let (line, column) = Self.firstAliasedAnchor(yaml) {
            fail(line + offset, column, "YAML anchors and aliases (& and *) are not allowed in lessons")
            return (nil, errors)
        }

        let parser: Parser
        let root: Node?
        do {
            // The basic resolver tags every scalar a string: the fields are read as text
            // and numbers parsed by `NumberParser`, so the default resolver's tags
            // (bool, int, float, null, timestamp) were never used, and its regular
            // expressions cost more than the rest of the parse, ICU's start included.
            parser = try Parser(yaml: yaml, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            let (line, column, problem) = Self.locate(error)
            fail(line + offset, column, "YAML: \(problem)")
            return (nil, errors)
        } catch {
            fail(1 + offset, 1, "YAML: \(error)")
            return (nil, errors)
        }
        // The parser owns the anchors; keep it alive while the tree is checked.
        return withExtendedLifetime(parser) {
            guard let root, let map = root.mapping else {
                fail(1 + offset, 1, "front matter must be a mapping of fields (id: …, title: …)")
                return (nil, errors)
            }
            if let anchored = Self.firstAnchorOrAlias(root) {
                fail(line(anchored, offset), column(anchored), "YAML anchors and aliases (& and *) are not allowed in lessons")
                return (nil, errors)
            }
            for node in Self.scalarsWithControls(root) {
                let scalar = node.scalar.flatMap { $0.string.unicodeScalars.first { VisibleText.isControl($0) && $0 != "\n" && $0 != "\t" } }
                fail(line(node, offset), column(node),
                     "control character \(scalar.map(VisibleText.name) ?? "") in a value (written as an escape such as \\e or \\x1b): lessons may not hold control characters")
            }
            var reader = FieldReader(file: file, offset: offset)
            let bodyLines = Array(lines[(close + 1)...])
            let lesson = reader.lesson(map, body: BodyParser.parse(bodyLines))
            errors += reader.errors
            errors += Self.checkBody(bodyLines, firstLine: close + 2, file: file)
            return (errors.isEmpty ? lesson : nil, errors)
        }
    }

    /// Fenced blocks are drawn verbatim, so they must close and fit a pane.
    static let maxFenceWidth = 60

    static func checkBody(_ lines: [Substring], firstLine: Int, file: String) -> [LessonError] {
        var errors: [LessonError] = []
        var openedAt: Int?
        for (i, line) in lines.enumerated() {
            let number = firstLine + i
            if line.trimmed.hasPrefix("```") {
                openedAt = openedAt == nil ? number : nil
            } else if openedAt != nil, line.count > maxFenceWidth {
                errors.append(LessonError(file: file, line: number, column: maxFenceWidth + 1,
                                          "fenced line is \(line.count) columns wide (at most \(maxFenceWidth), it is drawn verbatim)"))
            }
        }
        if let openedAt {
            errors.append(LessonError(file: file, line: openedAt, column: 1, "fenced block is never closed (add a line ```)"))
        }
        return errors
    }

    /// Every scalar (key or value) whose text holds a control character other
    /// than newline and tab, in document order. YAML's double-quoted escapes
    /// (`"\e"`, `"\x9b"`, `"\u001b"`, `"\N"`) make them from plain text.
    static func scalarsWithControls(_ node: Node) -> [Node] {
        switch node {
        case let .scalar(s):
            return s.string.unicodeScalars.contains { VisibleText.isControl($0) && $0 != "\n" && $0 != "\t" } ? [node] : []
        case let .mapping(m):
            return m.flatMap { scalarsWithControls($0.key) + scalarsWithControls($0.value) }
        case let .sequence(items):
            return items.flatMap(scalarsWithControls)
        case .alias:
            return []
        }
    }

    static func line(_ node: Node, _ offset: Int) -> Int { (node.mark?.line ?? 1) + offset }
    static func column(_ node: Node) -> Int { node.mark?.column ?? 1 }

    /// Depth-first, stopping at the first anchored node so a "billion laughs"
    /// file is refused before anything walks its expansion.
    static func firstAnchorOrAlias(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case let .mapping(m):
            for (k, v) in m {
                if let found = firstAnchorOrAlias(k) ?? firstAnchorOrAlias(v) { return found }
            }
        case let .sequence(s):
            for item in s { if let found = firstAnchorOrAlias(item) { return found } }
        case .alias:
            return node
        case .scalar:
            break
        }
        return nil
    }

    /// The 1-based line and column of the first `&name` that some `*name`
    /// refers to. libyaml names are letters, digits, `-` and `_`, so the text
    /// holds both tokens literally; a lone anchor is caught on the tree.
    static func firstAliasedAnchor(_ yaml: String) -> (Int, Int)? {
        // Most files have no alias at all: a scan of the bytes says so without splitting lines.
        guard Self.mayHold(UInt8(ascii: "*"), yaml), Self.mayHold(UInt8(ascii: "&"), yaml) else { return nil }
        func names(after marker: Character) -> [(name: Substring, line: Int, column: Int)] {
            var found: [(Substring, Int, Int)] = []
            for (i, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let at = rest.firstIndex(of: marker) {
                    let tail = line[line.index(after: at)...]
                    let name = tail.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                    if !name.isEmpty { found.append((name, i + 1, line[..<at].unicodeScalars.count + 1)) }
                    rest = tail
                }
            }
            return found
        }
        let aliases = Set(names(after: "*").map(\.name))
        return names(after: "&").first { aliases.contains($0.name) }.map { ($0.line, $0.column) }
    }

    /// False when no `marker` in `yaml` is followed by a name's first character (an ASCII
    /// letter, digit, `-` or `_`), so it names nothing; true when one may.
    private static func mayHold(_ marker: UInt8, _ yaml: String) -> Bool {
        var afterMarker = false
        for byte in yaml.utf8 {
            if afterMarker, (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x5F {
                return true
            }
            afterMarker = byte == marker
        }
        return false
    }

    static func locate(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return (mark.line, mark.column, problem + (context.map { " " + $0.text } ?? ""))
        case let .reader(problem, offset, _, yaml):
            // A control character (an ESC in a title) is found by offset, not mark.
            guard let offset, let end = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
                return (1, 1, problem)
            }
            let before = yaml[..<end]
            let lineStart = before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex
            return (before.count { $0 == "\n" } + 1, before[lineStart...].unicodeScalars.count + 1, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return (1, 1, "\(error)")
        }
    }
}
