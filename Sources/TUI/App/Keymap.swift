/// The one table of keys: `handle` resolves keys through it, the `?` overlay
/// and the footer's hints are drawn from it, and the README's key section is
/// generated from it (a test fails when they differ).
public struct KeyBinding: Equatable, Sendable {
    /// Where a binding applies. `.panels` is both panes; overlays have their own.
    ///
    /// `.calculatorShown` is for keys that only mean something to the calculator
    /// (`+ - H L Enter r`): they act on it whenever it is on screen, focused or
    /// not, so a value typed while the lesson has focus cannot fire lesson keys.
    public enum Context: String, Equatable, Sendable, CaseIterable {
        case panels, lesson, calculator, calculatorShown = "calculator on screen", search = "while searching", entry, panelList, help, notes, confirm, sensitivity, solve
    }

    /// What the panel on screen must have for a binding to be worth a hint.
    /// `sideBySide`: both panes on screen at once (from `Layout.sideBySideWidth`), which `z` undoes.
    public enum Needs: Equatable, Sendable { case calculator, claims, estimate, checklist, sideBySide }

    /// A footer hint: its text and its rank (lower first; the footer keeps the
    /// first hints that fit, so the keys a user needs most rank first).
    public struct Hint: Equatable, Sendable {
        public let text: String
        public let rank: Int
    }

    public let keys: [Key]
    /// The message for the first key; an indexed binding sends `indexed(i)` for its i-th key.
    public let message: Message
    let indexed: (@Sendable (Int) -> Message)?
    public let help: String
    public let group: String
    public let contexts: [Context]
    public let hint: Hint?
    public let needs: Needs?

    public init(_ keys: [Key], _ message: Message, _ help: String, group: String, in contexts: [Context],
                hint: String? = nil, rank: Int = 50, needs: Needs? = nil) {
        self.init(keys, message, nil, help, group, contexts, hint.map { Hint(text: $0, rank: rank) }, needs)
    }

    /// One binding for a row of keys whose message takes the key's position (digits 1–9).
    public init(_ keys: [Key], indexed: @escaping @Sendable (Int) -> Message, _ help: String, group: String,
                in contexts: [Context], hint: String? = nil, rank: Int = 50, needs: Needs? = nil) {
        self.init(keys, indexed(0), indexed, help, group, contexts, hint.map { Hint(text: $0, rank: rank) }, needs)
    }

    private init(_ keys: [Key], _ message: Message, _ indexed: (@Sendable (Int) -> Message)?, _ help: String,
                 _ group: String, _ contexts: [Context], _ hint: Hint?, _ needs: Needs?) {
        self.keys = keys
        self.message = message
        self.indexed = indexed
        self.help = help
        self.group = group
        self.contexts = contexts
        self.hint = hint
        self.needs = needs
    }

    /// The message this binding sends for `key`, if the key is one of its keys.
    public func message(for key: Key) -> Message? {
        guard let i = keys.firstIndex(of: key) else { return nil }
        return indexed.map { $0(i) } ?? message
    }

    /// Whether the binding acts in `context` (the two panes share `.panels`; a
    /// focused calculator is also a calculator on screen).
    public func applies(in context: KeyBinding.Context) -> Bool {
        contexts.contains(context) || ((context == .lesson || context == .calculator) && contexts.contains(.panels))
            || (context == .calculator && contexts.contains(.calculatorShown))
    }

    /// The keys as help and README name them; a run of three or more digits in a row
    /// reads "0-9", so the help's key column stays narrow.
    public var keyNames: String {
        var names: [String] = []
        var run: [Int] = []
        func flush() {
            if run.count >= 3 { names.append("\(run[0])-\(run[run.count - 1])") } else { names += run.map(String.init) }
            run = []
        }
        for name in keys.map(\.helpName) {
            if name.count == 1, let d = Int(name), run.last.map({ $0 + 1 == d }) ?? true {
                run.append(d)
            } else {
                flush()
                if name.count == 1, let d = Int(name) { run = [d] } else { names.append(name) }
            }
        }
        flush()
        return names.joined(separator: " ")
    }

