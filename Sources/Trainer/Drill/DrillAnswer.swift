import Calculators

/// A guess typed at a drill prompt, read in the answer's unit.
public enum DrillAnswer: Equatable, Sendable {
    /// The guess in the answer's unit (90 for "90 s" or "1.5 min" against seconds).
    case value(Double)
    /// An empty line: show the answer without guessing (scored as a miss).
    case reveal
    /// "0.5" for a percentage: 0.5 % or 50 %? Ask, then read again.
    case ambiguous(PercentAmbiguity)
    /// Not a number, or a unit of another kind; the message names what is accepted.
    case invalid(String)

    /// "90", "1.5K", "3 min", "2 TB", "54%" (percent answers), "$1,200".
    public static func read(_ text: String, unit: Calculators.Unit) -> DrillAnswer {
        var t = text.trimmed
        guard !t.isEmpty else { return .reveal }
        if let ambiguity = PercentAmbiguity.check(typed: t, unit: unit) { return .ambiguous(ambiguity) }
        if t.hasSuffix("%") {
            guard unit == .percent else { return .invalid(hint(text, unit)) }
            t.removeLast()
        }
        if let v = NumberParser.parse(t) { return .value(v) }
        if let q = NumberParser.parseWithUnit(t), q.unit.dimension == unit.dimension,
           let converted = try? q.converted(to: unit) {
            return .value(converted.value)
        }
        return .invalid(hint(text, unit))
    }

    static func hint(_ text: String, _ unit: Calculators.Unit) -> String {
        let same = Calculators.Unit.known.filter { $0.dimension == unit.dimension && !$0.symbol.isEmpty }.map(\.symbol)
        let units = same.isEmpty ? "" : " or with a unit (\(same.joined(separator: ", ")))"
        return "\"\(text.trimmed)\" is not a number: type it in \(unit.symbol.isEmpty ? "plain numbers" : unit.symbol)\(units), "
            + "or press Enter to see the answer"
    }
}
