@testable import Calculators
import Foundation
import Testing

/// Collects the reports of a block run under `ParameterReads.$report`.
final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reads: [UnknownParameterRead] = []

    func record(_ read: UnknownParameterRead) { lock.withLock { reads.append(read) } }
    var all: [UnknownParameterRead] { lock.withLock { reads } }

    /// Runs `body` with unknown reads recorded here instead of stopping the run.
    static func collecting(_ body: () -> Void) -> [UnknownParameterRead] {
        let log = ReadLog()
        ParameterReads.$report.withValue({ log.record($0) }, operation: body)
        return log.all
    }
}

/// The contract every calculator keeps: it reads only the keys it declares.
@Suite struct ContractTests {
    /// Defaults, each parameter alone at each end of its range, and all at once at each end.
    static func inputSets(_ calculator: any Calculator) -> [(String, Inputs)] {
        var sets: [(String, Inputs)] = [("defaults", calculator.defaults)]
        var allLow = calculator.defaults, allHigh = calculator.defaults
        for p in calculator.parameters {
            for (end, value) in [("lowest", p.range.lowerBound), ("highest", p.range.upperBound)] {
                var inputs = calculator.defaults
                inputs.setClamped(p.key, value)
                sets.append(("\(p.key) \(end)", inputs))
            }
            allLow.setClamped(p.key, p.range.lowerBound)
            allHigh.setClamped(p.key, p.range.upperBound)
        }
        return sets + [("all lowest", allLow), ("all highest", allHigh)]
    }

    @Test(arguments: Registry.names)
    func readsOnlyDeclaredKeys(_ name: String) throws {
        let calculator = try #require(Registry.named(name))
        for (label, inputs) in Self.inputSets(calculator) {
            let reads = ReadLog.collecting {
                _ = calculator.evaluate(inputs)
                _ = calculator.visibleParameters(inputs)
            }
            #expect(reads.isEmpty, "\(name) at \(label): \(reads.map(\.description).joined(separator: "; "))")
        }
    }

    /// A calculator with a typo in one read: the check above must see it.
    struct Misspelled: Calculator {
        let name = "misspelled", title = "Misspelled", summary = "Reads a key it does not declare."
        let parameters = [Parameter("flush_ms", "flush interval", unit: .milliseconds, default: 500, range: 1...1_000)]
        func evaluate(_ p: Inputs) -> Output {
            Output(results: [ResultValue("interval", "interval", p["flush_sm"], .milliseconds)])
        }
    }

    @Test func aTypoIsReportedWithTheCalculatorTheKeyAndTheKnownKeys() {
        let reads = ReadLog.collecting { _ = Misspelled().evaluate(Misspelled().defaults) }
        #expect(reads == [UnknownParameterRead(calculator: "misspelled", key: "flush_sm", known: ["flush_ms"])])
        #expect(reads.first?.description
            == "misspelled reads parameter \"flush_sm\", which it does not declare (parameters: flush_ms)")
    }

    #if DEBUG
    @Test func withNoReportSetADebugBuildStopsAtTheTypo() async {
        await #expect(processExitsWith: .failure) {
            _ = Misspelled().evaluate(Misspelled().defaults)
        }
    }
    #endif

    @Test func declaredKeysAreNotReported() {
        let reads = ReadLog.collecting {
            let inputs = Misspelled().defaults
            #expect(inputs["flush_ms"] == 500)
            #expect(inputs.declares("flush_ms"))
            #expect(!inputs.declares("flush_sm"))
            #expect(!inputs.isDefault("flush_sm"))
        }
        #expect(reads.isEmpty)
    }
}
