/// AWS list prices as AWS quotes them: by volume tier, each tier's rate applying
/// only to the gigabytes that fall inside it, plus the per-request fees.
/// us-east-1, on-demand; dates are when the price page was read.
///
/// Volumes count decimal GB by default (1 TB = 1,000 GB), as napkin maths does.
/// AWS's bill counts binary GB (GiB) and binary TB (1 TB = 1,024 GB), tier
/// bounds included: `.gib` reads a stated "5 PB" as AWS would bill it
/// (5 × 1,024² GB), which makes a TB ~2.4 % and a PB ~12.6 % larger.
public enum ListPrices {
    /// How gigabytes are counted.
    public enum Billing: String, Choice { case gb = "GB", gib = "GiB" }

    /// Which prices a calculator applies: the volume tiers, or one flat rate per GB.
    public enum Pricing: String, Choice { case tiers, flat }

    /// A tiered price: `tiers[i]` applies to the gigabytes between the previous bound and `upTo`.
    public struct Tiers: Sendable {
        public struct Tier: Sendable {
            /// The cumulative bound, stated as the price page states it (100 GB, 10 TB, 5 PB); nil: no bound.
            public let upTo: Quantity?
            /// Dollars per GB (per GB-month for storage) inside this tier.
            public let price: Double
        }

        public let name: String
        public let source: String
        public let tiers: [Tier]

        init(_ name: String, source: String, _ tiers: [(Quantity?, Double)]) {
            self.name = name
            self.source = source
            self.tiers = tiers.map { Tier(upTo: $0.0, price: $0.1) }
        }

        /// The dollars charged for `volume` (a data volume, or a data rate read per month).
        public func cost(_ volume: Quantity, billing: Billing) -> Double {
            let billed = ListPrices.gigabytes(volume, billing: billing)
            guard billed > 0 else { return 0 }
            var total = 0.0, below = 0.0
            for tier in tiers {
                let bound = tier.upTo.map { ListPrices.gigabytes($0, billing: billing) } ?? .infinity
                let inside = min(billed, bound) - below
                if inside > 0 { total += inside * tier.price }
                if billed <= bound { break }
                below = bound
            }
            return Quantity.decimal(total)
        }

        /// The average $ per GB at `volume`: what one flat rate would have to be.
        public func blended(_ volume: Quantity, billing: Billing) -> Double {
            let billed = ListPrices.gigabytes(volume, billing: billing)
            return billed > 0 ? cost(volume, billing: billing) / billed : tiers.first?.price ?? 0
        }
    }

    /// Gigabytes billed for a volume. Binary billing reads each prefix step as
    /// 1,024 rather than 1,000: "3 TB" is 3,072 GB, "100 GB" stays 100.
    public static func gigabytes(_ q: Quantity, billing: Billing) -> Double {
        // A data rate is billed per month, in its own prefix: 100 TB/day is ~3,042 TB.
        let stated: Quantity = q.unit.dimension == .dataRate
            ? Quantity(q.measured(in: .terabytesPerMonth), .terabytes).expressed(in: q.unit.dataPart ?? .terabytes)
            : q
        let decimalGB = stated.measured(in: .gigabytes)
        guard billing == .gib, stated.unit.dimension == .data, stated.unit.toBase > 0 else { return decimalGB }
        // Steps of 1,000 from a GB; each becomes 1,024.
        let steps = (decimalLog(stated.unit.toBase / Unit.gigabytes.toBase) / 3).rounded()
        return decimalGB * power(1.024, steps)
    }

    /// One rate for every gigabyte billed: what a single quoted price charges.
    public static func flatCost(_ volume: Quantity, perGB price: Double, billing: Billing) -> Double {
        Quantity.decimal(gigabytes(volume, billing: billing) * price)
    }

    static func tb(_ v: Double) -> Quantity { Quantity(v, .terabytes) }

    /// S3 Standard storage, per GB-month (AWS list, Sept 2026).
    public static let s3Standard = Tiers("S3 Standard storage", source: "AWS S3 list price, Sept 2026",
                                         [(tb(50), 0.023), (tb(500), 0.022), (nil, 0.021)])

    /// Data transfer out to the internet from EC2 or S3, per GB; the first 100 GB a month
    /// are free across the account (AWS list, 2026).
    public static let internetEgress = Tiers("internet egress", source: "AWS data transfer list price, 2026",
                                             [(Quantity(100, .gigabytes), 0), (tb(10), 0.09), (tb(50), 0.085),
                                              (tb(150), 0.07), (nil, 0.05)])

    /// CloudFront data transfer out, US and Europe, per GB, pay as you go; 1 TB a month is
    /// always free (CloudFront price page, seen Nov 2026). Tier bounds: 10 TB, then 40, 100,
    /// 350 and 524 TB more (1 PB in AWS's binary TB), then 4 PB more.
    public static let cloudFront = Tiers("CloudFront transfer", source: "CloudFront list price, Nov 2026",
                                         [(tb(1), 0), (tb(10), 0.085), (tb(50), 0.080), (tb(150), 0.060),
                                          (tb(500), 0.040), (tb(1_024), 0.030), (tb(5_120), 0.025), (nil, 0.020)])

    /// A fee per request above a free allowance each month.
    public struct RequestFee: Sendable {
        public let name: String
        public let per: Double
        public let price: Double
        public let free: Double

        /// The dollars charged for `count` requests in a month.
        public func cost(_ count: Double) -> Double {
            Quantity.decimal(max(0, count - free) / per * price)
        }
    }

    /// CloudFront HTTPS requests: $0.01 per 10,000, 10M a month free (Nov 2026).
    public static let cloudFrontHTTPS = RequestFee(name: "CloudFront HTTPS requests", per: 10_000, price: 0.01, free: 10_000_000)
    /// S3 Standard GET requests: $0.0004 per 1,000 (Sept 2026).
    public static let s3Get = RequestFee(name: "S3 GET requests", per: 1_000, price: 0.0004, free: 0)
    /// S3 Standard PUT requests: $0.005 per 1,000 (Sept 2026).
    public static let s3Put = RequestFee(name: "S3 PUT requests", per: 1_000, price: 0.005, free: 0)
}
