@testable import Calculators
import PropertyBased
import Testing

/// Tornado, solve and break-even, checked against finite differences, the model
/// itself and the closed forms where a model has one.
@Suite struct SensitivityTests {
    // MARK: - tornado

    /// Inputs with every listed parameter scaled from its default by a factor in [0.5, 2].
    static func scaled(_ calculator: some Calculator, _ factors: [Double]) -> Inputs {
        var inputs = calculator.defaults
        for (p, f) in zip(calculator.parameters, factors) where Sensitivity.skipReason(p) == nil {
            inputs.setClamped(p.key, p.defaultValue * f)
        }
        return inputs
    }

    /// |∂f/∂x| by a central difference much narrower than the span, times the span's width.
    static func finiteDifference(_ calculator: some Calculator, _ inputs: Inputs, _ key: String, _ bar: Sensitivity.Bar) -> Double {
        let x = bar.value, h = bar.parameter.integral ? 1 : max(abs(x), 1e-6) * 1e-6
        var up = inputs, down = inputs
        up.setClamped(bar.parameter.key, x + h)
        down.setClamped(bar.parameter.key, x - h)
        let dx = up[bar.parameter.key] - down[bar.parameter.key]
        let df = calculator.evaluate(up).v(key) - calculator.evaluate(down).v(key)
        return abs(df / dx) * (bar.highInput - bar.lowInput)
    }

