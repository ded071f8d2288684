#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `whiteboard-fuzz [MESSAGES] [SEED]`: random messages through update and view
/// (default 1,000,000 with seed 20261202; `WB_FUZZ_MESSAGES` and `WB_FUZZ_SEED`
/// set them too, for a longer run). Exits 1 with the message number on the first
/// broken invariant.
@main
enum FuzzMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        let messages = (arguments.first ?? environment("WB_FUZZ_MESSAGES")).flatMap { Int($0.filter { $0 != "_" && $0 != "," }) } ?? 1_000_000
        let seed = (arguments.dropFirst().first ?? environment("WB_FUZZ_SEED")).flatMap { UInt64($0) } ?? 20_261_202
        guard messages > 0 else {
            print("whiteboard-fuzz: MESSAGES must be a whole number above 0 (got \(arguments.first ?? ""))")
            exit(2)
        }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var fuzzer = Fuzzer(seed: seed)
        do {
            let r = try fuzzer.run(messages: messages, renderEvery: 8)
            var end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &end)
            let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
            print("fuzz: ok, \(r.messages) messages (seed \(seed)) in \(Int(seconds.rounded())) s: \(r.renders) frames, "
                  + "\(r.resizes) resizes, \(r.pastes) pastes, \(r.mouse) mouse events, \(r.ticks) ticks, \(r.suspends) suspends, "
                  + "\(r.analyses) analyses, \(r.quits) restarts")
        } catch {
            print("fuzz: FAIL (seed \(seed)): \(error)")
            exit(1)
        }
    }
}
