import BundledLessons
import Foundation
import TUI
import Trainer

/// Inputs shared by the benchmarks, built once per process and outside every measurement.
enum Fixtures {
    /// The bundled lesson files, named as the trainer names them.
    static let sources: [LessonLibrary.Source] = BundledLessons.files.map {
        .init(name: "Lessons/" + $0.name, text: $0.text)
    }

    /// The file the trainer parses before its first frame: the first bundled lesson by name.
    static let firstSource: LessonLibrary.Source = sources.sorted { $0.name < $1.name }[0]

    /// Every bundled lesson, parsed.
    static let library: LessonLibrary = {
        let library = LessonLibrary.load([sources])
        precondition(library.problems.isEmpty, "bundled lessons do not load: \(library.problems)")
        return library
    }()

    static let fanOutLessonID = "fanout-one-author"
    /// The panel whose calculator is slowest at the lesson's starting values (a partition simulation).
    static let failoverLessonID = "database-failover"

    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 120, rows: 40), Size(cols: 200, rows: 60)]

    /// The app at `size`, showing the fan-out panel with the lesson focused (as after `g` jumped there).
    static func fanOutState(_ size: Size) -> AppState { state(showing: fanOutLessonID, size) }

    /// The app at `size`, showing lesson `id` with the lesson pane focused.
    static func state(showing id: String, _ size: Size) -> AppState {
        var state = AppState(library: library, size: size)
        guard let index = state.panels.firstIndex(where: { $0.lesson.id == id }) else {
            fatalError("no lesson \(id) among the bundled lessons")
        }
        _ = state.update(.goToPanel(index))
        return state
    }

    /// A practice session that visited every panel: the clock ran, each calculator had a value
    /// stepped, the first checklist item was ticked, estimates answered and notes written on
    /// some panels. What `x` exports at the end of a full run-through.
    static let fullSession: ExportFixture = {
        var state = AppState(library: library, size: Size(cols: 120, rows: 40),
                             session: PracticeSession(startedAt: 1_700_000_000, practiceMode: false))
        var now = 5_000.0
        _ = state.update(.ticked(at: now))
        if let id = state.panel?.lesson.id { state.session.visit(id) }
        _ = state.update(.toggleClock)
        for index in state.panels.indices {
            _ = state.update(.goToPanel(index))
            let lesson = state.panels[index].lesson
            if state.panel?.inputs != nil {
                if state.focus == .lesson { _ = state.handle(.tab) }
                _ = state.handle(.character("+"))
            }
            _ = state.handle(.character("1"))
            if let truth = state.estimateTruth { state.session[lesson: lesson.id].estimate = truth.quantity.value * 1.5 }
            if index.isMultiple(of: 3) {
                state.session[lesson: lesson.id].notes = "Said the decision first, then the number.\nMissed: \(lesson.title)."
            }
            now += 25
            _ = state.update(.ticked(at: now))
        }
        let visited = state.session.panels.values.filter(\.visited).count
        precondition(visited == state.panels.count, "session visited \(visited) of \(state.panels.count) panels")
        return ExportFixture(session: state.session, lessons: state.panels.map(\.lesson))
    }()
}

struct ExportFixture: Sendable {
    let session: PracticeSession
    let lessons: [Lesson]
}
