import Calculators
import Trainer

/// Renders frames as `Screen.render` does, for a loop that draws one after another.
///
/// Every frame equals `Screen.render(state)` cell for cell; what changes is the work.
/// The run loop keeps one and calls `render` for each frame.
public struct FrameRenderer: Sendable {
    public init() {}

    public mutating func render(_ state: AppState) -> Grid {
        Screen.render(state)
    }
}

extension AppState {
    /// True when this state draws the same screen as `other`: the two differ at
    /// most in what an idle tick moves and no view shows (`now`, and the seconds
    /// counted on the panel on screen). The practice clock is on screen and is compared.
    public func drawsSameScreen(as other: AppState) -> Bool {
        var probe = other
        probe.now = now
        if let id = panel?.lesson.id, let seconds = session.panels[id]?.seconds,
           var record = probe.session.panels[id], record.seconds != seconds {
            record.seconds = seconds
            probe.session.panels[id] = record
        }
        return probe == self
    }
}