    public static func == (a: KeyBinding, b: KeyBinding) -> Bool {
        a.keys == b.keys && a.message == b.message && a.help == b.help && a.group == b.group
            && a.contexts == b.contexts && a.hint == b.hint && a.needs == b.needs
    }
}

public enum Keymap {
    static func c(_ s: Character) -> Key { .character(s) }

    public static let bindings: [KeyBinding] = [
        .init([c("n")], .nextPanel, "next panel (PgDn/PgUp page the focused pane)", group: "Panels",
              in: [.panels], hint: "n/p panel"),
        .init([c("p")], .previousPanel, "previous panel", group: "Panels", in: [.panels]),
        .init([c("g")], .openPanelList, "panel list: by number, title or lesson text", group: "Panels", in: [.panels],
              hint: "g list"),
        .init([.tab, .backTab], .toggleFocus, "switch focus: lesson / calculator", group: "Panels", in: [.panels],
              hint: "Tab focus", needs: .calculator),
        .init([c("z")], .toggleZoom, "focused pane takes the whole window; z again: both panes",
              group: "Panels", in: [.panels], hint: "z zoom", rank: 44, needs: .sideBySide),
        .init([c("j"), .down], .moveSelection(1), "next parameter", group: "Calculator", in: [.calculator],
              hint: "j/k select", rank: 9),
        .init([c("k"), .up], .moveSelection(-1), "previous parameter", group: "Calculator", in: [.calculator]),
        .init([c("+"), c("l"), .right], .step(1, large: false), "step the value up", group: "Calculator",
              in: [.calculatorShown], hint: "+/- step", rank: 10),
        .init([c("-"), c("_"), c("h"), .left], .step(-1, large: false), "step the value down", group: "Calculator",
              in: [.calculatorShown]),
        .init([c("L")], .step(1, large: true), "step up ×10 (log scales multiply)", group: "Calculator",
              in: [.calculatorShown], hint: "H/L ×10", rank: 30),
        .init([c("H")], .step(-1, large: true), "step down ×10", group: "Calculator", in: [.calculatorShown]),
        .init([.enter], .beginEntry, "type an exact value (1M, 10k, 2.5e6, 5min), starting from the current one",
              group: "Calculator", in: [.calculatorShown], hint: "Enter type", rank: 11),
        .init((0...9).map { c(Character(String($0))) } + [c(".")], indexed: { i in .typeValue(i < 10 ? Character(String(i)) : ".") },
              "a digit starts typing a value (the focused calculator)", group: "Calculator", in: [.calculator]),
        .init([c("r")], .resetParameter, "reset the parameter", group: "Calculator", in: [.calculatorShown],
              hint: "r reset", rank: 12),
        .init([c("R")], .resetPanel, "reset every parameter of the panel (u undoes it)", group: "Calculator",
              in: [.panels], needs: .calculator),
        .init([c("u")], .undo, "undo the last change of a value on this panel (kept across resume)",
              group: "Calculator", in: [.panels], hint: "u undo", rank: 13, needs: .calculator),
        .init([.control("r")], .redo, "redo what u undid", group: "Calculator", in: [.panels], needs: .calculator),
        .init([c("c")], .showClaims, "the board's claims: stated, computed and why", group: "Calculator", in: [.panels],
              hint: "c claims", rank: 14, needs: .claims),
        .init([c("s")], .openSensitivity,
              "the chosen result's tornado (inputs ±20 %) and break-evens",
              group: "Calculator", in: [.calculatorShown, .sensitivity], hint: "s sensitivity", rank: 31, needs: .calculator),
        .init([c("]")], .cycleResult(1), "choose the next result for s and =", group: "Calculator",
              in: [.calculatorShown, .sensitivity], hint: "[/] result", rank: 60),
        .init([c("[")], .cycleResult(-1), "choose the previous result for s and =", group: "Calculator",
              in: [.calculatorShown, .sensitivity]),
        .init([c("=")], .beginSolve,
              "solve the chosen result for a target (↑/↓ input; u undoes)",
              group: "Calculator", in: [.calculatorShown, .sensitivity], hint: "= solve", rank: 32, needs: .calculator),
        .init([c("C")], .showChanged, "values you moved, on every panel, beside the lesson's",
              group: "Calculator", in: [.panels], hint: "C changed", rank: 45, needs: .calculator),
        .init([c(" "), c("f"), .pageDown], .pageCalculator(1), "page the results, claims and charts (parameters stay put)",
              group: "Calculator", in: [.calculator], hint: "Space/b page", rank: 35),
        .init([c("b"), .pageUp], .pageCalculator(-1), "page them up", group: "Calculator", in: [.calculator]),
        .init([.control("d")], .halfPageCalculator(1), "half a page down", group: "Calculator", in: [.calculator]),
        .init([.control("u")], .halfPageCalculator(-1), "half a page up", group: "Calculator", in: [.calculator]),
        .init([.home], .scrollCalculatorToEdge(end: false), "top of the results", group: "Calculator", in: [.calculator]),
        .init([.end, c("G")], .scrollCalculatorToEdge(end: true), "end of the results", group: "Calculator", in: [.calculator]),
        .init([c("j"), .down], .scrollLesson(1), "scroll down", group: "Lesson", in: [.lesson],
              hint: "j/k scroll", rank: 2),
        .init([c("k"), .up], .scrollLesson(-1), "scroll up", group: "Lesson", in: [.lesson]),
        .init([c(" "), c("f"), .pageDown], .pageLesson(1), "page down", group: "Lesson", in: [.lesson]),
        .init([c("b"), .pageUp], .pageLesson(-1), "page up", group: "Lesson", in: [.lesson]),
        .init([.control("d")], .halfPageLesson(1), "half a page down", group: "Lesson", in: [.lesson]),
        .init([.control("u")], .halfPageLesson(-1), "half a page up", group: "Lesson", in: [.lesson]),
        .init([.home], .scrollLessonToEdge(end: false), "top of the lesson (g is the panel list)", group: "Lesson", in: [.lesson]),
        .init([.end, c("G")], .scrollLessonToEdge(end: true), "end of the lesson", group: "Lesson", in: [.lesson]),
        .init([c("/")], .beginSearch, "search the lesson's text; /*text searches every lesson", group: "Lesson",
              in: [.panels], hint: "/ search", rank: 40),
        .init([c("n")], .nextMatch(1), "next match (outside a search: next panel)",
              group: "Lesson", in: [.search], hint: "n/N match", rank: -2),
        .init([c("N")], .nextMatch(-1), "previous match (outside a search: notes)", group: "Lesson", in: [.search]),
        .init([.escape], .endSearch, "end the search (its marks go)", group: "Lesson", in: [.search],
              hint: "Esc end search", rank: -1),
        .init([c("t")], .toggleClock, "start or pause the ten-minute practice clock", group: "Practice", in: [.panels],
              hint: "t clock"),
        .init((1...9).map { c(Character(String($0))) }, indexed: { .toggleTick($0) },
              "tick item 1–9 of the checklist (the focused lesson)", group: "Practice", in: [.lesson], needs: .checklist),
        .init([c("e")], .beginEstimate, "guess the panel's estimate before it is shown", group: "Practice",
              in: [.panels], hint: "e estimate", needs: .estimate),
        .init([c("v")], .revealEstimate, "show the estimate's answer (with no guess it asks first: a miss)",
              group: "Practice", in: [.panels], hint: "v reveal", rank: 55, needs: .estimate),
        .init([c("A")], .showCalibration, "calibration: bias by kind, its trend, what to drill next",
              group: "Practice", in: [.panels]),
        .init([c("S")], .showHistory, "history: every session kept, drills too, with accuracy and checklist coverage",
              group: "Practice", in: [.panels]),
        .init([c("N")], .editNotes, "write notes for this panel", group: "Practice", in: [.panels], hint: "N notes"),
        .init([c("x")], .export, "export the session (Markdown and JSON)", group: "App", in: [.panels],
              hint: "x export"),
        .init([c("?"), .function(1)], .toggleHelp, "this help", group: "App", in: [.panels, .help], hint: "? help", rank: 0),
        .init([c("q")], .quit, "quit (from the panels; in help, claims and lists q closes)", group: "App", in: [.panels],
              hint: "q quit", rank: 1),
        .init([c("q")], .cancel, "close this view, as in less", group: "App", in: [.help, .sensitivity], hint: "q/Esc close", rank: 3),
        .init([c("j"), .down], .scrollHelp(1), "scroll the help, the claims or the sensitivity", group: "App", in: [.help, .sensitivity],
              hint: "j/k scroll"),
        .init([c("k"), .up], .scrollHelp(-1), "scroll back", group: "App", in: [.help, .sensitivity]),
        .init([c(" "), c("f"), .pageDown], .scrollHelp(10), "page down", group: "App", in: [.help, .sensitivity]),
        .init([c("b"), .pageUp], .scrollHelp(-10), "page up", group: "App", in: [.help, .sensitivity]),
        .init([.control("d")], .scrollHelp(5), "half a page down", group: "App", in: [.help, .sensitivity]),
        .init([.control("u")], .scrollHelp(-5), "half a page up", group: "App", in: [.help, .sensitivity]),
        .init([c("g"), .home], .scrollHelp(-Self.farScroll), "top", group: "App", in: [.help, .sensitivity]),
        .init([c("G"), .end], .scrollHelp(Self.farScroll), "end", group: "App", in: [.help, .sensitivity]),
        .init([.escape], .cancel, "close / cancel (notes are kept)", group: "App",
              in: [.help, .entry, .panelList, .notes, .confirm, .sensitivity, .solve], hint: "Esc close", rank: 3),
        .init([c("y")], .answer(true), "yes", group: "App", in: [.confirm], hint: "y yes"),
        .init([c("n")], .answer(false), "no", group: "App", in: [.confirm], hint: "n no"),
        .init([.enter], .commit, "accept", group: "Editing", in: [.entry, .panelList, .solve], hint: "Enter accept"),
        .init([.backspace, .delete], .deleteBackward, "delete a character", group: "Editing", in: [.entry, .panelList, .solve],
              hint: "Backspace delete"),
        .init([.left], .moveCursor(.left), "move left", group: "Editing", in: [.entry, .panelList, .solve]),
        .init([.right], .moveCursor(.right), "move right", group: "Editing", in: [.entry, .panelList, .solve]),
        .init([.home, .control("a")], .moveCursor(.lineStart), "start of the line", group: "Editing",
              in: [.entry, .panelList, .solve]),
        .init([.end, .control("e")], .moveCursor(.lineEnd), "end of the line", group: "Editing", in: [.entry, .panelList, .solve]),
        .init([.control("u")], .deleteToLineStart, "clear before the cursor", group: "Editing", in: [.entry, .panelList, .solve],
              hint: "Ctrl-U clear"),
        .init([.down, .control("n")], .moveListSelection(1), "next match (solve: next input)", group: "Editing", in: [.panelList, .solve],
              hint: "↑/↓ choose"),
        .init([.up, .control("p")], .moveListSelection(-1), "previous match (solve: previous input)", group: "Editing", in: [.panelList, .solve]),
        .init([.enter], .newline, "new line", group: "Notes", in: [.notes], hint: "Enter new line"),
        .init([.tab], .typed("\t"), "indent to the next tab stop (spaces)", group: "Notes", in: [.notes]),
        .init([.backspace], .deleteBackward, "delete before the cursor", group: "Notes", in: [.notes]),
        .init([.delete], .deleteForward, "delete at the cursor", group: "Notes", in: [.notes]),
        .init([.left], .moveCursor(.left), "move left", group: "Notes", in: [.notes], hint: "arrows move"),
        .init([.right], .moveCursor(.right), "move right", group: "Notes", in: [.notes]),
        .init([.up], .moveCursor(.up), "move up", group: "Notes", in: [.notes]),
        .init([.down], .moveCursor(.down), "move down", group: "Notes", in: [.notes]),
        .init([.home, .control("a")], .moveCursor(.lineStart), "start of line", group: "Notes", in: [.notes]),
        .init([.end, .control("e")], .moveCursor(.lineEnd), "end of line", group: "Notes", in: [.notes]),
    ]

