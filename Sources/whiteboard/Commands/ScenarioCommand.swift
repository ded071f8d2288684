import ArgumentParser
import BundledLessons
import Calculators
import Trainer

extension ScenarioLibrary {
    /// The scenarios compiled in from `Scenarios/`.
    static let bundled = ScenarioLibrary(files: BundledLessons.scenarioFiles.map { ($0.name, $0.text) },
                                        parsed: BundledLessons.scenarios)

}

extension Whiteboard {
    /// `whiteboard scenario`: the inputs every panel shares, and what follows from them.
    struct ScenarioCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scenario",
            abstract: "Show a scenario: its inputs with their sources, and the values derived from them.",
            discussion: """
            Example: whiteboard scenario board --set dau=400M --format json
            Bundled: whiteboard scenario --list. A file of your own: whiteboard scenario ./mine.yaml
            """
        )

        @Argument(help: "A bundled scenario's name (see --list) or a scenario file.")
        var name: String?

        @Option(name: .customLong("set"), help: ArgumentHelp("Change an input.", valueName: "key=value"))
        var assignments: [String] = []

        @Option(help: "table or json.")
        var format: Calc.OutputFormat = .table

        @Flag(help: "List the bundled scenarios.")
        var list = false

        func run() throws {
            let library = ScenarioLibrary.bundled
            if list {
                print(ScenarioReport.list(library.all()), terminator: "")
                return
            }
            guard let name else { throw usage("name a scenario: \(library.names.joined(separator: ", ")) (or a file)") }
            let scenario: Scenario
            switch library.load(name, setting: assignments) {
            case let .success(s): scenario = s
            case let .failure(failure): throw usage(failure.description)
            }
            let changed = Set(assignments.compactMap { $0.split(separator: "=").first.map { String($0).filter { $0 != " " } } })
            switch format {
            case .table: print(ScenarioReport.table(scenario, changed: changed), terminator: "")
            case .json: print(ScenarioReport.json(scenario, changed: changed), terminator: "")
            }
        }

        func usage(_ message: String) -> Error {
            FileStandardError.write("whiteboard scenario: error: \(message)\n")
            return ExitCode(64)
        }
    }
}
