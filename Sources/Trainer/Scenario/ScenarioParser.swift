import Calculators
import Yams

/// Reads a scenario file: YAML with the lesson files' rules (every problem
/// with file:line:column, ranges named, no anchors or aliases).
///
///     name: board
///     title: "The board's news feed at 200M DAU"
///     values:
///       dau:
///         value: 200M
///         source: "the board's cost estimate is for 200M DAU"
///       price_s3:
///         value: 0.023
///         source: "S3 Standard, first 50 TB (FACTS.md 1a, A1)"
///         date: 2026-09-03
///
/// An input the file leaves out keeps the board's value. Every value states
/// its source; a price (`price_…`) also its date.
public enum ScenarioParser {
    static let fields = ["name", "title", "about", "values"]
    static let valueFields = ["value", "source", "date"]

    public static func parse(file: String, text: String) -> (scenario: Scenario?, errors: [LessonError]) {
        var errors: [LessonError] = []
        func fail(_ line: Int, _ column: Int, _ message: String) {
            errors.append(LessonError(file: file, line: line, column: column, message))
        }
        func fail(_ node: Node?, _ message: String) {
            fail(node?.mark?.line ?? 1, node?.mark?.column ?? 1, message)
        }
        // A control character (ESC, BEL, C1) is refused wherever it is, as in lessons:
        // a scenario's title and sources reach the screen and every report.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (i, line) in lines.enumerated() {
            guard let (column, scalar) = VisibleText.firstControl(in: line, allowingTab: true) else { continue }
            fail(i + 1, column, "control character \(VisibleText.name(scalar)) in the text: scenarios may not hold control characters")
        }
        if !errors.isEmpty { return (nil, errors) }
        if let (line, column) = LessonParser.firstAliasedAnchor(text) {
            fail(line, column, "YAML anchors and aliases (& and *) are not allowed in scenarios")
            return (nil, errors)
        }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            let (line, column, problem) = LessonParser.locate(error)
            fail(line, column, "YAML: \(problem)")
            return (nil, errors)
        } catch {
            fail(1, 1, "YAML: \(error)")
            return (nil, errors)
        }
        return withExtendedLifetime(parser) {
            guard let root, let map = root.mapping else {
                fail(1, 1, "a scenario must be a mapping (name: …, title: …, values: …)")
                return (nil, errors)
            }
            if let anchored = LessonParser.firstAnchorOrAlias(root) {
                fail(anchored, "YAML anchors and aliases (& and *) are not allowed in scenarios")
                return (nil, errors)
            }
            for node in LessonParser.scalarsWithControls(root) {
                let scalar = node.scalar.flatMap { $0.string.unicodeScalars.first { VisibleText.isControl($0) && $0 != "\n" && $0 != "\t" } }
                fail(node, "control character \(scalar.map(VisibleText.name) ?? "") in a value (written as an escape such as \\e or \\x1b): "
                     + "scenarios may not hold control characters")
            }
            if !errors.isEmpty { return (nil, errors) }
            for (key, _) in map where !fields.contains(key.string ?? "") {
                fail(key, "unknown field \"\(key.string ?? "?")\" in a scenario (allowed: \(fields.joined(separator: ", ")))")
            }
            func text(_ key: String, required: Bool) -> String? {
                guard let (k, v) = map.first(where: { $0.key.string == key }).map({ ($0.key, $0.value) }) else {
                    if required { fail(root, "missing field \"\(key)\"") }
                    return nil
                }
                guard case let .scalar(s) = v, !s.string.isEmpty else { fail(v, "\"\(key)\" must be text"); _ = k; return nil }
                return s.string
            }
            let name = text("name", required: true)
            if let name, name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
                fail(map.first { $0.key.string == "name" }?.value, "name \"\(name)\" may use only lowercase letters, digits and hyphens")
            }
            let title = text("title", required: true)
            _ = text("about", required: false)

            let model = ScenarioModel()
            var values = model.defaults
            var sources: [String: Scenario.Source] = [:]
            if let node = map.first(where: { $0.key.string == "values" })?.value {
                if let entries = node.mapping {
                    for (k, v) in entries {
                        let key = k.string ?? "?"
                        guard let parameter = model.parameter(key) else {
                            fail(k, "a scenario has no input \"\(key)\" (inputs: \(model.parameters.map(\.key).joined(separator: ", ")))")
                            continue
                        }
                        guard let entry = v.mapping else {
                            fail(v, "\(key) must be a mapping with \"value\" and \"source\"")
                            continue
                        }
                        for (f, _) in entry where !valueFields.contains(f.string ?? "") {
                            fail(f, "unknown field \"\(f.string ?? "?")\" in \(key) (allowed: \(valueFields.joined(separator: ", ")))")
                        }
                        func field(_ name: String) -> Node? { entry.first { $0.key.string == name }?.value }
                        if let valueNode = field("value") {
                            if let raw = valueNode.scalar?.string {
                                do throws(ParameterError) { try values.set(key, try parameter.parse(raw)) } catch { fail(valueNode, error.description) }
                            } else {
                                fail(valueNode, "\(key): value must be a number (allowed: \(parameter.rangeDescription))")
                            }
                        } else {
                            fail(v, "\(key) is missing \"value\"")
                        }
                        var sourceText: String?
                        if let s = field("source") {
                            if let t = s.scalar?.string, !t.isEmpty { sourceText = t } else { fail(s, "\(key): source must be text") }
                        } else {
                            fail(v, "\(key) is missing \"source\": say where the value comes from")
                        }
                        var date: String?
                        if let d = field("date") {
                            if let t = d.scalar?.string, !t.isEmpty { date = t } else { fail(d, "\(key): date must be text") }
                        } else if key.hasPrefix("price_") {
                            fail(v, "\(key) is a price: give its \"date\" as well as its source")
                        }
                        if let sourceText { sources[key] = .init(text: sourceText, date: date) }
                    }
                } else {
                    fail(node, "\"values\" must map input keys to {value, source}")
                }
            } else {
                fail(root, "missing field \"values\"")
            }
            guard errors.isEmpty, let name, let title else { return (nil, errors) }
            return (Scenario(name: name, title: title, file: file, values: values, sources: sources), errors)
        }
    }
}