    /// The message for a key in the first of `contexts` that binds it (the
    /// focused lesson, then a calculator on screen beside it).
    public static func message(for key: Key, in contexts: [KeyBinding.Context]) -> Message? {
        for context in contexts {
            if let message = message(for: key, in: context) { return message }
        }
        return nil
    }

    /// The message for a key in a context; printable keys type text in the editing contexts.
    public static func message(for key: Key, in context: KeyBinding.Context) -> Message? {
        // The context's own bindings win over the shared `.panels` ones (j scrolls the lesson, not the panel list).
        let own = bindings.lazy.filter { $0.contexts.contains(context) }.compactMap { $0.message(for: key) }.first
        if let own { return own }
        if let shared = bindings.lazy.filter({ $0.applies(in: context) }).compactMap({ $0.message(for: key) }).first {
            return shared
        }
        if [.entry, .panelList, .notes, .solve].contains(context), case let .character(ch) = key { return .typed(ch) }
        if key == .control("c") { return .quit }
        return nil
    }

    /// What a panel offers, for choosing hints.
    public struct Offer: Equatable, Sendable {
        public var calculator = false, claims = false, estimate = false, checklist = false, sideBySide = false
        public init(calculator: Bool = false, claims: Bool = false, estimate: Bool = false, checklist: Bool = false,
                    sideBySide: Bool = false) {
            self.sideBySide = sideBySide
            self.calculator = calculator
            self.claims = claims
            self.estimate = estimate
            self.checklist = checklist
        }