    /// The tornado's order and its swings agree with derivatives taken independently.
    static func checkOrder(_ calculator: some Calculator, _ inputs: Inputs, _ key: String) throws {
        let tornado = try Sensitivity.tornado(calculator, inputs, result: key, span: Sensitivity.Span(0.001))
        let estimates = tornado.bars.map { finiteDifference(calculator, inputs, key, $0) }
        let scale = max(estimates.max() ?? 0, 1e-12)
        for (bar, estimate) in zip(tornado.bars, estimates) {
            #expect(abs(bar.swing - estimate) <= 0.01 * scale, "\(calculator.name) \(bar.parameter.key): swing \(bar.swing) vs \(estimate)")
        }
        for i in estimates.indices.dropLast() {
            #expect(estimates[i] >= estimates[i + 1] - 0.01 * scale,
                    "\(calculator.name): \(tornado.bars[i].parameter.key) ranked above \(tornado.bars[i + 1].parameter.key)")
        }
    }

    @Test func tornadoOrderAgreesWithFiniteDifferences() async {
        let factor = Gen.double(in: 0.5...2)
        await propertyCheck(count: 60, input: factor.array(of: 14...14)) { factors in
            var storage = Self.scaled(StorageTiers(), factors)
            // Shares well inside the simplex: away from the kink where warm is cut.
            storage.setClamped("hot_percent", 20 * factors[1])
            storage.setClamped("warm_percent", 20 * factors[2])
            try Self.checkOrder(StorageTiers(), storage, "savings.monthly")
            try Self.checkOrder(StorageTiers(), storage, "tiered.monthly")
            try Self.checkOrder(CDNCost(), Self.scaled(CDNCost(), factors), "savings.monthly")
            try Self.checkOrder(MonthlyBill(), Self.scaled(MonthlyBill(), factors), "total.monthly")
            try Self.checkOrder(Population(), Self.scaled(Population(), factors), "cost")
        }
    }

    @Test func tornadoMovesByTheSpanWithinRangeAndSkipsChoicesAndSeeds() throws {
        let tornado = try Sensitivity.tornado(Partition(), Partition().defaults, result: "conflicts")
        #expect(Set(tornado.skipped.map(\.key)).isSuperset(of: ["mode", "seed"]))
        #expect(!tornado.bars.contains { $0.parameter.key == "mode" || $0.parameter.key == "seed" })
        let storage = try Sensitivity.tornado(StorageTiers(), StorageTiers().defaults, result: "savings.monthly")
        let hotPrice = try #require(storage.bars.first { $0.parameter.key == "hot_price" })
        #expect(close(hotPrice.lowInput, 0.023 * 0.8) && close(hotPrice.highInput, 0.023 * 1.2))
        // ±20 % of the Standard price moves the savings by $18,400 each way; the hot share by $3,800.
        #expect(close(hotPrice.swing, 2 * 18_400, within: 1e-6))
        let hotShare = try #require(storage.bars.first { $0.parameter.key == "hot_percent" })
        #expect(close(hotShare.swing, 2 * 3_800, within: 1e-6))
        #expect(storage.bars.firstIndex(of: hotPrice)! < storage.bars.firstIndex(of: hotShare)!)
        // A percentage at 100 % moves down only.
        let population = try Sensitivity.tornado(Population(), Population().defaults, result: "cost")
        let active = try #require(population.bars.first { $0.parameter.key == "active_percent" })
        #expect(active.lowInput == 80 && active.highInput == 100)
        #expect(population.bars.map(\.swing).filter(\.isFinite) == population.bars.map(\.swing).filter(\.isFinite).sorted(by: >))
    }

    @Test func tornadoRefusesDecisionsAndUnknownResults() throws {
        #expect(throws: SensitivityError.notNumeric(result: "recommended")) {
            try Sensitivity.tornado(FanOut(), FanOut().defaults, result: "recommended")
        }
        #expect(throws: SensitivityError.self) { try Sensitivity.tornado(FanOut(), FanOut().defaults, result: "nope") }
        #expect(throws: SensitivityError.badSpan("0%")) { try Sensitivity.Span.parse("0%") }
        #expect(try Sensitivity.Span.parse("15%") == Sensitivity.Span(0.15))
    }

    // MARK: - solve

    @Test func hitRateSolvesForAlpha() throws {
        let inputs = try HitRate().inputs(setting: ["items": 1_000_000, "cached": 200_000])
        let s = try Sensitivity.solve(HitRate(), inputs, result: "lfu.hit_rate", target: 80, for: "alpha")
        #expect(abs(s.value - 0.894) < 0.0005)
        #expect(abs(HitRate().evaluate(Sensitivity.with(inputs, "alpha", s.value)).v("lfu.hit_rate") - 80) < 1e-6)
        #expect(s.bracket.contains(s.value))
    }

    @Test func aSolvedValueReproducesItsTarget() async {
        await propertyCheck(count: 40, input: Gen.double(in: 3...8), Gen.double(in: 0.01...0.5), Gen.double(in: 0...1)) { logItems, share, t in
            let items = power(10, logItems).rounded()
            let inputs = try HitRate().inputs(setting: ["items": items, "cached": (items * share).rounded()])
            // A target between what α = 0.3 and α = 2.5 give: the hit rate rises with α.
            let low = HitRate().evaluate(Sensitivity.with(inputs, "alpha", 0.3)).v("lfu.hit_rate")
            let high = HitRate().evaluate(Sensitivity.with(inputs, "alpha", 2.5)).v("lfu.hit_rate")
            let target = low + (high - low) * t
            let s = try Sensitivity.solve(HitRate(), inputs, result: "lfu.hit_rate", target: target, for: "alpha")
            let reached = HitRate().evaluate(Sensitivity.with(inputs, "alpha", s.value)).v("lfu.hit_rate")
            #expect(abs(reached - target) <= 1e-6 * max(1, target), "α \(s.value): \(reached) for \(target)")
            #expect(close(reached, s.achieved))
        }
        await propertyCheck(count: 40, input: Gen.double(in: -50_000...100_000)) { target in
            // Savings rise linearly with the Standard price: any target in reach is met exactly.
            let s = try Sensitivity.solve(StorageTiers(), StorageTiers().defaults, result: "savings.monthly",
                                          target: target, for: "hot_price")
            #expect(abs(s.achieved - target) <= 1e-6 * max(1, abs(target)))
        }
    }

    @Test func aWholeNumberSolutionIsTheClosestWholeNumber() async {
        await propertyCheck(count: 30, input: Gen.double(in: 20...90)) { target in
            let inputs = try HitRate().inputs(setting: ["items": 100_000])
            let s = try Sensitivity.solve(HitRate(), inputs, result: "lfu.hit_rate", target: target, for: "cached")
            #expect(s.value == s.value.rounded())
            func miss(_ x: Double) -> Double { abs(HitRate().evaluate(Sensitivity.with(inputs, "cached", x)).v("lfu.hit_rate") - target) }
            #expect(miss(s.value) <= miss(s.value - 1) && miss(s.value) <= miss(s.value + 1))
        }
    }

    @Test func noSolutionInRangeSaysWhatTheRangeReaches() throws {
        let inputs = try HitRate().inputs(setting: ["items": 1_000_000, "cached": 200_000])
        do {
            _ = try Sensitivity.solve(HitRate(), inputs, result: "lfu.hit_rate", target: 101, for: "alpha")
            Issue.record("a hit rate over 100 % was solved")
        } catch let error {
            guard case let .noSolution(_, target, parameter, searched, reached) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(target == "101 %" && parameter == "alpha" && searched == "0 … 3")
            #expect(reached.hasSuffix("100 %"))
        }
        #expect(throws: SensitivityError.notMovable(parameter: "mode", reason: "a choice")) {
            try Sensitivity.solve(Partition(), Partition().defaults, result: "conflicts", target: 1, for: "mode")
        }
    }

    // MARK: - break-even

    static func flips(_ calculator: some Calculator, _ inputs: Inputs, decision: String, parameter: String) -> [Sensitivity.Flip] {
        Sensitivity.breakEvens(calculator, inputs).rows.first { $0.decision == decision && $0.parameter.key == parameter }?.flips ?? []
    }

    @Test func fanOutFlipsWhereItsThresholdsSay() async {
        await propertyCheck(count: 30, input: Gen.double(in: 1...4), Gen.double(in: 0.5...4)) { a, b in
            let pushBelow = power(10, a).rounded(), pullAbove = (pushBelow * power(10, b)).rounded()
            let inputs = try FanOut().inputs(setting: ["push_below": pushBelow, "pull_above": pullAbove])
            let flips = Self.flips(FanOut(), inputs, decision: "recommended", parameter: "followers")
            // Pushed below push_below; pulled above pull_above: the first hybrid and first pulled counts.
            #expect(flips.map(\.at) == [pushBelow, pullAbove + 1])
            #expect(flips.map(\.from) == ["push", "hybrid"] && flips.map(\.to) == ["hybrid", "pull"])
        }
    }

    @Test func storageFlipsAtTheAnalyticPrice() async {
        await propertyCheck(count: 40, input: Gen.double(in: 0.5...50), Gen.double(in: 5...60), Gen.double(in: 5...35),
                            Gen.double(in: 0.001...0.02), Gen.double(in: 0.0005...0.005), Gen.double(in: 0...50_000)) { pb, hot, warm, warmPrice, coldPrice, fees in
            let inputs = try StorageTiers().inputs(setting: ["size_pb": pb, "hot_percent": hot, "warm_percent": warm,
                                                             "warm_price": warmPrice, "cold_price": coldPrice,
                                                             "retrieval_fees": fees])
            // all hot = S·p; tiered = S(h·p + w·pw + c·pc) + fees: equal at p = (S(w·pw + c·pc) + fees) / (S(1 − h)).
            let gb = pb * 1e6, h = hot / 100, w = warm / 100, c = 1 - h - w
            let analytic = (gb * (w * warmPrice + c * coldPrice) + fees) / (gb * (1 - h))
            let flips = Self.flips(StorageTiers(), inputs, decision: "cheaper", parameter: "hot_price")
            #expect(flips.count == 1)
            #expect(close(flips.first?.at ?? .nan, analytic, within: 1e-7), "\(String(describing: flips.first)) vs \(analytic)")
            #expect(flips.first?.from == "all hot" && flips.first?.to == "tiered")
        }
    }

    @Test func cdnFlipsAtTheAnalyticVolumeOrNever() async {
        await propertyCheck(count: 40, input: Gen.double(in: 0...200_000), Gen.double(in: 0...100_000),
                            Gen.double(in: 0.03...0.2), Gen.double(in: 0.005...0.03)) { fee, originFleet, originPrice, cdnPrice in
            let inputs = try CDNCost().inputs(setting: ["cdn_fee": fee, "origin_servers": originFleet,
                                                        "origin_price": originPrice, "cdn_price": cdnPrice])
            // origin: V·po + fleet; CDN: fee + V·pc + 10,000: equal at V = (fee + 10,000 − fleet) / (po − pc), V in GB.
            let terabytes = (fee + 10_000 - originFleet) / (originPrice - cdnPrice) / 1_000
            let flips = Self.flips(CDNCost(), inputs, decision: "cheaper", parameter: "transfer_tb")
            if terabytes > 1e-3 {
                #expect(flips.count == 1)
                #expect(close(flips.first?.at ?? .nan, terabytes, within: 1e-7), "\(String(describing: flips.first)) vs \(terabytes)")
                #expect(flips.first?.from == "origin" && flips.first?.to == "CDN")
            } else if terabytes < 0 {
                // The CDN's fixed costs are below the origin fleet it saves: it wins at any volume.
                #expect(flips.isEmpty)
            }
        }
    }

    @Test func theBillsLargestSavingPassesToTheCacheWhereItsRAMOutgrowsTheCDN() async {
        await propertyCheck(count: 20, input: Gen.double(in: 2...20), Gen.double(in: 0.1...1.5)) { all, hot in
            let inputs = try MonthlyBill().inputs(setting: ["cache_tb": all, "hot_cache_tb": hot, "ram_price": 1])
            // The cache saves (all − hot) TB × 1,000 GB × price; nothing else moves with the price, so it
            // overtakes the larger of the other two savings at that saving ÷ the GB it frees.
            let output = MonthlyBill().evaluate(inputs)
            let rival = max(output.value("saving.cdn") ?? .nan, output.value("saving.tiering") ?? .nan)
            let analytic = rival / ((all - hot) * 1_000)
            let flips = Self.flips(MonthlyBill(), inputs, decision: "largest_saving", parameter: "ram_price")
            if analytic <= 1_000 {
                #expect(flips.count == 1)
                #expect(close(flips.first?.at ?? .nan, analytic, within: 1e-6), "\(String(describing: flips.first)) vs \(analytic)")
                #expect(flips.first?.to == "80/20 cache")
            }
        }
    }

    @Test func lruMeetsTheEightyPercentPremiseWhereItsHitRateCrossesIt() async throws {
        await propertyCheck(count: 10, input: Gen.double(in: 0.6...1.2)) { alpha in
            let inputs = try HitRate().inputs(setting: ["items": 1e8, "cached": 1e6, "alpha": alpha])
            let flips = Self.flips(HitRate(), inputs, decision: "lru_meets_80", parameter: "cached")
            #expect(flips.count == 1)
            guard let at = flips.first?.at else { return }
            var there = inputs
            there.setClamped("cached", at)
            #expect(abs((HitRate().evaluate(there).value("lru.hit_rate") ?? .nan) - 80) < 0.01)
            #expect(flips.first?.from == "LRU under 80 %" && flips.first?.to == "LRU serves 80 %+")
        }
    }

    @Test func aTargetReadsAsTypedWhenNothingReachesIt() throws {
        #expect(Format.precise(Quantity(99.99, .percent)) == "99.99 %")
        #expect(Format.precise(Quantity(80, .percent)) == "80 %")
        #expect(Format.precise(Quantity(12.345, .milliseconds)) == "12.345 ms")
        let inputs = try HitRate().inputs(setting: ["items": 1_000_000, "cached": 200_000])
        #expect(throws: SensitivityError.noSolution(result: "cached_share", target: "99.99 %", parameter: "alpha",
                                                    searched: "0 … 3", reached: "20 % … 20 %")) {
            try Sensitivity.solve(HitRate(), inputs, result: "cached_share", target: 99.99, for: "alpha")
        }
        #expect(throws: SensitivityError.noSolution(result: "lfu.hit_rate", target: "100.5 %", parameter: "alpha",
                                                    searched: "0 … 3", reached: "20 % … 100 %")) {
            try Sensitivity.solve(HitRate(), inputs, result: "lfu.hit_rate", target: 100.5, for: "alpha")
        }
    }

    @Test func pushAndPullTradePlacesAtPostsOverReads() async {
        await propertyCheck(count: 30, input: Gen.double(in: 0.5...20), Gen.double(in: 20...2_000), Gen.double(in: 10...100)) { posts, reads, active in
            let inputs = try Population().inputs(setting: ["posts_per_day": posts, "reads_per_day": reads,
                                                           "active_percent": active])
            // Cost slope in the threshold ∝ posts · active − reads · pull cost: zero at posts · active / reads.
            let analytic = posts * active / 100 / reads
            let flips = Self.flips(Population(), inputs, decision: "push_or_pull", parameter: "pull_cost")
            #expect(flips.count == 1)
            #expect(close(flips.first?.at ?? .nan, analytic, within: 1e-6), "\(String(describing: flips.first)) vs \(analytic)")
        }
    }

    @Test func quorumReadsTheLatestWriteOnceRPlusWExceedsN() throws {
        let inputs = try Partition().inputs(setting: ["mode": 2, "replicas": 5, "write_quorum": 2, "partition_s": 1])
        let flips = Self.flips(Partition(), inputs, decision: "stale_reads", parameter: "read_quorum")
        #expect(flips.map(\.at) == [4])
        #expect(flips.first?.to == "reads the latest write")
    }

    /// The flips of one decision along one parameter, at the cost of that pair alone.
    static func flipsAlong(_ calculator: some Calculator, _ inputs: Inputs, decision: String, parameter: String) throws -> [Sensitivity.Flip] {
        try Sensitivity.breakEven(calculator, inputs, decision: decision, parameter: parameter).flips
    }

    @Test func staleAtCommitEndsWhereRPlusWExceedsN() async {
        await propertyCheck(count: 12, input: Gen.int(in: 1...6), Gen.int(in: 1...6)) { n, w0 in
            let w = min(w0, n)
            // Few trials: the decision reads the closed form, which does not depend on them.
            let inputs = try Staleness().inputs(setting: ["n": Double(n), "w": Double(w), "r": 1, "trials": 1_000])
            let flips = try Self.flipsAlong(Staleness(), inputs, decision: "stale_reads", parameter: "r")
            if w == n {
                #expect(flips.isEmpty, "N=\(n) W=\(w): every read overlaps from R=1")
            } else {
                // R = N − W + 1 is the first read quorum that overlaps every write quorum.
                #expect(flips.map(\.at) == [Double(n - w + 1)], "N=\(n) W=\(w)")
                #expect(flips.first?.to == "every read overlaps the write")
            }
        }
    }

    @Test func aBacklogDrainsBelowReplicasTimesTheirRate() async {
        await propertyCheck(count: 30, input: Gen.double(in: 0...6), Gen.double(in: 2...5), Gen.double(in: 0...30),
                            Gen.double(in: 1...300), Gen.double(in: 1...4)) { lagExp, perExp, floor, cap, rateExp in
            let lag = power(10, lagExp).rounded(), per = power(10, perExp).rounded(), rate = power(10, rateExp).rounded()
            let inputs = try QueueLag().inputs(setting: ["lag": lag, "per_replica": per, "min_replicas": floor.rounded(),
                                                         "max_replicas": cap.rounded(), "replica_rate": rate, "inflow": 1])
            let replicas = min(max((lag / per).rounded(.down), floor.rounded()), max(cap.rounded(), floor.rounded()))
            let flips = try Self.flipsAlong(QueueLag(), inputs, decision: "drains", parameter: "inflow")
            if replicas >= 1 {
                // Net drain is replicas × rate − inflow: it falls behind from inflow = replicas × rate.
                #expect(flips.count == 1)
                #expect(close(flips.first?.at ?? .nan, replicas * rate, within: 1e-7), "\(String(describing: flips.first)) vs \(replicas * rate)")
                #expect(flips.first?.from == "drains the backlog" && flips.first?.to == "falls behind")
            } else {
                #expect(flips.isEmpty)
            }
        }
    }

    @Test func theTimerSendsBatchesBelowSizeOverInterval() async {
        await propertyCheck(count: 30, input: Gen.double(in: 0...4), Gen.double(in: 0...4)) { sizeExp, flushExp in
            let size = power(10, sizeExp).rounded(), flush = power(10, flushExp).rounded()
            let inputs = try WriteBatching().inputs(setting: ["batch_size": size, "flush_ms": flush])
            // A batch takes size ÷ rate to fill; the timer wins when that passes the interval.
            let analytic = size / (flush / 1_000)
            let flips = try Self.flipsAlong(WriteBatching(), inputs, decision: "flushed_by", parameter: "arrival_rate")
            #expect(flips.count == 1)
            #expect(close(flips.first?.at ?? .nan, analytic, within: 1e-7), "\(String(describing: flips.first)) vs \(analytic)")
            #expect(flips.first?.from == "the timer" && flips.first?.to == "a full batch")
        }
    }

    @Test func replayOutlastsTheSplitBelowBacklogOverTheWindow() async {
        await propertyCheck(count: 20, input: Gen.double(in: 5...120), Gen.double(in: 1...100), Gen.double(in: 1...100),
                            Gen.double(in: 0...2_000)) { window, a, b, lagMs in
            let inputs = try Partition().inputs(setting: ["mode": 0, "partition_s": window.rounded(), "writes_a": a.rounded(),
                                                          "writes_b": b.rounded(), "reads_a": 0, "reads_b": 0,
                                                          "replication_lag_ms": lagMs.rounded()])
            // AP accepts every write: catch-up = lag + (a + b)·T ÷ heal, longer than T below heal = (a + b)·T ÷ (T − lag).
            let t = window.rounded(), lag = lagMs.rounded() / 1_000
            let analytic = (a.rounded() + b.rounded()) * t / (t - lag)
            let flips = try Self.flipsAlong(Partition(), inputs, decision: "catch_up", parameter: "heal_rate")
            #expect(flips.count == 1)
            #expect(close(flips.first?.at ?? .nan, analytic, within: 1e-7), "\(String(describing: flips.first)) vs \(analytic)")
            #expect(flips.first?.from == "catch-up outlasts the split")
        }
    }

    @Test func everyDecisionItDeclaresReadsResultsTheCalculatorHas() {
        for (name, decisions) in Sensitivity.comparisons {
            let calculator = Registry.named(name)
            #expect(calculator != nil, "\(name) is not a calculator")
            guard let calculator else { continue }
            let output = calculator.evaluate(calculator.defaults)
            for d in decisions {
                for key in d.reads { #expect(output[key] != nil, "\(name) has no result \(key)") }
                #expect(d.state(output, calculator.defaults) != nil)
            }
        }
    }

    @Test func aDecisionThatDoesNotFlipSaysSo() throws {
        // With these fees the CDN wins at any volume: it would lose only if its flat fee passed the fleet it saves.
        let flips = Self.flips(CDNCost(), CDNCost().defaults, decision: "cheaper", parameter: "transfer_tb")
        #expect(flips.isEmpty)
        let fee = Self.flips(CDNCost(), CDNCost().defaults, decision: "cheaper", parameter: "cdn_fee")
        #expect(fee.count == 1)
        // origin: 3,000 TB × $0.09/GB + $50,000 = $320,000; CDN: fee + $60,000 + $10,000.
        let analytic: Double = 320_000 - 70_000
        #expect(close(fee.first?.at ?? .nan, analytic, within: 1e-9))
    }
}
