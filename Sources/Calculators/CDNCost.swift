/// Serving media through a CDN versus straight from origin.
///
/// Board: 3,000 TB a month, $0.09/GB from origin, $0.02/GB through the CDN,
/// a $20,000 CDN fee and origin fleets of $50,000 / $10,000. Its stated totals
/// ($320,000 and $90,000) are right; its sketch multiplies 3,000 (TB) by the
/// $/GB price and gets $50,270 — the unit slip this calculator cannot make.
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
    ]

    public func evaluate(_ p: Inputs) -> Output {
        // TB/month × $/GB, converted in base units: the step the board's sketch skips.
        let volume = p.quantity("transfer_tb")
        let originBandwidth = volume * p.quantity("origin_price"), cdnBandwidth = volume * p.quantity("cdn_price")
        let noCDN = (originBandwidth + p.quantity("origin_servers")).measured(in: .dollarsPerMonth)
        let withCDN = (p.quantity("cdn_fee") + cdnBandwidth + p.quantity("origin_servers_cdn")).measured(in: .dollarsPerMonth)
        return Output(results: [
            ResultValue("no_cdn.bandwidth", "no CDN: transfer", originBandwidth, in: .dollarsPerMonth),
            ResultValue("no_cdn.total", "no CDN: total", noCDN, .dollarsPerMonth),
            ResultValue("with_cdn.bandwidth", "CDN: transfer", cdnBandwidth, in: .dollarsPerMonth),
            ResultValue("with_cdn.total", "CDN: total", withCDN, .dollarsPerMonth),
            ResultValue("savings.monthly", "CDN saves", noCDN - withCDN, .dollarsPerMonth),
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
