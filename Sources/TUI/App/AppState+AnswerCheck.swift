import Trainer

/// What `AppState.answerCheck` was computed from.
struct AnswerCheckInput: Equatable, Sendable {
    let lessonID: String
    let notes: String
}

extension AppState {
    /// The notes of the panel on screen: the editor's draft while it is open, else the session's.
    var notesOnScreen: String? {
        guard let id = panel?.lesson.id else { return nil }
        if case let .notes(editor) = overlay { return editor.text }
        return session[lesson: id].notes
    }

    /// Checks the notes against the checklist again if the panel or its notes changed
    /// since the last check (`update` calls it after every message; typing in the notes
    /// editor rechecks the draft).
    mutating func refreshAnswerCheck() {
        guard let lesson = panel?.lesson, let notes = notesOnScreen,
              !notes.allSatisfy(\.isWhitespace), lesson.checklist.contains(where: \.isCheckable) else {
            answerCheck = nil
            answerCheckInput = nil
            return
        }
        let input = AnswerCheckInput(lessonID: lesson.id, notes: notes)
        guard input != answerCheckInput else { return }
        answerCheckInput = input
        answerCheck = AnswerCheck(notes: notes, checklist: lesson.checklist)
    }
}
