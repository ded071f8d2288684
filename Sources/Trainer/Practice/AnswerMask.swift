import Calculators
import Foundation

/// The numbers a panel's text must not show before the guess, and the text
/// with them covered: "pushing takes 100 s" reads "pushing takes ? s" while
/// push time is asked.
///
/// Why the text and not only the calculator: a lesson's table, its opening
/// line or a claim often states the very figure an estimate asks for (the
/// board's own numbers are what the panel teaches), and rewording every such
/// line would take the figure out of the lesson after the guess as well.
/// Covered are the hidden answers themselves and the results that give them
/// in one step (`GiveAway.revealing`). A bare number under 100 ("N=3") is
/// covered only when it reads as an answer asked: a small figure that
/// happens to equal a side result is more often a parameter.
public struct AnswerMask: Equatable, Sendable {
    public struct Covered: Equatable, Sendable {
        public let quantity: Quantity
        /// The answer asked (bare numbers equal to it are covered too).
        public let asked: Bool
        public init(_ quantity: Quantity, asked: Bool) {
            self.quantity = quantity
            self.asked = asked
        }
    }

    public let covered: [Covered]

    public init(_ covered: [Covered] = []) {
        self.covered = covered.filter { $0.quantity.baseValue.isFinite && $0.quantity.baseValue != 0 }
    }

    public var isEmpty: Bool { covered.isEmpty }

    /// How close a number on screen must come to read as the answer.
    static let tolerance = 0.02

    /// `text` with each number that reads as a covered value replaced by "?"
    /// (its unit kept, so the sentence still reads). With `keepWidth` the
    /// "?" is padded to the number's width, so fenced tables stay aligned.
    public func apply(_ text: String, keepWidth: Bool = false) -> String {
        guard !isEmpty, text.contains(where: \.isNumber) else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for m in Self.pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let number = m.range(at: 2)
            guard covers(m, in: ns) else { continue }
            // From the number's start (the "$" stays) to the end of its suffix.
            let suffix = m.range(at: 3)
            let end = suffix.location == NSNotFound ? number.location + number.length : suffix.location + suffix.length
            out += ns.substring(with: NSRange(location: last, length: number.location - last))
            out += keepWidth ? "?" + String(repeating: " ", count: max(0, end - number.location - 1)) : "?"
            last = end
        }
        out += ns.substring(from: last)
        return out
    }

    /// "$38.4K/month", "40 %", "1.2M writes/s", "100 workers", "3,600"; a comma
    /// after the last digit ends the sentence's clause, not the number ("$52,750, a saving").
    static let pattern = try! NSRegularExpression(
        pattern: #"(\$?)(?<![\w.])(\d(?:[\d,]*\d)?(?:\.\d+)?)(?:([KMGTB])(?![A-Za-z]))?(?:\s?(%|×|/?[A-Za-z$µ][A-Za-z$/\-]*))?"#)

    func covers(_ m: NSTextCheckingResult, in ns: NSString) -> Bool {
        func group(_ i: Int) -> String? { m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
        let digits = group(2) ?? ""
        guard var value = NumberParser.parse(digits) else { return false }
        var scale = 1.0
        switch group(3) { case "K": scale = 1e3; case "M": scale = 1e6; case "G", "B": scale = 1e9; case "T": scale = 1e12; default: break }
        value *= scale
        let slack = Self.slack(digits) * scale
        let dollar = group(1) == "$"
        let word = group(4)
        var quantity: Quantity?
        if let word, let unit = try? Calculators.Unit.named(word == "×" ? "x" : word) { quantity = Quantity(value, unit) }
        if dollar, let word, let unit = try? Calculators.Unit.named(word.hasPrefix("/") ? "$" + word : word) {
            quantity = Quantity(value, unit)
        }
        if dollar, quantity == nil || quantity?.unit.dimension == .count { quantity = Quantity(value, .dollars) }
        return covered.contains { c in
            let t = c.quantity
            func near(_ a: Double, _ b: Double, slack s: Double) -> Bool { Self.close(a, b, slack: s) }
            if let q = quantity {
                if dollar, Self.money.contains(t.unit.dimension), near(value, t.value, slack: slack) { return true }
                let plain: Set<Calculators.Dimension> = [.count, .ratio]
                let sameKind = q.unit.dimension == t.unit.dimension
                    || (plain.contains(q.unit.dimension) && plain.contains(t.unit.dimension))
                    || (q.unit.dimension == .money && t.unit.dimension == .moneyRate)
                let factor = q.value == 0 ? 1 : q.baseValue / q.value
                return sameKind && (near(q.baseValue, t.baseValue, slack: slack * factor) || near(q.value, t.value, slack: slack))
            }
            // A word that is no unit ("18 versions"): the answer asked, or a count of those.
            if let word { return (c.asked || word == t.unit.symbol) && near(value, t.value, slack: slack) }
            // A bare number: the answer asked, or a figure long enough not to be a small parameter.
            guard c.asked || value >= 100 else { return false }
            let shown = Self.displayed(t)
            return near(value, t.value, slack: slack) || shown.map { near(value, $0, slack: slack) } == true
        }
    }

    /// Half a unit in the last digit printed ("0.011": 0.0005; "55": 0.5): a
    /// rounded figure covers the value it rounds.
    static func slack(_ digits: String) -> Double {
        let plain = digits.replacingOccurrences(of: ",", with: "")
        if let dot = plain.firstIndex(of: ".") {
            let decimals = plain.distance(from: dot, to: plain.endIndex) - 1
            return 0.5 * pow(10, -Double(decimals))
        }
        return 0.5
    }

    /// Within 2 %, or within the rounding of the printed figure (at most 5 %).
    static func close(_ a: Double, _ b: Double, slack: Double = 0) -> Bool {
        guard a.isFinite, b.isFinite else { return false }
        let d = abs(a - b)
        return d <= tolerance * abs(b) || (d <= slack && d <= 0.05 * abs(b))
    }

    static let money: Set<Calculators.Dimension> = [.money, .moneyRate, .pricePerData, .pricePerDataMonth, .costPerLatency]

    /// The number as the calculator prints it (54.6 ms for 0.0546 s).
    static func displayed(_ q: Quantity) -> Double? {
        let text = Format.quantity(q)
        let ns = text as NSString
        guard let m = pattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              var v = NumberParser.parse(ns.substring(with: m.range(at: 2))) else { return nil }
        if m.range(at: 3).location != NSNotFound {
            switch ns.substring(with: m.range(at: 3)) { case "K": v *= 1e3; case "M": v *= 1e6; case "G", "B": v *= 1e9; case "T": v *= 1e12; default: break }
        }
        return v
    }

}
