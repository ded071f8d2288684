/// The monthly bill for the whole system, per year and per daily active user.
///
/// The board's lines add up ($149,000 + $30,000 ≈ $180,000/month, ~$2.15M a
/// year), but its per-user figures do not: $2.15M over 200M DAU is about
/// $0.011 a year, not $0.90, and $0.00003 a day, not $0.009. Lines also sit far
/// below list prices: 100 TB/day of egress, 5 PB in S3 Standard, 3 TB of Redis.
///
/// At list (AWS volume tiers, `ListPrices`) the bytes are paid once: media
/// leaves through CloudFront (origin to CloudFront is free), so the egress line
/// mostly goes and the CDN line becomes CloudFront's tiered transfer (~$90K for
/// ~3 PB a month). That bill is ~$268K a month before the ~$45K of HTTPS fees
/// for 45B media requests, which the board never prices. The savings the board
/// names are priced here at list too: the 80/20 cache, tiered storage, the CDN.
public struct MonthlyBill: Calculator {
    public init() {}
    public let name = "bill"
    public let title = "Monthly bill"
    public let summary = "Infrastructure and transfer per month and year, per DAU, the bill at tiered list prices, and what each saving is worth."

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
        Parameter("s3_price", "S3 flat price", unit: .dollarsPerGBMonth, default: 0.023, range: 0...10, step: 0.001,
                  help: "S3 Standard first tier, Sept 2026; used for every GB when pricing is flat."),
        .choice("pricing", "list pricing", ListPrices.Pricing.self, default: .tiers,
                help: "tiers: AWS volume tiers for S3 and egress; flat: s3_price and transfer_price for every GB."),
        .choice("billing", "GB billed as", ListPrices.Billing.self, default: .gb,
                help: "GB counts 1 TB as 1,000 GB; GiB as AWS bills, 1 TB = 1,024 GB (~2.4 % more per TB)."),
        Parameter("cache_tb", "cache, all feeds", unit: .terabytes, default: 3, range: 0...10_000, step: 0.5,
                  help: "Usable RAM the full timeline cache needs (board: 3 TB)."),
        Parameter("hot_cache_tb", "cache, 80/20", unit: .terabytes, default: 0.6, range: 0...10_000, step: 0.1,
                  help: "RAM for the busiest fifth of feeds."),
        Parameter("ram_price", "cache RAM price", unit: .dollarsPerGBMonth, default: 16.31, range: 0...1_000, step: 1,
                  help: "ElastiCache cache.r7g.large, Redis OSS, per usable GB (75 %), on-demand, Oct 2026."),
        Parameter("cdn_share", "served by the CDN", unit: .percent, default: 100, range: 0...100, step: 10,
                  help: "Share of the transfer volume that is media leaving through CloudFront."),
        Parameter("media_requests", "media requests", unit: .perMonth, default: 45_000_000_000, range: 0...1e14,
                  scale: .logarithmic, help: "3B feed loads a month x 15 media each."),
        Parameter("origin_fleet_no_cdn", "origin fleet, no CDN", unit: .dollarsPerMonth, default: 50_000,
                  range: 0...1e9, step: 5_000, help: "Servers origin needs with no CDN (the app servers line is the fleet with one)."),
        Parameter("hot_percent", "storage: hot share", unit: .percent, default: 20, range: 0...100, step: 5),
        Parameter("warm_percent", "storage: warm share", unit: .percent, default: 30, range: 0...100, step: 5,
                  help: "Cold is what hot and warm leave."),
        Parameter("warm_price", "storage: warm price", unit: .dollarsPerGBMonth, default: 0.0125, range: 0...10,
                  step: 0.0005, help: "S3 Standard-IA, June 2026."),
        Parameter("cold_price", "storage: cold price", unit: .dollarsPerGBMonth, default: 0.004, range: 0...10,
                  step: 0.0005, help: "S3 Glacier Instant Retrieval, June 2026 (Flexible Retrieval: $0.0036, minutes to hours)."),
        Parameter("retrieval_fees", "storage: retrieval fees", unit: .dollarsPerMonth, default: 1_000, range: 0...1e9,
                  step: 100),
    ]

    /// The saving levers the board names, largest first when ranked.
    static let levers = [("cache", "80/20 cache"), ("tiering", "tiered storage"), ("cdn", "CDN")]

    public func evaluate(_ p: Inputs) -> Output {
        let infra = Self.lines.reduce(Quantity(0, .dollarsPerMonth)) { $0 + p.quantity($1.key) }
        let total = infra + p.quantity("transfer")
        let dau = Quantity(max(p["dau"], 1), .accounts)
        let pricing = p.choice("pricing", as: ListPrices.Pricing.self)
        let billing = p.choice("billing", as: ListPrices.Billing.self)
        let volume = p.quantity("transfer_tb_per_day"), stored = p.quantity("s3_pb")
        // TB/day × $/GB: the day-to-month step (×30.4) is in the units, not in this code.
        func egress(_ share: Double) -> Double {
            pricing == .tiers ? ListPrices.internetEgress.cost(volume * share, billing: billing)
                : ListPrices.flatCost(volume * share, perGB: p.value("transfer_price", in: .dollarsPerGB), billing: billing)
        }
        let transferAtList = egress(1)
        let s3AtList = pricing == .tiers ? ListPrices.s3Standard.cost(stored, billing: billing)
            : ListPrices.flatCost(stored, perGB: p.value("s3_price", in: .dollarsPerGBMonth), billing: billing)
        let redisAtList = (p.quantity("cache_tb") * p.quantity("ram_price")).measured(in: .dollarsPerMonth)

        // Bytes paid once: the CDN share leaves through CloudFront, the rest from origin.
        let cdnShare = p.fraction("cdn_share")
        let cdnAtList = ListPrices.cloudFront.cost(volume * cdnShare, billing: billing)
        let originEgress = egress(1 - cdnShare)
        let requests = p.quantity("media_requests").measured(in: .perMonth)
        let requestFees = ListPrices.cloudFrontHTTPS.cost(requests * cdnShare) + ListPrices.s3Get.cost(requests * (1 - cdnShare))
        let unchanged = Self.lines.filter { !["redis", "s3", "cdn"].contains($0.key) }
            .reduce(0.0) { $0 + p.dollarsPerMonth($1.key) }
        let coherent = unchanged + redisAtList + s3AtList + cdnAtList + originEgress

        // The levers, each at list: the cache (all feeds vs the busiest fifth), tiering, the CDN.
        let cacheSaving = ((p.quantity("cache_tb") - p.quantity("hot_cache_tb")) * p.quantity("ram_price"))
            .measured(in: .dollarsPerMonth)
        var storage = StorageTiers().defaults
        for (key, value) in [("size_pb", stored.measured(in: .petabytes)), ("hot_percent", p["hot_percent"]),
                             ("warm_percent", p["warm_percent"]), ("hot_price", p.value("s3_price", in: .dollarsPerGBMonth)),
                             ("warm_price", p.value("warm_price", in: .dollarsPerGBMonth)),
                             ("cold_price", p.value("cold_price", in: .dollarsPerGBMonth)),
                             ("retrieval_fees", p.dollarsPerMonth("retrieval_fees")), ("billing", p["billing"])] {
            storage.setClamped(key, value)
        }
        let storageOut = StorageTiers().evaluate(storage)
        let tieringSaving = storageOut.value(pricing == .tiers ? "savings.at_list" : "savings.monthly") ?? 0
        var cdn = CDNCost().defaults
        for (key, value) in [("transfer_tb", volume.measured(in: .terabytesPerMonth)),
                             ("origin_servers", p.dollarsPerMonth("origin_fleet_no_cdn")),
                             ("origin_servers_cdn", p.dollarsPerMonth("app_servers")),
                             ("media_requests", requests), ("billing", p["billing"])] {
            cdn.setClamped(key, value)
        }
        let cdnSaving = CDNCost().evaluate(cdn).value("savings.at_list") ?? 0
        let savings = [cacheSaving, tieringSaving, cdnSaving]
        let order = savings.indices.sorted { savings[$0] != savings[$1] ? savings[$0] > savings[$1] : $0 < $1 }

        var bars = Self.lines.map { Chart.Bar($0.label, p.quantity($0.key)) }
        bars.append(.init("transfer", p.quantity("transfer")))
        var results = [
            ResultValue("infrastructure.monthly", "infrastructure", infra),
            ResultValue("total.monthly", "total", total),
            ResultValue("total.yearly", "total per year", total, in: .dollarsPerYear),
            ResultValue("per_dau.yearly", "per DAU per year", total / dau, in: .dollarsPerYear),
            ResultValue("per_dau.daily", "per DAU per day", total / dau, in: .dollarsPerDay),
            ResultValue("transfer.at_list", "transfer at list, all from origin", transferAtList, .dollarsPerMonth),
            ResultValue("s3.at_list", "S3 at list price", s3AtList, .dollarsPerMonth),
            ResultValue("redis.at_list", "Redis at list price", redisAtList, .dollarsPerMonth),
            ResultValue("cdn.at_list", "CloudFront transfer at list", cdnAtList, .dollarsPerMonth),
            ResultValue("egress.at_list", "origin egress left at list", originEgress, .dollarsPerMonth),
            ResultValue("list.monthly", "at list, bytes paid once", coherent, .dollarsPerMonth),
            ResultValue("list.yearly", "at list per year", Quantity(coherent, .dollarsPerMonth), in: .dollarsPerYear),
            ResultValue("requests.at_list", "request fees at list", requestFees, .dollarsPerMonth),
            ResultValue("list.with_requests", "at list with request fees", coherent + requestFees, .dollarsPerMonth),
        ]
        for (i, lever) in Self.levers.enumerated() {
            results.append(ResultValue("saving.\(lever.0)", "\(lever.1) saves at list", savings[i], .dollarsPerMonth))
            results.append(.rank("saving.\(lever.0).rank", "\(lever.1): rank", order.firstIndex(of: i)! + 1))
        }
        results.append(ResultValue("saving.cache_and_tiering.yearly", "80/20 cache + tiering per year",
                                   Quantity(cacheSaving + tieringSaving, .dollarsPerMonth), in: .dollarsPerYear))
        return Output(results: results, charts: [
            .bars(title: "$ per month by line", bars: bars),
            .bars(title: "saved a month at list", bars: Self.levers.enumerated().map { i, lever in
                .init(lever.1, Quantity(savings[i], .dollarsPerMonth), highlighted: order.first == i)
            }),
        ])
    }
}
