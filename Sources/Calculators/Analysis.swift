/// A model too slow to run dozens of times on one keystroke (a Monte Carlo
/// simulation): its tornado, break-evens and solves run off the key path.
public protocol SimulationModel {}

extension Staleness: SimulationModel {}
extension Partition: SimulationModel {}

extension Sensitivity {
    /// Whether a calculator's analyses should run off the keystroke path.
    public static func runsOffKeyPath(_ calculator: any Calculator) -> Bool { calculator is SimulationModel }

    /// The decisions a calculator makes, read from an output already computed (no model run).
    public static func decisions(_ calculator: any Calculator, output: Output) -> [Decision] {
        output.results.filter(isDecision).map(Decision.choice)
            + (comparisons[calculator.name] ?? []).filter { d in d.reads.allSatisfy { output[$0] != nil } }
    }

    /// One analysis to run on a calculator at given values: what the trainer asks for
    /// (and caches) when `s` or `=` is pressed.
    public struct Request: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// The tornado of one numeric result.
            case tornado(result: String, span: Span)
            /// Every decision's flips across every movable parameter.
            case breakEvens
            /// The value of `parameter` that brings `result` to `target`.
            case solve(result: String, target: Double, parameter: String)
        }

        public let calculator: String
        public let inputs: Inputs
        public let kind: Kind

        public init(calculator: String, inputs: Inputs, kind: Kind) {
            self.calculator = calculator
            self.inputs = inputs
            self.kind = kind
        }
    }

    /// What an analysis found.
    public enum Answer: Hashable, Sendable {
        case tornado(Tornado)
        case breakEvens(BreakEvens)
        case solution(Solution)
    }

    /// A request and what came of it.
    public struct Reply: Equatable, Sendable {
        public let request: Request
        public let outcome: Result<Answer, SensitivityError>

        public init(request: Request, outcome: Result<Answer, SensitivityError>) {
            self.request = request
            self.outcome = outcome
        }

        public var tornado: Tornado? { if case let .success(.tornado(t)) = outcome { t } else { nil } }
        public var breakEvens: BreakEvens? { if case let .success(.breakEvens(b)) = outcome { b } else { nil } }
        public var solution: Solution? { if case let .success(.solution(s)) = outcome { s } else { nil } }
        public var failure: SensitivityError? { if case let .failure(e) = outcome { e } else { nil } }
    }

    /// Runs a request on the model. Pure: the same request always gives the same reply.
    public static func run(_ request: Request) -> Reply {
        guard let calculator = Registry.named(request.calculator) else {
            return Reply(request: request, outcome: .failure(.unknownCalculator(request.calculator)))
        }
        let outcome: Result<Answer, SensitivityError>
        do throws(SensitivityError) {
            switch request.kind {
            case let .tornado(result, span):
                outcome = .success(.tornado(try tornado(calculator, request.inputs, result: result, span: span)))
            case .breakEvens:
                outcome = .success(.breakEvens(breakEvens(calculator, request.inputs)))
            case let .solve(result, target, parameter):
                outcome = .success(.solution(try solve(calculator, request.inputs, result: result, target: target,
                                                       for: parameter)))
            }
        } catch {
            outcome = .failure(error)
        }
        return Reply(request: request, outcome: outcome)
    }
}
