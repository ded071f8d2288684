/// Ranks technical-debt items three ways: the board's impact × risk / effort,
/// SAFe's WSJF (cost of delay / job size) and Intercom's RICE.
///
/// The board scores Single region 9 × 8 / 9 and prints 7.2; it is 8.0, below
/// Coarse sharding's 8.4, so the board's order (single region first) is wrong
/// by its own formula.
///
/// WSJF and RICE take their own inputs on their published scales, not the
/// board's 1–10 scores:
/// - WSJF = (user-business value + time criticality + risk reduction or
///   opportunity enablement) / job size, each scored relative to the other
///   items on 1, 2, 3, 5, 8, 13, 20 (SAFe).
/// - RICE = reach × impact × confidence / effort, with reach a count of
///   people per period (users a quarter), impact 3 massive, 2 high, 1 medium,
///   0.5 low, 0.25 minimal, confidence 100 %, 80 % or 50 %, and effort in
///   person-months, half a month at least (Intercom, 2016).
public struct DebtPrioritizer: Calculator {
    public init() {}
    public let name = "debt"
    public let title = "Debt prioritizer"
    public let summary = "Ranks debt items by impact × risk / effort, WSJF and RICE, and shows where they disagree."

    /// WSJF's relative scale (SAFe's modified Fibonacci).
    public static let fibonacci: [Double] = [1, 2, 3, 5, 8, 13, 20]
    /// RICE impact, with Intercom's names.
    public static let riceImpact: [(Double, String)] = [(3, "massive"), (2, "high"), (1, "medium"), (0.5, "low"), (0.25, "minimal")]
    /// RICE confidence in percent, with Intercom's names.
    public static let riceConfidence: [(Double, String)] = [(100, "high"), (80, "medium"), (50, "low")]

    /// The five debts the board lists. The first three carry the board's impact, risk and
    /// effort; the last two, and every WSJF and RICE input, are our own scores, marked as
    /// such in the lesson.
    struct Slot {
        let name: String, short: String
        let impact: Double, risk: Double, effort: Double
        /// WSJF: user-business value, time criticality, risk reduction / opportunity enablement, job size.
        let value: Double, criticality: Double, riskReduction: Double, size: Double
        /// RICE: users reached a quarter, impact, confidence (%), person-months.
        let reach: Double, riceImpact: Double, confidence: Double, months: Double
    }

    static let slots: [Slot] = [
        Slot(name: "Single region deployment", short: "single region", impact: 9, risk: 8, effort: 9,
             value: 13, criticality: 5, riskReduction: 20, size: 20, reach: 200_000_000, riceImpact: 3, confidence: 50, months: 12),
        Slot(name: "Simple ranking algorithm", short: "simple ranking", impact: 7, risk: 2, effort: 8,
             value: 13, criticality: 3, riskReduction: 2, size: 13, reach: 200_000_000, riceImpact: 1, confidence: 50, months: 18),
        Slot(name: "Coarse sharding", short: "coarse sharding", impact: 6, risk: 7, effort: 5,
             value: 8, criticality: 8, riskReduction: 13, size: 8, reach: 200_000_000, riceImpact: 0.5, confidence: 80, months: 6),
        Slot(name: "Manual cache tuning", short: "cache tuning", impact: 4, risk: 4, effort: 3,
             value: 3, criticality: 2, riskReduction: 5, size: 3, reach: 40_000_000, riceImpact: 0.25, confidence: 80, months: 2),
        Slot(name: "Synchronous image processing", short: "sync images", impact: 5, risk: 3, effort: 2,
             value: 5, criticality: 3, riskReduction: 3, size: 2, reach: 20_000_000, riceImpact: 1, confidence: 100, months: 1),
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
            func wsjf(_ key: String, _ what: String, _ v: Double, _ help: String) -> Parameter {
                .levels("\(d).\(key)", "\(short): \(what)", DebtPrioritizer.fibonacci, default: v, help: help + " WSJF scale: 1, 2, 3, 5, 8, 13, 20, relative to the other items.")
            }
            list += [
                score("impact", "impact", s.impact, "Business impact, 1–10 (the board's formula)."),
                score("risk", "risk", s.risk, "Failure risk, 1–10 (the board's formula)."),
                score("effort", "effort", s.effort, "Effort to fix, 1–10 (the board's formula)."),
                wsjf("value", "WSJF value", s.value, "User-business value."),
                wsjf("urgency", "WSJF time criticality", s.criticality, "How fast the value decays if we wait."),
                wsjf("rroe", "WSJF risk reduction", s.riskReduction, "Risk reduction or opportunity enablement."),
                wsjf("size", "WSJF job size", s.size, "Job size, the divisor."),
                Parameter("\(d).reach", "\(short): RICE reach", unit: .usersPerQuarter, default: s.reach, range: 1...1e10,
                          scale: .logarithmic, help: "People the fix reaches in a quarter: a count per period, not a share."),
                .levels("\(d).rice_impact", "\(short): RICE impact", DebtPrioritizer.riceImpact.map(\.0), names: DebtPrioritizer.riceImpact.map(\.1),
                        default: s.riceImpact, help: "Per person reached: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal."),
                .levels("\(d).confidence", "\(short): RICE confidence", unit: .percent, DebtPrioritizer.riceConfidence.map(\.0),
                        names: DebtPrioritizer.riceConfidence.map(\.1), default: s.confidence, help: "100 % high, 80 % medium, 50 % low."),
                Parameter("\(d).months", "\(short): RICE effort", unit: .personMonths, default: s.months, range: 0.5...1_000,
                          step: 0.5, help: "Person-months across product, design and engineering; half a month at least."),
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
            let costOfDelay = p[d + "value"] + p[d + "urgency"] + p[d + "rroe"]
            let reach = p.value(d + "reach", in: .usersPerQuarter)
            return Scored(index: i, name: Self.itemName(i), short: Self.slots.indices.contains(i) ? Self.slots[i].short : "item \(i + 1)",
                          priority: impact * risk / effort,
                          wsjf: costOfDelay / max(p[d + "size"], 1),
                          rice: reach * p[d + "rice_impact"] * p.fraction(d + "confidence") / max(p[d + "months"], 0.5))
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
