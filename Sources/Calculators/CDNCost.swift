/// Serving media through a CDN versus straight from origin.
///
/// Board: 3,000 TB a month, $0.09/GB from origin, $0.02/GB through the CDN,
/// a $20,000 CDN fee and origin fleets of $50,000 / $10,000. Its stated totals
/// ($320,000 and $90,000) are right; its sketch multiplies 3,000 (TB) by the
/// $/GB price and gets $50,270 — the unit slip this calculator cannot make.
///
/// At list price both paths are tiered and both pay per request: origin egress
/// ($0.09 down to $0.05/GB) plus S3 GETs, against CloudFront ($0.085 down to
/// $0.02/GB, ~$89K for 3 PB) plus $0.01 per 10K HTTPS requests (~$45K for the
/// 45B media requests a month); no flat CDN fee. The CDN still saves ~$78K.
public struct CDNCost: Calculator {
    public init() {}
    public let name = "cdn"
    public let title = "CDN vs origin"
    public let summary = "Monthly delivery cost with and without a CDN, transfer priced in the right units."

    public let parameters: [Parameter] = [
        Parameter("transfer_tb", "transfer", unit: .terabytesPerMonth, default: 3_000, range: 0...1e7,
                  scale: .logarithmic, help: "Media served per month (100 TB/day)."),
        Parameter("origin_price", "origin egress", unit: .dollarsPerGB, default: 0.09, range: 0...10, step: 0.005,
                  help: "Board: $0.09/GB. AWS list 2026: $0.09 first 10 TB, down to $0.05 over 150 TB."),
        Parameter("cdn_price", "CDN egress", unit: .dollarsPerGB, default: 0.02, range: 0...10, step: 0.005,
                  help: "Board: $0.02/GB. CloudFront list 2026: $0.085 first 10 TB, $0.02 over 5 PB."),
        Parameter("cdn_fee", "CDN fee", unit: .dollarsPerMonth, default: 20_000, range: 0...1e9, step: 1_000),
        Parameter("origin_servers", "origin fleet, no CDN", unit: .dollarsPerMonth, default: 50_000, range: 0...1e9,
                  step: 5_000),
        Parameter("origin_servers_cdn", "origin fleet, CDN", unit: .dollarsPerMonth, default: 10_000, range: 0...1e9,
                  step: 1_000),
        Parameter("media_requests", "media requests", unit: .perMonth, default: 45_000_000_000, range: 0...1e14,
                  scale: .logarithmic, help: "3B feed loads a month x 15 media each (the sketch's own figures)."),
        .choice("billing", "GB billed as", ListPrices.Billing.self, default: .gb,
                help: "For the list-price lines: GB counts 1 TB as 1,000 GB; GiB as AWS bills, 1 TB = 1,024 GB."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        // TB/month × $/GB, converted in base units: the step the board's sketch skips.
        let volume = p.quantity("transfer_tb")
        let originBandwidth = volume * p.quantity("origin_price"), cdnBandwidth = volume * p.quantity("cdn_price")
        let noCDN = (originBandwidth + p.quantity("origin_servers")).measured(in: .dollarsPerMonth)
        let withCDN = (p.quantity("cdn_fee") + cdnBandwidth + p.quantity("origin_servers_cdn")).measured(in: .dollarsPerMonth)
        // At list: each path's volume tiers and request fees; pay as you go, so no flat CDN fee.
        let billing = p.choice("billing", as: ListPrices.Billing.self)
        let requests = p.quantity("media_requests").measured(in: .perMonth)
        let originList = ListPrices.internetEgress.cost(volume, billing: billing) + ListPrices.s3Get.cost(requests)
            + p.dollarsPerMonth("origin_servers")
        let cdnTransferList = ListPrices.cloudFront.cost(volume, billing: billing)
        let cdnRequestsList = ListPrices.cloudFrontHTTPS.cost(requests)
        let cdnList = cdnTransferList + cdnRequestsList + p.dollarsPerMonth("origin_servers_cdn")
        return Output(results: [
            ResultValue("no_cdn.bandwidth", "no CDN: transfer", originBandwidth, in: .dollarsPerMonth),
            ResultValue("no_cdn.total", "no CDN: total", noCDN, .dollarsPerMonth),
            ResultValue("with_cdn.bandwidth", "CDN: transfer", cdnBandwidth, in: .dollarsPerMonth),
            ResultValue("with_cdn.total", "CDN: total", withCDN, .dollarsPerMonth),
            ResultValue("savings.monthly", "CDN saves", noCDN - withCDN, .dollarsPerMonth),
            ResultValue("no_cdn.at_list", "no CDN at list: egress tiers, GETs, fleet", originList, .dollarsPerMonth),
            ResultValue("with_cdn.transfer_at_list", "CloudFront transfer at list", cdnTransferList, .dollarsPerMonth),
            ResultValue("with_cdn.requests_at_list", "CloudFront HTTPS requests at list", cdnRequestsList, .dollarsPerMonth),
            ResultValue("with_cdn.at_list", "CDN at list: transfer, requests, fleet", cdnList, .dollarsPerMonth),
            ResultValue("savings.at_list", "CDN saves at list", originList - cdnList, .dollarsPerMonth),
        ], tables: [
            ResultTable(rows: [.init("no_cdn", "no CDN"), .init("with_cdn", "CDN")],
                        columns: [.init("bandwidth", "bandwidth"), .init("total", "total")]),
        ], charts: [
            .bars(title: "$ per month", bars: [
                .init("origin", Quantity(noCDN, .dollarsPerMonth), highlighted: noCDN < withCDN),
                .init("CDN", Quantity(withCDN, .dollarsPerMonth), highlighted: withCDN <= noCDN),
            ]),
        ])
    }
}
