/// The one table of keys: update resolves keys through it, the `?` overlay
/// draws from it, and the README's key section is generated from it (a test
/// fails when they differ).
public struct KeyBinding: Equatable, Sendable {
    /// Where a binding applies. `.panels` is both panes; overlays have their own.
    public enum Context: String, Equatable, Sendable, CaseIterable {
        case panels, lesson, calculator, entry, panelList, help, notes, confirm
    }

    public let keys: [Key]
    public let message: Message
    public let help: String
    public let group: String
    public let contexts: [Context]
    /// Shown in the footer's short hint line.
    public let hint: String?

    public init(_ keys: [Key], _ message: Message, _ help: String, group: String, in contexts: [Context],
                hint: String? = nil) {
        self.keys = keys
        self.message = message
        self.help = help
        self.group = group
        self.contexts = contexts
        self.hint = hint
    }

    public var keyNames: String { keys.map(\.helpName).joined(separator: " ") }
}

public enum Keymap {
    static func c(_ s: Character) -> Key { .character(s) }

    public static let bindings: [KeyBinding] = [
        .init([c("n"), .pageDown], .nextPanel, "next panel", group: "Panels", in: [.panels], hint: "n/p panel"),
        .init([c("p"), .pageUp], .previousPanel, "previous panel", group: "Panels", in: [.panels]),
        .init([c("g")], .openPanelList, "panel list: jump by number or title", group: "Panels", in: [.panels], hint: "g list"),
        .init([.tab, .backTab], .toggleFocus, "switch focus: lesson / calculator", group: "Panels", in: [.panels], hint: "Tab focus"),
        .init([c("j"), .down], .moveSelection(1), "next parameter", group: "Calculator", in: [.calculator], hint: "j/k select"),
        .init([c("k"), .up], .moveSelection(-1), "previous parameter", group: "Calculator", in: [.calculator]),
        .init([c("+"), c("="), c("l"), .right], .step(1, large: false), "step the value up", group: "Calculator",
              in: [.calculator], hint: "+/- step"),
        .init([c("-"), c("_"), c("h"), .left], .step(-1, large: false), "step the value down", group: "Calculator",
              in: [.calculator]),
        .init([c("L")], .step(1, large: true), "step up ×10 (log scales multiply)", group: "Calculator",
              in: [.calculator], hint: "H/L ×10"),
        .init([c("H")], .step(-1, large: true), "step down ×10", group: "Calculator", in: [.calculator]),
        .init([.enter], .beginEntry, "type an exact value (1M, 10k, 2.5e6)", group: "Calculator", in: [.calculator],
              hint: "Enter type"),
        .init([c("r")], .resetParameter, "reset the parameter", group: "Calculator", in: [.calculator], hint: "r reset"),
        .init([c("R")], .resetPanel, "reset every parameter of the panel", group: "Calculator", in: [.panels]),
        .init([c("c")], .showClaims, "the board's claims: stated, computed and why", group: "Calculator", in: [.panels],
              hint: "c claims"),
        .init([c("j"), .down], .scrollLesson(1), "scroll down", group: "Lesson", in: [.lesson]),
        .init([c("k"), .up], .scrollLesson(-1), "scroll up", group: "Lesson", in: [.lesson]),
        .init([c(" "), c("f")], .pageLesson(1), "page down", group: "Lesson", in: [.lesson]),
        .init([c("b")], .pageLesson(-1), "page up", group: "Lesson", in: [.lesson]),
        .init([c("t")], .toggleClock, "start or pause the ten-minute practice clock", group: "Practice", in: [.panels],
              hint: "t clock"),
        .init((1...9).map { c(Character(String($0))) }, .toggleTick(0), "tick item 1–9 of the checklist", group: "Practice",
              in: [.panels]),
        .init([c("e")], .beginEstimate, "guess the panel's estimate before it is shown", group: "Practice",
              in: [.panels], hint: "e estimate"),
        .init([c("N")], .editNotes, "write notes for this panel", group: "Practice", in: [.panels], hint: "N notes"),
        .init([c("x")], .export, "export the session (Markdown and JSON)", group: "App", in: [.panels], hint: "x export"),
        .init([c("?"), .function(1)], .toggleHelp, "this help", group: "App", in: [.panels, .help], hint: "? help"),
        .init([c("q")], .quit, "quit", group: "App", in: [.panels, .help], hint: "q quit"),
        .init([c("j"), .down], .scrollHelp(1), "scroll the help or the claims", group: "App", in: [.help]),
        .init([c("k"), .up], .scrollHelp(-1), "scroll back", group: "App", in: [.help]),
        .init([c(" "), .pageDown], .scrollHelp(10), "page down", group: "App", in: [.help]),
        .init([c("b"), .pageUp], .scrollHelp(-10), "page up", group: "App", in: [.help]),
        .init([.escape], .cancel, "close / cancel (notes are kept)", group: "App", in: [.help, .entry, .panelList, .notes, .confirm]),
        .init([c("y")], .answer(true), "yes", group: "App", in: [.confirm]),
        .init([c("n")], .answer(false), "no", group: "App", in: [.confirm]),
        .init([.enter], .commit, "accept", group: "Editing", in: [.entry, .panelList]),
        .init([.backspace, .delete], .deleteBackward, "delete a character", group: "Editing", in: [.entry, .panelList]),
        .init([.down, .control("n")], .moveListSelection(1), "next match", group: "Editing", in: [.panelList]),
        .init([.up, .control("p")], .moveListSelection(-1), "previous match", group: "Editing", in: [.panelList]),
        .init([.enter], .newline, "new line", group: "Notes", in: [.notes]),
        .init([.backspace], .deleteBackward, "delete before the cursor", group: "Notes", in: [.notes]),
        .init([.delete], .deleteForward, "delete at the cursor", group: "Notes", in: [.notes]),
        .init([.left], .moveCursor(.left), "move left", group: "Notes", in: [.notes]),
        .init([.right], .moveCursor(.right), "move right", group: "Notes", in: [.notes]),
        .init([.up], .moveCursor(.up), "move up", group: "Notes", in: [.notes]),
        .init([.down], .moveCursor(.down), "move down", group: "Notes", in: [.notes]),
        .init([.home, .control("a")], .moveCursor(.lineStart), "start of line", group: "Notes", in: [.notes]),
        .init([.end, .control("e")], .moveCursor(.lineEnd), "end of line", group: "Notes", in: [.notes]),
    ]

