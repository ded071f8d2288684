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
        let lfuShare = Quantity(lfu, .ratio), lruShare = Quantity(lru, .ratio)
        let cachedShare = Quantity(t > 0 ? m / t : 0, .ratio)
        return Output(results: [
            ResultValue("lfu.hit_rate", "hit rate, LFU (top M)", lfuShare, in: .percent),
            ResultValue("lru.hit_rate", "hit rate, LRU (Che)", lruShare, in: .percent),
            ResultValue("cached_share", "items cached", cachedShare, in: .percent),
        ], charts: [
            .bars(title: "hit rate", bars: [
                .init("LFU", lfuShare.expressed(in: .percent)),
                .init("LRU", lruShare.expressed(in: .percent)),
                .init("cached", cachedShare.expressed(in: .percent)),
            ]),
        ])
    }

    /// Ranks [start, end) with a representative rank for p ∝ rank^−α.
    struct Bucket { let start: Double, end: Double, rank: Double; var count: Double { end - start } }

    static func buckets(upTo n: Double) -> [Bucket] {
        var out: [Bucket] = []
        var start = 0.0
        // Exact for the first 200 ranks, then ~1 % wide log buckets: a few
        // hundred buckets for 10^8 items, within 0.1 % of the exact sums.
        while start < n {
            let end = start < 200 ? start + 1 : min(n, (start * 1.01).rounded(.up))
            let e = min(end, n)
            // Midpoint in log space approximates the bucket's mean of rank^−α well.
            let rank = e - start <= 1 ? start + 1 : (start + 1 + e) / 2
            out.append(Bucket(start: start, end: e, rank: rank))
            start = e
        }
        return out
    }

    static func cheHitRatio(buckets: [Bucket], total: Double, alpha: Double, size m: Double) -> Double {
        // Request probability per item in each bucket, computed once.
        let p = buckets.map { power($0.rank, -alpha) / total }
        func occupancy(_ t: Double) -> Double {
            var sum = 0.0
            for i in buckets.indices { sum += buckets[i].count * (1 - exponential(-p[i] * t)) }
            return sum
        }
        // Bisection on log t: the characteristic time spans many decades.
        var lo = 0.0, hi = 1.0
        while occupancy(hi) < m, hi < 1e300 { lo = hi; hi *= 16 }
        for _ in 0..<48 {
            let mid = lo == 0 ? hi / 2 : (lo * hi).squareRoot()
            if occupancy(mid) < m { lo = mid } else { hi = mid }
            if hi - lo <= hi * 1e-9 { break }
        }
        let tc = (lo + hi) / 2
        var hit = 0.0
        for i in buckets.indices { hit += buckets[i].count * p[i] * (1 - exponential(-p[i] * tc)) }
        return hit
    }
}
