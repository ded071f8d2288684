import Calculators
import Foundation

/// The bundled scenarios (from `Scenarios/`, compiled in) and the user's files.
public struct ScenarioLibrary: Sendable {
    /// Bundled files as (name, text): "board.yaml" and its YAML.
    public let files: [(name: String, text: String)]

    /// What `ScenarioParser` made of a bundled file when the binary was built, by file name:
    /// loading one by name then reads no YAML (a file that did not parse is not here).
    public let preparsed: [String: Scenario]

    public init(files: [(name: String, text: String)], parsed: [String: Scenario] = [:]) {
        self.files = files.sorted { $0.name < $1.name }
        preparsed = parsed
    }

    /// Names of the bundled scenarios ("board", "celebrity", …).
    public var names: [String] { files.map { String($0.name.split(separator: ".").first ?? "") } }

    /// Why a scenario could not be had.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownName(String, known: [String])
        case unreadable(path: String, reason: String)
        case invalid([LessonError])
        /// A `key=value` change that does not fit an input.
        case assignment(String)

        public var description: String {
            switch self {
            case let .unknownName(name, known):
                return "no scenario \"\(name)\" (bundled: \(known.joined(separator: ", "))); or give a file path"
            case let .unreadable(path, reason): return "\(path): \(reason)"
            case let .invalid(errors): return errors.map(\.description).joined(separator: "\n")
            case let .assignment(message): return message
            }
        }
    }

    /// Every bundled scenario, parsed (a bundled file with errors is left out, and the tests catch it).
    public func all() -> [Scenario] {
        files.compactMap { preparsed[$0.name] ?? ScenarioParser.parse(file: "Scenarios/" + $0.name, text: $0.text).scenario }
    }

    /// A bundled scenario by name, or a file by path (anything with a `/` or a `.yaml`/`.yml` ending).
    public func load(_ nameOrPath: String) -> Result<Scenario, Failure> {
        if !Self.looksLikePath(nameOrPath) {
            guard let file = files.first(where: { $0.name == nameOrPath + ".yaml" }) else {
                return .failure(.unknownName(nameOrPath, known: names))
            }
            if let scenario = preparsed[file.name] { return .success(scenario) }
            return parsed(file: "Scenarios/" + file.name, text: file.text)
        }
        let text: String
        do { text = try String(contentsOfFile: nameOrPath, encoding: .utf8) } catch {
            let exists = FileManager.default.fileExists(atPath: nameOrPath)
            return .failure(.unreadable(path: nameOrPath, reason: exists ? "not readable as UTF-8 text" : "no such file"))
        }
        return parsed(file: nameOrPath, text: text)
    }

    /// A scenario by name or file with `key=value` changes applied.
    public func load(_ nameOrPath: String, setting assignments: [String]) -> Result<Scenario, Failure> {
        load(nameOrPath).flatMap { scenario in
            do throws(ParameterError) { return .success(try scenario.setting(assignments)) } catch {
                return .failure(.assignment(error.description))
            }
        }
    }

    /// What the trainer is started under: the `--scenario` asked for; without one, under
    /// `--resume`, the scenario the saved session ran under (`saved`, read only then);
    /// else the board's. A file is named by its absolute path, so a session saved under
    /// it resumes from any folder.
    public static func trainerChoice(asked: String?, resume: Bool, saved: () -> String?,
                                     currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let choice = asked ?? (resume ? saved() : nil) ?? Scenario.board.name
        guard looksLikePath(choice), !choice.hasPrefix("/") else { return choice }
        return URL(fileURLWithPath: choice, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true))
            .standardizedFileURL.path
    }

    /// A name with a `/` or a `.yaml`/`.yml` ending is a file; anything else a bundled name.
    static func looksLikePath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
    }

    /// The scenario the trainer runs under: the one asked for, or, when it cannot be
    /// had, the board's with what went wrong as file:line problems (the trainer
    /// starts anyway and shows them).
    public func forTrainer(_ nameOrPath: String) -> (scenario: Scenario, problems: [LessonError]) {
        switch load(nameOrPath) {
        case let .success(scenario): return (scenario, [])
        case let .failure(.invalid(errors)): return (.board, errors)
        case let .failure(failure):
            let file = Self.looksLikePath(nameOrPath) ? nameOrPath : "--scenario"
            var message = failure.description
            if message.hasPrefix(nameOrPath + ": ") { message = String(message.dropFirst(nameOrPath.count + 2)) }
            return (.board, [LessonError(file: file, line: 1, column: 1, message)])
        }
    }

    func parsed(file: String, text: String) -> Result<Scenario, Failure> {
        let (scenario, errors) = ScenarioParser.parse(file: file, text: text)
        if let scenario { return .success(scenario) }
        return .failure(.invalid(errors))
    }
}
