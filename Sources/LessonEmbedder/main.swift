import Calculators
import Foundation
import Trainer

// Usage: LessonEmbedder OUTPUT.swift LESSONS_DIR [SCENARIOS_DIR]
// Writes a Swift source holding each file's name and text as a raw string
// literal, so the bundled lessons travel inside the binary, and what
// LessonParser makes of each text as Swift values, so the trainer does not
// parse YAML or run the claim checks' calculators before its first frame.
// A problem in a file is a warning here: the trainer shows it on its problems
// page, and `whiteboard lint` prints it, exactly as if parsed at start.

let usage = "usage: LessonEmbedder OUTPUT.swift LESSONS_DIR [SCENARIOS_DIR]\n"
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 || arguments.count == 3 else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
let (output, folder) = (arguments[0], arguments[1])
let scenarioFolder = arguments.count == 3 ? arguments[2] : nil

/// A raw string delimiter longer than any run of `#` in the text, so no lesson
/// can close the literal early.
func delimiter(for text: String) -> String {
    var longest = 0, run = 0
    for ch in text { if ch == "#" { run += 1; longest = max(longest, run) } else { run = 0 } }
    return String(repeating: "#", count: longest + 1)
}

/// The text as the multi-line literal below holds it: Swift normalises line
/// breaks in a literal to "\n", and the literal always ends with one.
func asEmbedded(_ text: String) -> String {
    var out = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    if !out.hasSuffix("\n") { out += "\n" }
    return out
}

// MARK: - Swift literals for the parsed values

func string(_ s: String) -> String { String(reflecting: s) }
func optional(_ s: String?) -> String { s.map(string) ?? "nil" }

func double(_ v: Double) -> String {
    if v.isNaN { return "Double.nan" }
    if v.isInfinite { return v < 0 ? "-Double.infinity" : "Double.infinity" }
    return "\(v)"
}

func list(_ items: [String], indent: String) -> String {
    if items.isEmpty { return "[]" }
    return "[\n" + items.map { indent + "    " + $0 + ",\n" }.joined() + indent + "]"
}

func unit(_ u: Calculators.Unit) -> String {
    "Calculators.Unit(\(string(u.symbol)), Calculators.Dimension.\(u.dimension.rawValue), \(double(u.toBase)))"
}

func claim(_ c: Claim) -> String {
    let kind = switch c.kind {
    case .value: "Claim.Kind.value"
    case let .mostSensitive(parameter): "Claim.Kind.mostSensitive(parameter: \(string(parameter)))"
    case let .breakEven(parameter): "Claim.Kind.breakEven(parameter: \(string(parameter)))"
    }
    return "Claim(id: \(string(c.id)), text: \(string(c.text)), resultKey: \(string(c.resultKey)), "
        + "stated: Quantity(\(double(c.stated.value)), \(unit(c.stated.unit))), tolerance: \(double(c.tolerance)), "
        + "why: \(optional(c.why)), kind: \(kind), bound: Claim.Bound.\(c.bound))"
}

/// A verdict checked when the lesson was embedded, so the trainer does not rerun the model for it.
func check(_ c: ClaimCheck) -> String {
    "ClaimCheck(claim: \(claim(c.claim)), computed: "
        + (c.computed.map { "Quantity(\(double($0.value)), \(unit($0.unit)))" } ?? "nil")
        + ", holds: \(c.holds), reason: \(string(c.reason)))"
}

