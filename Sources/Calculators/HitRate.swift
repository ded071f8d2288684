/// Hit ratio of a cache holding M of T items whose popularity follows Zipf(α).
///
/// LFU keeps the M most popular items: hit = H(M, α) / H(T, α), generalized
/// harmonic numbers. LRU uses Che's approximation: find t with
/// Σ (1 − e^(−p_i t)) = M, then hit = Σ p_i (1 − e^(−p_i t)). Sums over 10^8
/// items are done on log-spaced buckets, so the result costs microseconds.
public struct HitRate: Calculator {
    public init() {}
    public let name = "hitrate"
    public let title = "Cache hit rate (Zipf)"
    public let summary = "Share of requests served from a cache of the M most popular of T items."

    public let parameters: [Parameter] = [
        Parameter("items", "items", unit: .items, default: 200_000_000, range: 1...1e10, scale: .logarithmic,
                  integral: true, help: "Distinct items (feeds of 200M users)."),
        Parameter("cached", "cached", unit: .items, default: 40_000_000, range: 0...1e10, scale: .logarithmic,
                  integral: true, help: "Items the cache holds (the board: 40M, 20 %)."),
        Parameter("alpha", "Zipf α", unit: .ratio, default: 1, range: 0...3, step: 0.05,
                  help: "Popularity skew: request share of rank r ∝ r^−α."),
    ]

    public func evaluate(_ p: Inputs) -> Output {
        let t = p["items"], m = min(p["cached"], t), a = p["alpha"]
        let buckets = Self.buckets(upTo: t)
        let total = buckets.reduce(0) { $0 + $1.count * power($1.rank, -a) }
        var lfu = 0.0
        for b in buckets {
            let covered = max(0, min(b.end, m) - b.start)
            lfu += covered * power(b.rank, -a)
        }
        lfu /= total
        let lru = m >= t ? 1 : (m <= 0 ? 0 : Self.cheHitRatio(buckets: buckets, total: total, alpha: a, size: m))
        return Output(results: [
            ResultValue("lfu.hit_rate", "hit rate, LFU (top M)", lfu * 100, .percent),
            ResultValue("lru.hit_rate", "hit rate, LRU (Che)", lru * 100, .percent),
            ResultValue("cached_share", "items cached", t > 0 ? m / t * 100 : 0, .percent),
        ], charts: [
            .bars(title: "hit rate", bars: [
                .init("LFU", Quantity(lfu * 100, .percent)),
                .init("LRU", Quantity(lru * 100, .percent)),
                .init("cached", Quantity(t > 0 ? m / t * 100 : 0, .percent)),
            ]),
        ])
    }

    /// Ranks [start, end) with a representative rank for p ∝ rank^−α.
    struct Bucket { let start: Double, end: Double, rank: Double; var count: Double { end - start } }

    static func buckets(upTo n: Double) -> [Bucket] {
        var out: [Bucket] = []
        var start = 0.0
        // Exact for the first 1,000 ranks, then ~0.5 % wide log buckets.
        while start < n {
            let end = start < 1_000 ? start + 1 : min(n, (start * 1.005).rounded(.up))
            let e = min(end, n)
            // Midpoint in log space approximates the bucket's mean of rank^−α well.
            let rank = e - start <= 1 ? start + 1 : (start + 1 + e) / 2
            out.append(Bucket(start: start, end: e, rank: rank))
            start = e
        }
        return out
    }

    static func cheHitRatio(buckets: [Bucket], total: Double, alpha: Double, size m: Double) -> Double {
        func occupancy(_ t: Double) -> Double {
            buckets.reduce(0) { $0 + $1.count * (1 - exponential(-power($1.rank, -alpha) / total * t)) }
        }
        var lo = 0.0, hi = 1.0
        while occupancy(hi) < m, hi < 1e30 { hi *= 4 }
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if occupancy(mid) < m { lo = mid } else { hi = mid }
        }
        let tc = (lo + hi) / 2
        return buckets.reduce(0) {
            let pi = power($1.rank, -alpha) / total
            return $0 + $1.count * pi * (1 - exponential(-pi * tc))
        }
    }
}
