import ArgumentParser
import Calculators
import Trainer

extension Whiteboard {
    /// `whiteboard calc`: run one calculator headlessly.
    struct Calc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a calculator without the trainer: set parameters, print results.",
            discussion: """
            Example: whiteboard calc fanout --set followers=50M --set active_percent=20 --format json
            Which input matters: whiteboard calc storage --sensitivity savings.monthly --span 20%
            Inverse: whiteboard calc hitrate --set items=1M --set cached=200K --solve lfu.hit_rate=80 --for alpha
            Where a decision flips: whiteboard calc cdn --break-even
            Under a scenario: whiteboard calc headroom --scenario board --set-scenario dau=400M
            """
        )

        @Argument(help: "Calculator name (see --list).")
        var name: String?

        @Option(name: .customLong("set"), help: ArgumentHelp("Set a parameter.", valueName: "key=value"))
        var assignments: [String] = []

        @Option(help: "table or json.")
        var format: OutputFormat = .table

        @Option(help: ArgumentHelp("Take linked parameters from a scenario (a bundled name or a file).", valueName: "name|file"))
        var scenario: String?

        @Option(name: .customLong("set-scenario"), help: ArgumentHelp("With --scenario: change one of its inputs.", valueName: "key=value"))
        var scenarioAssignments: [String] = []

        @Flag(help: "List every calculator with its parameters, units, defaults and ranges.")
        var list = false

        @Option(help: ArgumentHelp("Move every parameter across a span and show how far it moves this result, largest first.",
                                   valueName: "result"))
        var sensitivity: String?

        @Option(help: ArgumentHelp("With --sensitivity: how far each parameter moves (percentages move by that many points).",
                                   valueName: "percent"))
        var span: String?

        @Option(help: ArgumentHelp("Find the value of --for that brings a result to a target.", valueName: "result=value"))
        var solve: String?

        @Option(name: .customLong("for"), help: ArgumentHelp("With --solve: the parameter to solve for.", valueName: "parameter"))
        var solveFor: String?

        @Flag(name: .customLong("break-even"), help: "List where each of the calculator's decisions flips as each parameter moves.")
        var breakEven = false

        enum OutputFormat: String, ExpressibleByArgument { case table, json }

        func run() throws {
            if list {
                StandardOutput.write(CalculatorReport.list(Registry.all))
                return
            }
            guard let name else { throw usage("name a calculator: \(Registry.names.joined(separator: ", "))") }
            let modes = [sensitivity != nil, solve != nil, breakEven].filter { $0 }.count
            guard modes <= 1 else { throw usage("use one of --sensitivity, --solve and --break-even at a time") }
            if span != nil, sensitivity == nil { throw usage("--span goes with --sensitivity") }
            if solveFor != nil, solve == nil { throw usage("--for goes with --solve") }
            if solve != nil, solveFor == nil { throw usage("--solve needs --for PARAMETER: the parameter to solve for") }
            if let members = Registry.families[name] {
                if modes > 0 { throw usage("\(name) is \(members.joined(separator: ", ")): ask one of those") }
                // A family takes no --set: each member has its own keys.
                guard assignments.isEmpty else { throw usage("\(name) is \(members.joined(separator: ", ")): set values on one of those") }
                let calculators = members.compactMap(Registry.named)
                switch format {
                case .table: StandardOutput.write(calculators.map { CalculatorReport.table($0, $0.defaults) }.joined(separator: "\n"))
                case .json: StandardOutput.write("[\n" + calculators.map { CalculatorReport.json($0, $0.defaults) }.joined(separator: ",\n") + "]\n", json: true)
                }
                return
            }
            guard let calculator = Registry.named(name) else {
                throw usage("unknown calculator \"\(name)\" (calculators: \((Registry.names + Registry.families.keys.sorted()).joined(separator: ", ")))")
            }
            var base: Inputs?
            if !scenarioAssignments.isEmpty, scenario == nil { throw usage("--set-scenario goes with --scenario NAME|FILE") }
            if let scenario {
                switch ScenarioLibrary.bundled.load(scenario, setting: scenarioAssignments) {
                case let .success(s): base = ScenarioLinks.inputs(for: calculator, scenario: s.values)
                case let .failure(failure): throw usage(failure.description)
                }
            }
            let inputs: Inputs
            do { inputs = try CalculatorReport.inputs(for: calculator, assignments: assignments, base: base) } catch {
                throw usage(error.description)
            }
            if let sensitivity {
                try runSensitivity(calculator, inputs, result: sensitivity)
            } else if let solve, let solveFor {
                try runSolve(calculator, inputs, assignment: solve, for: solveFor)
            } else if breakEven {
                let found = Sensitivity.breakEvens(calculator, inputs)
                StandardOutput.write(format == .table ? SensitivityReport.table(found, calculator) : SensitivityReport.json(found), json: format == .json)
            } else {
                switch format {
                case .table: StandardOutput.write(CalculatorReport.table(calculator, inputs))
                case .json: StandardOutput.write(CalculatorReport.json(calculator, inputs), json: true)
                }
            }
        }

        func runSensitivity(_ calculator: any Calculator, _ inputs: Inputs, result: String) throws {
            let tornado: Sensitivity.Tornado
            do {
                let span = try span.map(Sensitivity.Span.parse) ?? .standard
                tornado = try Sensitivity.tornado(calculator, inputs, result: result, span: span)
            } catch { throw usage(error.description) }
            StandardOutput.write(format == .table ? SensitivityReport.table(tornado, calculator) : SensitivityReport.json(tornado),
                                 json: format == .json)
        }

        func runSolve(_ calculator: any Calculator, _ inputs: Inputs, assignment: String, for key: String) throws {
            guard let eq = assignment.firstIndex(of: "=") else {
                throw usage("--solve takes result=value, for example lfu.hit_rate=80 (got \"\(assignment)\")")
            }
            let resultKey = String(assignment[..<eq].filter { $0 != " " })
            let text = String(assignment[assignment.index(after: eq)...])
            let solution: Sensitivity.Solution
            do {
                guard let result = calculator.evaluate(inputs)[resultKey] else {
                    throw SensitivityError.unknownResult(resultKey, calculator: calculator.name,
                                                         known: calculator.evaluate(inputs).results.map(\.key))
                }
                let target = try Sensitivity.parseTarget(text, for: result)
                solution = try Sensitivity.solve(calculator, inputs, result: resultKey, target: target, for: key)
            } catch let error as SensitivityError {
                if case .noSolution = error {
                    // EX_DATAERR: the question was well formed, the model has no answer in range.
                    FileStandardError.write("whiteboard calc: \(error.description)\n")
                    throw ExitCode(65)
                }
                throw usage(error.description)
            }
            StandardOutput.write(format == .table ? SensitivityReport.table(solution) : SensitivityReport.json(solution), json: format == .json)
        }

        /// Usage errors exit 64 (EX_USAGE) with the message on stderr.
        func usage(_ message: String) -> Error {
            FileStandardError.write("whiteboard calc: error: \(message)\n")
            return ExitCode(64)
        }
    }
}