        func has(_ needs: KeyBinding.Needs?) -> Bool {
            switch needs {
            case nil: true
            case .calculator: calculator
            case .claims: claims
            case .estimate: estimate
            case .checklist: checklist
            case .sideBySide: calculator && sideBySide
            }
        }
    }

    /// The footer's hints for the contexts in force: the active bindings' hints, by rank.
    /// A scroll past any view's end: `g`/`G` and Home/End in the views that scroll (bounded in `update`).
    static let farScroll = 1 << 30

    /// The hints of the bindings in force, most useful first; a binding whose action an earlier
    /// hint already offers is left out ("q/Esc close" says what a separate "Esc close" would).
    public static func hints(for contexts: [KeyBinding.Context], offer: Offer = Offer()) -> [String] {
        var seen = Set<String>()
        var actions: [Message] = []
        return bindings.enumerated()
            .filter { b in contexts.contains { b.element.applies(in: $0) } && b.element.hint != nil && offer.has(b.element.needs) }
            .sorted { ($0.element.hint!.rank, $0.offset) < ($1.element.hint!.rank, $1.offset) }
            .compactMap { b in
                guard !actions.contains(b.element.message) else { return nil }
                actions.append(b.element.message)
                return seen.insert(b.element.hint!.text).inserted ? b.element.hint!.text : nil
            }
    }

    public static func hints(for context: KeyBinding.Context, offer: Offer = Offer()) -> [String] {
        hints(for: [context], offer: offer)
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
