import Dispatch
import Foundation
import Terminal
import Trainer

/// The history database opened on a thread of its own, right after the first frame.
///
/// Opening it (SQLite, its migrations, the JSON history imported once) took ~13M
/// instructions and file I/O on the main thread, in front of the first keys. The run
/// loop starts it here and sends its `.historyOpened` before it handles any input, so
/// `update` hears of it where it always did: after the deck, before the first key.
final class HistoryOpening: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var opened: HistoryDatabase.Opened?

    init(_ store: SessionStore, wakeup: InputWakeup?) {
        Thread.detachNewThread { [self] in
            let result = HistoryDatabase.open(store)
            lock.lock()
            opened = result
            lock.unlock()
            finished.signal()
            wakeup?.wake()
        }
    }

    /// The database as opened, once it is (nil before, unless `waiting`).
    func result(waiting: Bool) -> HistoryDatabase.Opened? {
        if waiting { finished.wait(); finished.signal() }
        lock.lock()
        defer { lock.unlock() }
        return opened
    }
}