func checklistItem(_ c: Lesson.ChecklistItem) -> String {
    let phrases = "[" + c.phrases.map { "[" + $0.map(string).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    let numbers = "[" + c.numbers.map {
        "Lesson.ChecklistItem.Figure(text: \(string($0.text)), quantity: Quantity(\(double($0.quantity.value)), \(unit($0.quantity.unit))))"
    }.joined(separator: ", ") + "]"
    return "Lesson.ChecklistItem(text: \(string(c.text)), phrases: \(phrases), numbers: \(numbers), unchecked: \(optional(c.unchecked)), line: \(c.line))"
}

func block(_ b: Lesson.Block, indent: String) -> String {
    switch b {
    case let .heading(level, text): "Lesson.Block.heading(level: \(level), text: \(string(text)))"
    case let .paragraph(text): "Lesson.Block.paragraph(\(string(text)))"
    case let .list(items): "Lesson.Block.list(\(list(items.map(string), indent: indent)))"
    case let .code(lines): "Lesson.Block.code(\(list(lines.map(string), indent: indent)))"
    }
}

func lesson(_ l: Lesson) -> String {
    let i = "    "
    var s = "Lesson(\n"
    s += "\(i)id: \(string(l.id)), file: \(string(l.file)), minutes: \(string(l.minutes)),\n"
    s += "\(i)title: \(string(l.title)),\n"
    s += "\(i)calculator: \(optional(l.calculator)),\n"
    s += "\(i)parameters: \(list(l.parameters.map { "Lesson.ParameterSetting(key: \(string($0.key)), value: \(double($0.value)))" }, indent: i)),\n"
    s += "\(i)departures: \(list(l.departures.map { "Lesson.Departure(key: \(string($0.key)), reason: \(string($0.reason)))" }, indent: i)),\n"
    s += "\(i)claims: \(list(l.claims.map(claim), indent: i)),\n"
    s += "\(i)prompts: Lesson.Prompts(short: \(optional(l.prompts.short)), long: \(optional(l.prompts.long))),\n"
    s += "\(i)checklist: \(list(l.checklist.map(checklistItem), indent: i)),\n"
    s += "\(i)estimates: \(list(l.estimates.map { "Lesson.Estimate(resultKey: \(string($0.resultKey)), question: \(string($0.question)), drill: \(optional($0.drill)))" }, indent: i)),\n"
    s += "\(i)body: \(list(l.body.map { block($0, indent: i + "    ") }, indent: i)),\n"
    s += "\(i)modelChecks: \(list(l.modelChecks.map(check), indent: i))\n"
    s += ")"
    return s
}

func problem(_ e: LessonError) -> String {
    "LessonError(file: \(string(e.file)), line: \(e.line), column: \(e.column), \(string(e.message)))"
}

// MARK: - The source

let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    .filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
var files = ""
var sources = ""
var parsed = ""
for (index, name) in names.enumerated() {
    let path = folder + "/" + name
    guard let raw = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): error: not readable as UTF-8\n".utf8))
        exit(65)
    }
    let text = asEmbedded(raw)
    let hashes = delimiter(for: text)
    files += "        LessonFile(name: \(string(name)), text: \(hashes)\"\"\"\n\(text)\"\"\"\(hashes)),\n"

    // Named as the trainer names bundled files, so messages read the same.
    let file = "Lessons/" + name
    let (result, errors) = LessonParser.parse(file: file, text: text)
    for e in errors {
        FileHandle.standardError.write(Data("\(path):\(e.line):\(e.column): warning: \(e.message)\n".utf8))
    }
    sources += "        LessonLibrary.Source(name: \(string(file)), text: files[\(index)].text, parsed: parsed\(index)),\n"
    parsed += "private let parsed\(index) = LessonLibrary.Parsed(\n"
    parsed += "    lesson: \(result.map(lesson) ?? "nil"),\n"
    parsed += "    errors: \(list(errors.map(problem), indent: "    "))\n)\n\n"
}

// Scenario files are embedded as text and, when they parse, as the `Scenario` the
// parser makes of them, so starting under one reads no YAML.
var scenarioFiles = ""
var scenarioValues = ""

func scenario(_ s: Scenario) -> String {
    let values = Scenario.model.parameters.map { "(\(string($0.key)), \(double(s.values[$0.key])))" }
    let sources = s.sources.keys.sorted().map { key in
        let source = s.sources[key]!
        return "\(string(key)): Scenario.Source(text: \(string(source.text)), date: \(optional(source.date)))"
    }
    return "Scenario(name: \(string(s.name)), title: \(string(s.title)), file: \(string(s.file)),\n"
        + "                 values: Scenario.values(\(list(values, indent: "                 "))),\n"
        + "                 sources: \(sources.isEmpty ? "[:]" : list(sources, indent: "                 ")))"
}
let scenarioNames = scenarioFolder.map { ((try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? []) } ?? []
for name in scenarioNames.filter({ $0.hasSuffix(".yaml") }).sorted() {
    let path = scenarioFolder! + "/" + name
    guard let raw = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): error: not readable as UTF-8\n".utf8))
        exit(65)
    }
    let text = asEmbedded(raw)
    let result = ScenarioParser.parse(file: "Scenarios/" + name, text: text)
    for e in result.errors {
        FileHandle.standardError.write(Data("\(path):\(e.line):\(e.column): warning: \(e.message)\n".utf8))
    }
    if let parsed = result.scenario { scenarioValues += "        \(string(name)): \(scenario(parsed)),\n" }
    let hashes = delimiter(for: text)
    scenarioFiles += "        LessonFile(name: \(string(name)), text: \(hashes)\"\"\"\n\(text)\"\"\"\(hashes)),\n"
}

var source = "// Generated by LessonEmbedder from Lessons/*.md. Do not edit.\n\n"
source += "import Calculators\nimport Trainer\n\n"
source += "extension BundledLessons {\n"
source += "    public static let files: [LessonFile] = [\n" + files + "    ]\n\n"
source += "    /// The files as the trainer loads them (named `Lessons/…`), each with what\n"
source += "    /// `LessonParser` made of its text when this source was generated.\n"
source += "    public static let sources: [LessonLibrary.Source] = [\n" + sources + "    ]\n\n"
source += "    /// The files under `Scenarios/`, as text.\n"
source += "    public static let scenarioFiles: [LessonFile] = [\n" + scenarioFiles + "    ]\n\n"
source += "    /// What `ScenarioParser` made of each of them, by file name (those that parse).\n"
source += "    public static let scenarios: [String: Scenario] = [\n" + (scenarioValues.isEmpty ? "        :\n" : scenarioValues) + "    ]\n"
source += "}\n\n"
source += parsed

do {
    let existing = try? String(contentsOfFile: output, encoding: .utf8)
    if existing != source { try source.write(toFile: output, atomically: true, encoding: .utf8) }
} catch {
    FileHandle.standardError.write(Data("\(output): error: \(error)\n".utf8))
    exit(73)
}
