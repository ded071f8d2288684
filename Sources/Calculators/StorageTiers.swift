/// Media storage kept all in S3 Standard versus split hot / warm / cold.
///
/// Board: 5 PB, 20 / 30 / 50 % at $0.023 / $0.0125 / $0.004 per GB-month and
/// $1,000/month of retrieval fees. All-hot ($115,000) is right; the tiered
/// total is $52,750, not the $44,000 the board prints (so the savings are
/// $62,250/month, not $71,000).
///
/// Those prices are each class's first tier. At S3 Standard's volume tiers
/// ($0.023 / $0.022 / $0.021 per GB-month, Sept 2026) all-hot is $105,550 and
/// the split $51,300, so tiering saves $54,250 a month at list.
public struct StorageTiers: Calculator {
    public init() {}
    public let name = "storage"
    public let title = "Storage tiers"
    public let summary = "Monthly storage bill, all hot versus tiered, and what tiering saves."

    public let parameters: [Parameter] = [
        Parameter("size_pb", "stored", unit: .petabytes, default: 5, range: 0...10_000, step: 0.5,
                  help: "Media kept (board: 5 PB)."),
        Parameter("hot_percent", "hot share", unit: .percent, default: 20, range: 0...100, step: 5),
        Parameter("warm_percent", "warm share", unit: .percent, default: 30, range: 0...100, step: 5,
                  help: "Cold is what hot and warm leave."),
        Parameter("hot_price", "hot price", unit: .dollarsPerGBMonth, default: 0.023, range: 0...10, step: 0.001,
                  help: "S3 Standard, first 50 TB, Sept 2026 (larger volumes: $0.022, $0.021)."),
        Parameter("warm_price", "warm price", unit: .dollarsPerGBMonth, default: 0.0125, range: 0...10, step: 0.0005,
                  help: "S3 Standard-IA, Sept 2026 (+$0.01/GB retrieved)."),
        Parameter("cold_price", "cold price", unit: .dollarsPerGBMonth, default: 0.004, range: 0...10, step: 0.0005,
                  help: "S3 Glacier Instant Retrieval, 2026 (+$0.03/GB retrieved, ms reads). Glacier Flexible Retrieval is $0.0036, restores in minutes to hours."),
        Parameter("retrieval_fees", "retrieval fees", unit: .dollarsPerMonth, default: 1_000, range: 0...1e9, step: 100),
        .choice("billing", "GB billed as", ListPrices.Billing.self, default: .gb,
                help: "For the list-price lines: GB counts 1 TB as 1,000 GB; GiB as AWS bills, 1 TB = 1,024 GB."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let size = p.quantity("size_pb")
        let hot = p.fraction("hot_percent")
        let warm = min(p.fraction("warm_percent"), 1 - hot)
        let cold = max(0, 1 - hot - warm)
        func cost(_ share: Double, _ priceKey: String) -> Double {
            // PB × $/GB-month, converted in base units: never PB × price as if it were GB.
            (size * p.quantity(priceKey) * share).measured(in: .dollarsPerMonth)
        }
        let allHot = cost(1, "hot_price")
        let hotCost = cost(hot, "hot_price"), warmCost = cost(warm, "warm_price"), coldCost = cost(cold, "cold_price")
        let tiered = hotCost + warmCost + coldCost + p.dollarsPerMonth("retrieval_fees")
        let savings = allHot - tiered
        // At list: S3 Standard's volume tiers on the bytes kept in Standard; IA and Glacier as set.
        let billing = p.choice("billing", as: ListPrices.Billing.self)
        let allHotList = ListPrices.s3Standard.cost(size, billing: billing)
        let unitVolume = Quantity(1, size.unit)
        let binary = ListPrices.gigabytes(unitVolume, billing: billing) / unitVolume.measured(in: .gigabytes)
        let tieredList = ListPrices.s3Standard.cost(size * hot, billing: billing)
            + (warmCost + coldCost) * binary + p.dollarsPerMonth("retrieval_fees")
        var notes: [String] = []
        if p["hot_percent"] + p["warm_percent"] > 100 {
            notes.append("hot + warm exceed 100 %: warm is cut to \(Format.quantity(Quantity(warm, .ratio).expressed(in: .percent))), cold is 0 %.")
        }
        if savings < 0 { notes.append("Tiering costs more than keeping everything hot here.") }
        return Output(results: [
            ResultValue("all_hot.monthly", "all hot", allHot, .dollarsPerMonth),
            ResultValue("tiered.hot", "tiered: hot", hotCost, .dollarsPerMonth),
            ResultValue("tiered.warm", "tiered: warm", warmCost, .dollarsPerMonth),
            ResultValue("tiered.cold", "tiered: cold", coldCost, .dollarsPerMonth),
            ResultValue("tiered.monthly", "tiered total", tiered, .dollarsPerMonth),
            ResultValue("savings.monthly", "savings", savings, .dollarsPerMonth),
            ResultValue("savings.yearly", "savings per year", Quantity(savings, .dollarsPerMonth), in: .dollarsPerYear),
            ResultValue("savings.percent", "savings share", Quantity(allHot > 0 ? savings / allHot : 0, .ratio), in: .percent),
            ResultValue("cold_percent", "cold share", Quantity(cold, .ratio), in: .percent),
            ResultValue("all_hot.at_list", "all hot, Standard's tiers", allHotList, .dollarsPerMonth),
            ResultValue("tiered.at_list", "tiered, Standard's tiers", tieredList, .dollarsPerMonth),
            ResultValue("savings.at_list", "savings at list", allHotList - tieredList, .dollarsPerMonth),
        ], charts: [
            .bars(title: "$ per month", bars: [
                .init("all hot", Quantity(allHot, .dollarsPerMonth)),
                .init("tiered", Quantity(tiered, .dollarsPerMonth), highlighted: tiered < allHot),
            ]),
        ], notes: notes)
    }
}
