import Calculators
import Dispatch
import Foundation
import TUI

/// Runs analyses of simulations (tornado, break-evens, solve) on a background
/// queue, one at a time, and hands the replies back to the run loop, which
/// sends them to `update` as messages. It holds no state of the app.
final class AnalysisWorker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "whiteboard.analysis", qos: .userInitiated)
    private let lock = NSLock()
    private var finished: [Message] = []

    func start(lesson: String, _ request: Sensitivity.Request) {
        queue.async { [self] in
            let reply = Sensitivity.run(request)
            lock.lock()
            finished.append(.analysed(lesson: lesson, reply))
            lock.unlock()
        }
    }

    /// Replies that arrived since the last call.
    func collect() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let done = finished
        finished = []
        return done
    }
}
