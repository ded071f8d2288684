import Calculators
import Dispatch
import Foundation
import Terminal
import TUI

/// Runs simulations off the keystroke path on a background queue, one at a time:
/// analyses (tornado, break-evens, solve) and a panel's run after a change. It hands
/// the replies back to the run loop, which sends them to `update` as messages.
/// It holds no state of the app.
final class AnalysisWorker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "whiteboard.analysis", qos: .userInitiated)
    private let lock = NSLock()
    private var finished: [Message] = []
    /// Wakes the run loop's wait for input when a reply is ready.
    let wakeup = InputWakeup()

    func start(lesson: String, _ request: Sensitivity.Request) {
        queue.async { [self] in
            let reply = Sensitivity.run(request)
            lock.lock()
            finished.append(.analysed(lesson: lesson, reply))
            lock.unlock()
            wakeup?.wake()
        }
    }

    /// The latest run asked for each panel: an older one still queued is skipped.
    private var latestRun: [String: PanelEvaluation] = [:]

    func evaluate(lesson: String, _ request: PanelEvaluation) {
        lock.lock()
        latestRun[lesson] = request
        lock.unlock()
        queue.async { [self] in
            lock.lock()
            let current = latestRun[lesson] == request
            lock.unlock()
            guard current, let result = request.run() else { return }
            lock.lock()
            finished.append(.evaluated(lesson: lesson, result))
            if latestRun[lesson] == request { latestRun[lesson] = nil }
            lock.unlock()
            wakeup?.wake()
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
