import BundledLessons
import Calculators
import SnapshotTesting
import Trainer
@testable import TUI

/// Runs keymap, update and view together without a terminal, as a user would.
struct Harness {
    var state: AppState

    static let bundled = LessonLibrary.load([BundledLessons.files.map { .init(name: "Lessons/" + $0.name, text: $0.text) }])

    init(_ cols: Int, _ rows: Int, library: LessonLibrary = Harness.bundled, display: DisplayOptions = DisplayOptions()) {
        state = AppState(library: library, size: Size(cols: cols, rows: rows), display: display)
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { state.handle($0) }
    }

    /// Types text as individual character keys.
    mutating func type(_ text: String) {
        for ch in text { _ = state.handle(.character(ch)) }
    }

    mutating func resize(_ cols: Int, _ rows: Int) {
        _ = state.update(.resized(Size(cols: cols, rows: rows)))
    }

    /// Goes to the panel with this lesson id.
    mutating func open(_ id: String) {
        if let i = state.panels.firstIndex(where: { $0.lesson.id == id }) { _ = state.update(.goToPanel(i)) }
    }

    var grid: Grid { Screen.render(state) }
    var lines: [String] { grid.lines }
    var text: String { grid.text }
}

extension Snapshotting where Value == Grid, Format == String {
    /// A grid as its text lines, so diffs read like the screen.
    static var screen: Snapshotting { Snapshotting<String, String>.lines.pullback(\.text) }
}
