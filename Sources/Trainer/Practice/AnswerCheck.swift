import Calculators

/// Notes checked against a panel's checklist, offline: each item's phrases are
/// looked for as words (any case, any punctuation between them, a plural or an
/// -ing/-ed ending allowed), each figure by its value in base units, within
/// `tolerance` ("100 seconds", "100s" and "1.67 min" all say 100 s).
///
/// An item is covered when every one of its phrase groups (any alternative)
/// and every one of its figures is found. Items written as plain text carry
/// nothing to look for and are left out of the count.
public struct AnswerCheck: Equatable, Sendable {
    public let items: [Item]

    /// How far a figure in the notes may be from the lesson's and still say it.
    public static let tolerance = 0.05

    public struct Item: Equatable, Sendable {
        /// Position in the lesson's checklist (0-based).
        public let index: Int
        public let text: String
        public let phrases: [PhraseMatch]
        public let numbers: [NumberMatch]

        public var isCheckable: Bool { !phrases.isEmpty || !numbers.isEmpty }
        public var isCovered: Bool { isCheckable && phrases.allSatisfy { $0.found != nil } && numbers.allSatisfy { $0.found != nil } }
        /// The words of the notes that matched, phrases first, in the item's order.
        public var matched: [String] { phrases.compactMap(\.found) + numbers.compactMap(\.found) }
        /// What the notes do not say yet: each phrase group by its first alternative, each figure as written.
        public var missing: [String] {
            phrases.filter { $0.found == nil }.map { $0.alternatives.first ?? "" } + numbers.filter { $0.found == nil }.map(\.figure.text)
        }
    }

    public struct PhraseMatch: Equatable, Sendable {
        public let alternatives: [String]
        /// The notes' own words that said it, as typed; nil when none did.
        public let found: String?
    }

    public struct NumberMatch: Equatable, Sendable {
        public let figure: Lesson.ChecklistItem.Figure
        /// The notes' figure that says it ("100 seconds"); nil when none did.
        public let found: String?
    }

    /// The items that can be checked.
    public var checkable: [Item] { items.filter(\.isCheckable) }
    public var coveredCount: Int { items.count { $0.isCovered } }
    /// Whether the checklist has anything to check.
    public var isEmpty: Bool { checkable.isEmpty }

    public init(items: [Item]) { self.items = items }

    /// Checks `notes` against every item of `checklist`.
    public init(notes: String, checklist: [Lesson.ChecklistItem]) {
        let words = Self.words(notes)
        let figures = NumberParser.quantities(in: notes)
        items = checklist.enumerated().map { index, item in
            let found = Self.assign(item.numbers.map(\.quantity), to: figures)
            let numbers = item.numbers.indices.map { NumberMatch(figure: item.numbers[$0], found: found[$0]) }
            return Item(index: index, text: item.text,
                        phrases: item.phrases.map { group in
                            PhraseMatch(alternatives: group, found: group.lazy.compactMap { Self.find($0, in: words, of: notes) }.first)
                        },
                        numbers: numbers)
        }
    }

    // MARK: - Phrases

    /// A word of the notes: its stem and where it is in the text.
    struct Word: Equatable {
        let stem: String
        let range: Range<String.Index>
    }

