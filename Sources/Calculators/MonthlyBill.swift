/// The monthly bill for the whole system, per year and per daily active user.
///
/// The board's lines add up ($149,000 + $30,000 ≈ $180,000/month, ~$2.15M a
/// year), but its per-user figures do not: $2.15M over 200M DAU is about
/// $0.011 a year, not $0.90, and $0.00003 a day, not $0.009. Two lines also sit
/// far below list prices: 100 TB/day of egress, and 5 PB in S3 Standard.
public struct MonthlyBill: Calculator {
    public init() {}
    public let name = "bill"
    public let title = "Monthly bill"
    public let summary = "Infrastructure and transfer per month and year, per DAU, and two lines checked at list price."

    static let lines: [(key: String, label: String, cost: Double)] = [
        ("redis", "Redis (3 TB)", 5_000), ("cassandra", "Cassandra (50 TB)", 8_000),
        ("postgres", "PostgreSQL", 3_000), ("kafka", "Kafka", 2_000), ("app_servers", "app servers", 10_000),
        ("s3", "S3 (5 PB)", 100_000), ("cdn", "CDN", 20_000), ("load_balancers", "load balancers", 1_000),
    ]

    public let parameters: [Parameter] = [
        Parameter("dau", "daily active users", unit: .accounts, default: 200_000_000, range: 1...1e10,
                  scale: .logarithmic, integral: true),
    ] + MonthlyBill.lines.map {
        Parameter($0.key, $0.label, unit: .dollarsPerMonth, default: $0.cost, range: 0...1e9, step: 1_000)
    } + [
        Parameter("transfer", "data transfer", unit: .dollarsPerMonth, default: 30_000, range: 0...1e9, step: 1_000,
                  help: "As the board states it."),
        Parameter("transfer_tb_per_day", "transfer volume", unit: .terabytesPerDay, default: 100, range: 0...1e6, step: 10,
                  help: "Outbound TB per day (board: 100)."),
        Parameter("transfer_price", "egress list price", unit: .dollarsPerGB, default: 0.05, range: 0...10, step: 0.005,
                  help: "AWS internet egress over 150 TB/month, 2026."),
        Parameter("s3_pb", "S3 volume", unit: .petabytes, default: 5, range: 0...10_000, step: 0.5),
        Parameter("s3_price", "S3 list price", unit: .dollarsPerGBMonth, default: 0.023, range: 0...10, step: 0.001,
                  help: "S3 Standard first tier, Sept 2026."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let infra = Self.lines.reduce(Quantity(0, .dollarsPerMonth)) { $0 + p.quantity($1.key) }
        let total = infra + p.quantity("transfer")
        let dau = Quantity(max(p["dau"], 1), .accounts)
        // TB/day × $/GB: the day-to-month step (×30.4) is in the units, not in this code.
        let transferAtList = p.quantity("transfer_tb_per_day") * p.quantity("transfer_price")
        let s3AtList = p.quantity("s3_pb") * p.quantity("s3_price")
        var bars = Self.lines.map { Chart.Bar($0.label, p.quantity($0.key)) }
        bars.append(.init("transfer", p.quantity("transfer")))
        return Output(results: [
            ResultValue("infrastructure.monthly", "infrastructure", infra),
            ResultValue("total.monthly", "total", total),
            ResultValue("total.yearly", "total per year", total, in: .dollarsPerYear),
            ResultValue("per_dau.yearly", "per DAU per year", total / dau, in: .dollarsPerYear),
            ResultValue("per_dau.daily", "per DAU per day", total / dau, in: .dollarsPerDay),
            ResultValue("transfer.at_list", "transfer at list price", transferAtList, in: .dollarsPerMonth),
            ResultValue("s3.at_list", "S3 at list price", s3AtList, in: .dollarsPerMonth),
        ], charts: [.bars(title: "$ per month by line", bars: bars)])
    }
}
