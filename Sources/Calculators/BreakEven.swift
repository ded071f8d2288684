extension Sensitivity {
    /// A decision a calculator makes: a name and, for given inputs, which way it goes.
    public struct Decision: Sendable {
        /// A stable name: the categorical result's key, or the comparison's own name.
        public let key: String
        public let label: String
        /// The results it reads; a decision whose results a calculator lacks is not offered.
        public let reads: [String]
        let state: @Sendable (Output, Inputs) -> String?

        public init(key: String, label: String, reads: [String], state: @escaping @Sendable (Output, Inputs) -> String?) {
            self.key = key
            self.label = label
            self.reads = reads
            self.state = state
        }

        /// Which way it goes for these inputs and their output.
        public func state(_ output: Output, _ inputs: Inputs) -> String? { state(output, inputs) }

        /// A categorical result: its text is the decision.
        public static func choice(_ result: ResultValue) -> Decision {
            let key = result.key
            return Decision(key: key, label: result.label, reads: [key]) { output, _ in output[key]?.text }
        }

        /// The cheaper (smaller) of two results; a tie goes to `b`.
        public static func smaller(_ key: String, _ a: String, _ aLabel: String, _ b: String, _ bLabel: String,
                                   label: String) -> Decision {
            Decision(key: key, label: label, reads: [a, b]) { output, _ in
                guard let x = output.value(a), let y = output.value(b), x.isFinite, y.isFinite else { return nil }
                return x < y ? aLabel : bLabel
            }
        }

        /// Which of several results is largest, by its label; a tie goes to the first listed.
        public static func largest(_ key: String, _ options: [(result: String, label: String)], label: String) -> Decision {
            Decision(key: key, label: label, reads: options.map(\.result)) { output, _ in
                var best: (label: String, value: Double)?
                for option in options {
                    guard let v = output.value(option.result), v.isFinite else { return nil }
                    if best == nil || v > best!.value { best = (option.label, v) }
                }
                return best?.label
            }
        }

        /// Whether a result is above a fixed value, in the unit the result is given in (80 for 80 %).
        public static func above(_ key: String, _ result: String, _ threshold: Double, yes: String, no: String,
                                 label: String) -> Decision {
            Decision(key: key, label: label, reads: [result]) { output, _ in
                guard let x = output.value(result), x.isFinite else { return nil }
                return x > threshold ? yes : no
            }
        }

        /// Whether a result is above the value of one of the inputs, compared in base units
        /// (a time to fill in ms against an interval in s is still a comparison of times).
        public static func above(_ key: String, _ result: String, parameter: String, yes: String, no: String,
                                 label: String) -> Decision {
            Decision(key: key, label: label, reads: [result]) { output, inputs in
                guard let x = output[result], x.isDefined, x.quantity.value.isFinite else { return nil }
                return x.quantity.baseValue > inputs.quantity(parameter).baseValue * (1 + 1e-9) ? yes : no
            }
        }
    }

    /// The decisions a calculator makes at these inputs: each categorical result, and the
    /// comparisons its results stand for (the cheaper of two bills, whether writes are refused).
    public static func decisions(_ calculator: any Calculator, _ inputs: Inputs) -> [Decision] {
        let output = calculator.evaluate(inputs)
        var found = output.results.filter(isDecision).map(Decision.choice)
        found += (comparisons[calculator.name] ?? []).filter { d in d.reads.allSatisfy { output[$0] != nil } }
        return found
    }

    /// Decisions carried by numeric results, by calculator name. Each compares results the
    /// model computes; where the decision flips is found by running the model, never here.
    static let comparisons: [String: [Decision]] = [
        // The board's premise: a cache of the busiest fifth serves 80 % of reads. Where LRU
        // (what a cache actually runs) crosses it is the skew or size a candidate should know.
        "hitrate": [.above("lru_meets_80", "lru.hit_rate", 80, yes: "LRU serves 80 %+", no: "LRU under 80 %",
                           label: "LRU against the 80 % premise")],
        "bill": [.largest("largest_saving", MonthlyBill.levers.map { ("saving.\($0.0)", $0.1) }, label: "the largest saving")],
        "storage": [.smaller("cheaper", "tiered.monthly", "tiered", "all_hot.monthly", "all hot", label: "cheaper storage")],
        "cdn": [.smaller("cheaper", "no_cdn.total", "origin", "with_cdn.total", "CDN", label: "cheaper delivery")],
        "population": [.above("push_or_pull", "best_threshold", 1, yes: "push below the delivery limit",
                              no: "pull every account", label: "cheapest fan-out")],
        "partition": [
            .above("refuses_writes", "writes.rejected", 0, yes: "refuses writes", no: "accepts every write", label: "writes in the partition"),
            .above("stale_reads", "pbs.stale_probability", 0, yes: "can read stale", no: "reads the latest write", label: "read after a write"),
            .above("catch_up", "converge_time", parameter: "partition_s", yes: "catch-up outlasts the split",
                   no: "catches up faster than the split lasted", label: "after heal"),
        ],
        "staleness": [.above("stale_reads", "stale_bound_percent", 0, yes: "can read stale at commit",
                             no: "every read overlaps the write", label: "read as the write commits")],
        "lag": [.above("drains", "drain_rate", 0, yes: "drains the backlog", no: "falls behind", label: "the backlog")],
        "batching": [.above("flushed_by", "batch_fill_ms", parameter: "flush_ms", yes: "the timer", no: "a full batch",
                            label: "what sends a batch")],
        "headroom": [.above("shards", "shards_needed", 1, yes: "shard", no: "one database", label: "after growth")],
        "breaker": [.above("opens", "opened", 0, yes: "opens", no: "stays closed", label: "the breaker")],
    ]

    /// One place where a decision changes as a parameter rises through `at`.
    public struct Flip: Hashable, Sendable {
        /// The decision just below and just above the flip.
        public let from: String, to: String
        /// The flip lies in `below … above` (adjacent whole numbers for whole-number parameters);
        /// `at` is the value where the new state starts (its midpoint for continuous ones).
        public let below: Double, above: Double, at: Double
    }

    /// Where one decision flips as one parameter moves across its range.
    public struct BreakEven: Hashable, Sendable {
        public let decision: String, decisionLabel: String
        public let parameter: Parameter
        /// The parameter's value now, and the decision there.
        public let value: Double
        public let state: String
        /// Every flip found, in increasing parameter value; empty when it does not flip in range.
        public let flips: [Flip]

        /// The flip closest to the current value.
        public var nearest: Flip? {
            flips.min { Sensitivity.distance(parameter, $0.at, value) < Sensitivity.distance(parameter, $1.at, value) }
        }
    }

    public struct BreakEvens: Hashable, Sendable {
        public let calculator: String
        /// Each decision with its state at the user's values.
        public let decisions: [(key: String, label: String, state: String)]
        /// One row per decision and parameter, parameters that flip first.
        public let rows: [BreakEven]
        public let skipped: [Skipped]
        public let evaluations: Int

        public static func == (a: BreakEvens, b: BreakEvens) -> Bool {
            a.calculator == b.calculator && a.rows == b.rows && a.skipped == b.skipped
                && a.decisions.map(\.key) == b.decisions.map(\.key) && a.decisions.map(\.state) == b.decisions.map(\.state)
        }

        public func hash(into h: inout Hasher) {
            h.combine(calculator)
            h.combine(rows)
        }
    }

    /// Grid intervals scanned for flips before bisection narrows each one.
    static let breakEvenIntervals = 32

    /// Every decision's flips as each movable parameter crosses its range, other inputs as given.
    ///
    /// The range is scanned on a grid (log-spaced for logarithmic parameters); each cell whose
    /// ends disagree is narrowed by bisection on the model. A decision that flips and flips back
    /// inside one grid cell is not seen.
    public static func breakEvens(_ calculator: any Calculator, _ inputs: Inputs) -> BreakEvens {
        let decisions = decisions(calculator, inputs)
        let (moved, skipped) = movable(calculator, inputs)
        let baseOutput = calculator.evaluate(inputs)
        var evaluations = 1
        let unknown = "n/a"
        var rows: [BreakEven] = []
        for p in moved {
            var cache: [Double: Output] = [inputs[p.key]: baseOutput]
            func output(_ x: Double) -> (Output, Inputs) {
                let moved = with(inputs, p.key, x)
                if let o = cache[x] { return (o, moved) }
                evaluations += 1
                let o = calculator.evaluate(moved)
                cache[x] = o
                return (o, moved)
            }
            let points = grid(p, intervals: breakEvenIntervals)
            for d in decisions {
                func state(_ x: Double) -> String {
                    let (o, i) = output(x)
                    return d.state(o, i) ?? unknown
                }
                let states = points.map(state)
                var flips: [Flip] = []
                for i in points.indices.dropLast() where states[i] != states[i + 1] {
                    flips += locate(p, points[i], states[i], points[i + 1], states[i + 1], depth: 0, state: state)
                }
                rows.append(BreakEven(decision: d.key, decisionLabel: d.label, parameter: p, value: inputs[p.key],
                                      state: d.state(baseOutput, inputs) ?? unknown, flips: flips))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: calculator.parameters.enumerated().map { ($1.key, $0) })
        let decisionOrder = Dictionary(decisions.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        rows.sort { a, b in
            if a.decision != b.decision { return decisionOrder[a.decision, default: 0] < decisionOrder[b.decision, default: 0] }
            if a.flips.isEmpty != b.flips.isEmpty { return !a.flips.isEmpty }
            return order[a.parameter.key, default: 0] < order[b.parameter.key, default: 0]
        }
        return BreakEvens(calculator: calculator.name,
                          decisions: decisions.map { ($0.key, $0.label, $0.state(baseOutput, inputs) ?? unknown) },
                          rows: rows, skipped: skipped, evaluations: evaluations)
    }

    /// Where one decision flips as one parameter crosses its range, other inputs as given:
    /// the row `breakEvens` gives for that pair, at the cost of that pair alone.
    public static func breakEven(_ calculator: any Calculator, _ inputs: Inputs, decision key: String,
                                 parameter parameterKey: String) throws(SensitivityError) -> BreakEven {
        let baseOutput = calculator.evaluate(inputs)
        let found = decisions(calculator, output: baseOutput)
        guard let d = found.first(where: { $0.key == key }) else {
            throw .unknownDecision(key, calculator: calculator.name, known: found.map(\.key))
        }
        let p = try parameter(calculator, parameterKey)
        if let reason = skipReason(p) { throw .notMovable(parameter: p.key, reason: reason) }
        let unknown = "n/a"
        func state(_ x: Double) -> String {
            if x == inputs[p.key] { return d.state(baseOutput, inputs) ?? unknown }
            let moved = with(inputs, p.key, x)
            return d.state(calculator.evaluate(moved), moved) ?? unknown
        }
        let points = grid(p, intervals: breakEvenIntervals)
        let states = points.map(state)
        var flips: [Flip] = []
        for i in points.indices.dropLast() where states[i] != states[i + 1] {
            flips += locate(p, points[i], states[i], points[i + 1], states[i + 1], depth: 0, state: state)
        }
        return BreakEven(decision: d.key, decisionLabel: d.label, parameter: p, value: inputs[p.key],
                         state: d.state(baseOutput, inputs) ?? unknown, flips: flips)
    }

    /// Narrows a cell whose ends disagree to the flip (or flips, when a third state shows up inside).
    static func locate(_ p: Parameter, _ a0: Double, _ sa: String, _ b0: Double, _ sb: String, depth: Int,
                       state: (Double) -> String) -> [Flip] {
        var a = a0, b = b0
        for _ in 0..<200 where !converged(p, a, b) {
            let m = midpoint(p, a, b)
            guard m > a, m < b else { break }
            let sm = state(m)
            if sm == sa { a = m } else if sm == sb { b = m } else {
                guard depth < 8 else { break }
                return locate(p, a, sa, m, sm, depth: depth + 1, state: state)
                    + locate(p, m, sm, b, sb, depth: depth + 1, state: state)
            }
        }
        return [Flip(from: sa, to: sb, below: a, above: b, at: p.integral || p.isLevels ? b : midpoint(p, a, b))]
    }
}