    /// Letters and digits in runs; everything else (spaces, punctuation, hyphens) separates.
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch.isLetter || ch.isNumber {
                if start == nil { start = i }
            } else if let s = start {
                out.append(Word(stem: stem(text[s..<i]), range: s..<i))
                start = nil
            }
            i = text.index(after: i)
        }
        if let s = start { out.append(Word(stem: stem(text[s...]), range: s..<text.endIndex)) }
        return out
    }

    /// Lower case, without a plural or an -ing/-ed ending and a final e, so that
    /// "caches", "cached", "caching" and "cache" are one word.
    static func stem(_ word: Substring) -> String {
        var w = word.lowercased()
        if w.count > 4, w.hasSuffix("ies") { w = String(w.dropLast(3)) + "y" }
        else if w.count > 4, ["sses", "shes", "ches", "xes"].contains(where: w.hasSuffix) { w = String(w.dropLast(2)) }
        else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { w = String(w.dropLast()) }
        if w.count > 5, w.hasSuffix("ing") { w = String(w.dropLast(3)) }
        else if w.count > 4, w.hasSuffix("ed") { w = String(w.dropLast(2)) }
        if w.count > 3, w.hasSuffix("e") { w = String(w.dropLast()) }
        return w
    }

    /// The notes' text where the phrase's words appear in a row, or nil.
    static func find(_ phrase: String, in words: [Word], of notes: String) -> String? {
        let wanted = Self.words(phrase).map(\.stem)
        guard !wanted.isEmpty, wanted.count <= words.count else { return nil }
        for start in 0...(words.count - wanted.count)
        where (0..<wanted.count).allSatisfy({ words[start + $0].stem == wanted[$0] }) {
            return String(notes[words[start].range.lowerBound..<words[start + wanted.count - 1].range.upperBound])
        }
        return nil
    }

    // MARK: - Figures

    /// For each wanted figure, the notes' figure that says it, as typed. Within an item each
    /// figure of the notes says one number ("8.4" is not also "8"): the closest pairs are
    /// taken first, then earlier ones.
    static func assign(_ wanted: [Quantity], to figures: [[NumberParser.Reading]]) -> [String?] {
        var pairs: [(want: Int, figure: Int, text: String, off: Double)] = []
        for (w, quantity) in wanted.enumerated() {
            for (f, readings) in figures.enumerated() {
                guard let r = readings.first(where: { says($0, quantity) }) else { continue }
                let same = r.quantity.unit.dimension == quantity.unit.dimension
                let a = same ? r.quantity.baseValue : r.quantity.value, b = same ? quantity.baseValue : quantity.value
                pairs.append((w, f, String(r.text), abs(a - b) / max(abs(a), abs(b), .leastNonzeroMagnitude)))
            }
        }
        pairs.sort { ($0.off, $0.figure, $0.want) < ($1.off, $1.figure, $1.want) }
        var out = [String?](repeating: nil, count: wanted.count), used: Set<Int> = []
        for pair in pairs where out[pair.want] == nil && !used.contains(pair.figure) {
            out[pair.want] = pair.text
            used.insert(pair.figure)
        }
        return out
    }

    /// Same kind of quantity and the same value within `tolerance`. Counts and rates
    /// of named things must name the same thing ("1M followers" is not "1M writes"),
    /// while a plain count or rate ("1,000,000", "10K/s") may stand for any.
    static func says(_ reading: NumberParser.Reading, _ wanted: Quantity) -> Bool {
        let found = reading.quantity
        // "$320K" for "$320K/month" (or the other way): a sum written without its period is read in the other's.
        let sums: Set<Calculators.Dimension> = [.money, .moneyRate]
        if found.unit.dimension != wanted.unit.dimension, sums.contains(found.unit.dimension), sums.contains(wanted.unit.dimension) {
            return close(found.value, wanted.value)
        }
        guard found.unit.dimension == wanted.unit.dimension else { return false }
        if found.unit.dimension == .count || found.unit.dimension == .rate {
            // What is counted: "writes" of "writes" and of "writes/s"; "" for a plain count or rate.
            func counted(_ u: Calculators.Unit) -> Substring { u.symbol.prefix { $0 != "/" } }
            let a = counted(found.unit), b = counted(wanted.unit)
            if !a.isEmpty, !b.isEmpty, a != b { return false }
        } else if !reading.hasUnit {
            return false
        }
        return close(found.baseValue, wanted.baseValue)
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        guard a.isFinite, b.isFinite else { return false }
        if a == b { return true }
        return abs(a - b) <= tolerance * max(abs(a), abs(b))
    }
}
