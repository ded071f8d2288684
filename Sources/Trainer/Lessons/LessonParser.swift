import Calculators
import Yams

/// Reads one lesson file: YAML front matter between `---` lines, then the body.
/// Collects every problem it finds, each with its file, line and column, rather
/// than stopping at the first: `whiteboard lint` lists them all at once.
public enum LessonParser {
    static let fields = ["id", "minutes", "title", "calculator", "parameters", "claims", "prompts", "checklist", "estimate"]
    static let claimFields = ["id", "text", "result", "stated", "unit", "tolerance", "why"]

    /// The lesson, or nil when it has errors; the errors in file order.
    public static func parse(file: String, text: String) -> (lesson: Lesson?, errors: [LessonError]) {
        var errors: [LessonError] = []
        func fail(_ line: Int, _ column: Int, _ message: String) {
            errors.append(LessonError(file: file, line: line, column: column, message))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first?.trimmed == "---" else {
            fail(1, 1, "missing front matter: the file must start with a line \"---\"")
            return (nil, errors)
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" }) else {
            fail(1, 1, "front matter is not closed: add a line \"---\" after it")
            return (nil, errors)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        // YAML marks are 1-based within the front matter, which starts on line 2.
        let offset = 1

        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: yaml)
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
            var reader = FieldReader(file: file, offset: offset)
            let lesson = reader.lesson(map, body: BodyParser.parse(Array(lines[(close + 1)...])))
            errors += reader.errors
            return (errors.isEmpty ? lesson : nil, errors)
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

    static func locate(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return (mark.line, mark.column, problem + (context.map { " " + $0.text } ?? ""))
        case let .reader(problem, _, _, _):
            return (1, 1, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return (1, 1, "\(error)")
        }
    }
}