    /// The message for a key in a context; printable keys type text in the editing contexts.
    public static func message(for key: Key, in context: KeyBinding.Context) -> Message? {
        // Digits tick the checklist item of that number.
        if context == .lesson || context == .calculator, case let .character(ch) = key,
           let digit = ch.wholeNumberValue, (1...9).contains(digit) {
            return .toggleTick(digit - 1)
        }
        let scopes: [KeyBinding.Context] = context == .lesson || context == .calculator ? [context, .panels] : [context]
        for scope in scopes {
            if let binding = bindings.first(where: { $0.contexts.contains(scope) && $0.keys.contains(key) }) {
                return binding.message
            }
        }
        if context == .entry || context == .panelList || context == .notes, case let .character(ch) = key { return .typed(ch) }
        if key == .control("c") { return .quit }
        return nil
    }

    /// The footer's hint line for a context: help and quit first, so they survive
    /// a narrow terminal, then the keys that do something here.
    public static func hints(for context: KeyBinding.Context, hasCalculator: Bool) -> [String] {
        switch context {
        case .help: return ["Esc close", "j/k scroll", "q quit"]
        case .entry: return ["Enter accept", "Esc cancel", "Backspace delete"]
        case .panelList: return ["type to filter", "↑/↓ choose", "Enter open", "Esc close"]
        case .notes: return ["Esc keep and close", "Enter new line", "arrows move"]
        case .confirm: return ["y yes", "n no", "Esc back"]
        case .lesson, .calculator, .panels:
            let calculatorOnly: Set<String> = ["j/k select", "+/- step", "H/L ×10", "Enter type", "r reset", "c claims", "e estimate"]
            let rest = bindings.compactMap(\.hint).filter { !["? help", "q quit"].contains($0) }
                .filter { hasCalculator || !calculatorOnly.contains($0) }
                .filter { !(context == .lesson && hasCalculator && ["j/k select", "+/- step", "H/L ×10", "Enter type", "r reset"].contains($0)) }
            let scroll = context == .lesson ? ["j/k scroll"] : []
            return ["? help", "q quit"] + scroll + rest
        }
    }
}

extension Keymap {
    /// The README's key table, generated from the bindings (a test keeps the README in step).
    public static func markdownTable() -> String {
        var rows = ["| keys | what they do | where |", "|---|---|---|"]
        for b in bindings {
            let keys = b.keys.map { "`\($0.helpName == "|" ? "\\|" : $0.helpName)`" }.joined(separator: " ")
            rows.append("| \(keys) | \(b.help) | \(b.contexts.map(\.rawValue).joined(separator: ", ")) |")
        }
        return rows.joined(separator: "\n")
    }
}
