/// Ranks technical-debt items three ways: the board's impact × risk / effort,
/// SAFe's WSJF (cost of delay / job size) and Intercom's RICE.
///
/// The board scores Single region 9 × 8 / 9 and prints 7.2; it is 8.0, below
/// Coarse sharding's 8.4, so the board's order (single region first) is wrong
/// by its own formula.
public struct DebtPrioritizer: Calculator {
    public init() {}
    public let name = "debt"
    public let title = "Debt prioritizer"
    public let summary = "Ranks debt items by impact × risk / effort, WSJF and RICE, and shows where they disagree."

    /// The five debts the board lists; the first three carry its scores, the
    /// last two our own, marked as such in the lesson.
    static let slots: [(name: String, short: String, impact: Double, risk: Double, effort: Double,
                        urgency: Double, reach: Double, confidence: Double)] = [
        ("Single region deployment", "single region", 9, 8, 9, 5, 100, 80),
        ("Simple ranking algorithm", "simple ranking", 7, 2, 8, 3, 100, 50),
        ("Coarse sharding", "coarse sharding", 6, 7, 5, 6, 100, 80),
        ("Manual cache tuning", "cache tuning", 4, 4, 3, 2, 60, 80),
        ("Synchronous image processing", "sync images", 5, 3, 2, 4, 30, 100),
    ]

    public static func itemName(_ index: Int) -> String {
        slots.indices.contains(index) ? slots[index].name : "item \(index + 1)"
    }

    public let parameters: [Parameter] = {
        var list = [Parameter("items", "items", unit: .items, default: 3, range: 1...Double(slots.count), integral: true,
                              help: "How many of the board's debts to rank.")]
        for (i, s) in slots.enumerated() {
            let d = "d\(i + 1)", short = s.short
            func score(_ key: String, _ what: String, _ v: Double, _ help: String) -> Parameter {
                Parameter("\(d).\(key)", "\(short): \(what)", default: v, range: 1...10, integral: true, help: help)
            }
            list += [
                score("impact", "impact", s.impact, "Business impact, 1–10."),
                score("risk", "risk", s.risk, "Failure risk, 1–10."),
                score("effort", "effort", s.effort, "Effort to fix, 1–10 (also WSJF job size and RICE effort)."),
                score("urgency", "urgency", s.urgency, "Time criticality for WSJF, 1–10."),
                Parameter("\(d).reach", "\(short): reach", unit: .percent, default: s.reach, range: 0...100, step: 10,
                          help: "Share of users affected, for RICE."),
                Parameter("\(d).confidence", "\(short): confidence", unit: .percent, default: s.confidence,
                          range: 0...100, step: 10, help: "RICE confidence: 100 high, 80 medium, 50 low."),
            ]
        }
        return list
    }()

    public func visibleParameters(_ inputs: Inputs) -> [Parameter] {
        let n = Int(inputs["items"])
        return parameters.filter { p in
            guard p.key.hasPrefix("d"), let dot = p.key.firstIndex(of: "."),
                  let i = Int(p.key[p.key.index(after: p.key.startIndex)..<dot]) else { return true }
            return i <= n
        }
    }

    public struct Scored: Hashable, Sendable {
        public let index: Int, name: String, short: String, priority: Double, wsjf: Double, rice: Double
    }

    public func score(_ p: Inputs) -> [Scored] {
        (0..<Int(p["items"])).map { i in
            let d = "d\(i + 1)."
            let impact = p[d + "impact"], risk = p[d + "risk"], effort = max(p[d + "effort"], 1)
            return Scored(index: i, name: Self.itemName(i), short: Self.slots.indices.contains(i) ? Self.slots[i].short : "item \(i + 1)",
                          priority: impact * risk / effort,
                          wsjf: (impact + p[d + "urgency"] + risk) / effort,
                          rice: p[d + "reach"] * impact * p.fraction(d + "confidence") / effort)
        }
    }

    /// Rank 1 for the highest score; ties keep list order, so a ranking is always a permutation.
    static func ranks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        var rank = [Int](repeating: 0, count: values.count)
        for (position, index) in order.enumerated() { rank[index] = position + 1 }
        return rank
    }

    public func evaluate(_ p: Inputs) -> Output {
        let items = score(p)
        let byPriority = Self.ranks(items.map(\.priority))
        let byWSJF = Self.ranks(items.map(\.wsjf)), byRICE = Self.ranks(items.map(\.rice))
        var results: [ResultValue] = []
        for item in items {
            let d = "d\(item.index + 1)"
            results += [
                ResultValue("\(d).priority", "\(item.short): priority", item.priority, .count),
                .rank("\(d).rank", "\(item.short): rank", byPriority[item.index]),
                ResultValue("\(d).wsjf", "\(item.short): WSJF", item.wsjf, .count),
                .rank("\(d).wsjf_rank", "\(item.short): WSJF rank", byWSJF[item.index]),
                ResultValue("\(d).rice", "\(item.short): RICE", item.rice, .count),
                .rank("\(d).rice_rank", "\(item.short): RICE rank", byRICE[item.index]),
            ]
        }
        let top = items.first { byPriority[$0.index] == 1 }
        results.append(.choice("top", "fix first", top?.name ?? "—", index: top?.index ?? 0))
        var notes: [String] = []
        if byPriority != byWSJF || byPriority != byRICE {
            notes.append("The three methods disagree on the order: say which one you use and why.")
        }
        let ordered = items.sorted { byPriority[$0.index] < byPriority[$1.index] }
        let table = ResultTable(
            rows: items.map { .init("d\($0.index + 1)", $0.short) },
            columns: [.init("priority", "priority"), .init("rank", "rank"), .init("wsjf", "wsjf"), .init("wsjf_rank", "wsjf #"),
                      .init("rice", "rice"), .init("rice_rank", "rice #")])
        return Output(results: results, tables: [table], charts: [
            .bars(title: "impact × risk / effort", bars: ordered.map {
                .init($0.short, Quantity($0.priority, .count), highlighted: byPriority[$0.index] == 1)
            }),
        ], notes: notes)
    }
}
