import Calculators

/// What on a calculator's screen would answer an estimate before the guess:
/// a result equal to the hidden one, or two numbers on screen (results or
/// parameters) that give it in one step of ×, ÷, + or −. Savings and the
/// all-hot bill side by side answer "what share does the split save?".
public enum GiveAway {
    /// How close a derived number must come to count as the answer: the
    /// screen shows three figures, so one step on them lands within this.
    public static let tolerance = 0.01

    /// The results to hide, besides `target` itself, so that no result left
    /// shown equals the target and no pair of numbers left shown derives it.
    /// Of a pair the result is hidden (parameters are the question's own
    /// numbers); of two results, the one named like the target, else the second.
    public static func revealing(_ target: String, output: Output, inputs: Inputs,
                                 parameters: [Parameter]) -> Set<String> {
        guard let goal = output[target], goal.isDefined, goal.text == nil else { return [] }
        let truth = goal.quantity.baseValue
        guard truth.isFinite, truth != 0 else { return [] }
        let shownParameters: [Number] = parameters.compactMap { p in
            guard p.choices.isEmpty else { return nil }
            let q = Quantity(inputs[p.key], p.unit)
            return q.baseValue.isFinite ? Number(key: nil, quantity: q) : nil
        }
        let prefix = target.split(separator: ".").first.map(String.init)
        // A rank is a place ("2nd"), not an amount: no one divides a bill by it, so it
        // takes no part in a step (and is not hidden for a coincidence of digits).
        let results: [Number] = output.results.compactMap { r in
            guard r.key != target, r.kind != .rank, r.isDefined, r.text == nil, r.quantity.baseValue.isFinite else { return nil }
            return Number(key: r.key, quantity: r.quantity)
        }
        // A result equal to the answer, in the same kind of quantity, goes first.
        var hidden = Set(results.filter { answers($0.quantity, goal.quantity) }.compactMap(\.key))
        // Then, in screen order, each pair still whole that gives the answer in one step
        // loses one of its numbers. Hiding a number never makes a new pair, so one pass
        // over the pairs finds what rescanning after every hide would (at n² work, not n³).
        let shown = results.filter { !hidden.contains($0.key!) } + shownParameters
        // Which of `shown` are hidden so far, by place (a result's key names one place):
        // the pairs are checked on every change of a value, so without hashing a key each time.
        var isHidden = [Bool](repeating: false, count: shown.count)
        var places: [String: [Int]] = [:]
        for i in shown.indices { if let key = shown[i].key { places[key, default: []].append(i) } }
        for i in shown.indices {
            for j in shown.indices where j != i && (shown[i].key != nil || shown[j].key != nil) {
                if isHidden[i] { break }
                if isHidden[j] { continue }
                guard derives(shown[i].quantity, shown[j].quantity, goal.quantity) else { continue }
                let keys = [shown[i].key, shown[j].key].compactMap { $0 }
                let key = keys.first { k in prefix != nil && k.split(separator: ".").first.map(String.init) == prefix } ?? keys.last!
                hidden.insert(key)
                for at in places[key] ?? [] { isHidden[at] = true }
            }
        }
        return hidden
    }

    /// Whether one of `steps(a, b)` answers `truth`: the same steps in the same order,
    /// made one at a time and none kept, since this runs for every pair of numbers on screen.
    static func derives(_ a: Quantity, _ b: Quantity, _ truth: Quantity) -> Bool {
        func hit(_ q: Quantity) -> Bool { q.baseValue.isFinite && answers(q, truth) }
        if let p = try? a.times(b), hit(p) { return true }
        if a.unit.dimension == .costPerLatency, b.unit.dimension == .time, let ms = try? b.converted(to: .milliseconds),
           hit(Quantity(a.value * ms.value, .dollarsPerMonth)) { return true }
        if b.baseValue != 0, let q = try? a.dividedBy(b), hit(q) { return true }
        let d = a.unit.dimension
        let like = d == b.unit.dimension && (d != .count && d != .ratio || a.unit.symbol == b.unit.symbol)
        return like && (hit(a + b) || hit(a - b))
    }

    /// What one step of ×, ÷, + or − makes of two quantities, where the units
    /// allow it: a rate times a time is a count, seconds plus bytes is nothing,
    /// and only like units add (a rank plus a confidence is not a number anyone reads).
    public static func steps(_ a: Quantity, _ b: Quantity) -> [Quantity] {
        var out: [Quantity] = []
        if let p = try? a.times(b) { out.append(p) }
        if a.unit.dimension == .costPerLatency, b.unit.dimension == .time, let ms = try? b.converted(to: .milliseconds) {
            out.append(Quantity(a.value * ms.value, .dollarsPerMonth))
        }
        if b.baseValue != 0, let q = try? a.dividedBy(b) { out.append(q) }
        let like = a.unit.dimension == b.unit.dimension
            && (![.count, .ratio].contains(a.unit.dimension) || a.unit.symbol == b.unit.symbol)
        if like {
            out.append(a + b)
            out.append(a - b)
        }
        return out.filter { $0.baseValue.isFinite }
    }

    /// Whether a quantity reads as the answer: the same kind (counts and plain
    /// ratios count as one kind), within the tolerance.
    public static func answers(_ q: Quantity, _ truth: Quantity) -> Bool {
        // The value first: it rules out nearly every candidate without looking at units.
        guard close(q.baseValue, truth.baseValue) else { return false }
        func plain(_ d: Dimension) -> Bool { d == .count || d == .ratio }
        return q.unit.dimension == truth.unit.dimension || (plain(q.unit.dimension) && plain(truth.unit.dimension))
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a.isFinite && abs(a - b) <= tolerance * abs(b)
    }

    struct Number {
        let key: String?
        let quantity: Quantity
    }
}
