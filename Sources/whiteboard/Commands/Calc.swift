import ArgumentParser
import Calculators
import Trainer

extension Whiteboard {
    /// `whiteboard calc`: run one calculator headlessly.
    struct Calc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a calculator without the trainer: set parameters, print results.",
            discussion: "Example: whiteboard calc fanout --set followers=50M --set active_percent=20 --format json"
        )

        @Argument(help: "Calculator name (see --list).")
        var name: String?

        @Option(name: .customLong("set"), help: ArgumentHelp("Set a parameter.", valueName: "key=value"))
        var assignments: [String] = []

        @Option(help: "table or json.")
        var format: OutputFormat = .table

        @Flag(help: "List every calculator with its parameters, units, defaults and ranges.")
        var list = false

        enum OutputFormat: String, ExpressibleByArgument { case table, json }

        func run() throws {
            if list {
                print(CalculatorReport.list(Registry.all), terminator: "")
                return
            }
            guard let name else { throw usage("name a calculator: \(Registry.names.joined(separator: ", "))") }
            if let members = Registry.families[name] {
                // A family takes no --set: each member has its own keys.
                guard assignments.isEmpty else { throw usage("\(name) is \(members.joined(separator: ", ")): set values on one of those") }
                let calculators = members.compactMap(Registry.named)
                switch format {
                case .table: print(calculators.map { CalculatorReport.table($0, $0.defaults) }.joined(separator: "\n"), terminator: "")
                case .json: print("[\n" + calculators.map { CalculatorReport.json($0, $0.defaults) }.joined(separator: ",\n") + "]\n", terminator: "")
                }
                return
            }
            guard let calculator = Registry.named(name) else {
                throw usage("unknown calculator \"\(name)\" (calculators: \((Registry.names + Registry.families.keys.sorted()).joined(separator: ", ")))")
            }
            let inputs: Inputs
            do { inputs = try CalculatorReport.inputs(for: calculator, assignments: assignments) } catch {
                throw usage(error.description)
            }
            switch format {
            case .table: print(CalculatorReport.table(calculator, inputs), terminator: "")
            case .json: print(CalculatorReport.json(calculator, inputs), terminator: "")
            }
        }

        /// Usage errors exit 64 (EX_USAGE) with the message on stderr.
        func usage(_ message: String) -> Error {
            FileStandardError.write("whiteboard calc: error: \(message)\n")
            return ExitCode(64)
        }
    }
}
