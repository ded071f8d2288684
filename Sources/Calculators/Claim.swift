/// Something the whiteboard states about a result, such as "tiered storage
/// costs $44,000/month". Evaluated, it holds or it does not, and says why.
public struct Claim: Hashable, Sendable {
    public let id: String
    public let text: String
    /// The result the claim is about; for a break-even, the decision that flips.
    public let resultKey: String
    /// The figure stated: the result's value, the swing of the most sensitive input, or the break-even value.
    public let stated: Quantity
    /// Relative tolerance: 0.02 accepts a figure within 2 % of the computed one.
    public let tolerance: Double
    /// The lesson's explanation of the mistake, shown when the claim fails.
    public let why: String?
    public let kind: Kind
    /// How the stated figure reads: about it ("~$180K"), or a floor or ceiling ("$1M+", "at most 2 in 3").
    public let bound: Bound

    /// A value claim's figure as a point (within `tolerance`) or a one-sided bound (`tolerance` of slack).
    public enum Bound: String, Hashable, Sendable, CaseIterable {
        case about, atLeast = "at_least", atMost = "at_most"
    }

    /// What a claim states.
    public enum Kind: Hashable, Sendable {
        /// The result is `stated`.
        case value
        /// Of every input moved ±20 %, `parameter` moves the result most, by `stated` (high − low).
        case mostSensitive(parameter: String)
        /// The decision `resultKey` flips when `parameter` crosses `stated` (the flip nearest its value).
        case breakEven(parameter: String)
    }

    public init(id: String, text: String, resultKey: String, stated: Quantity, tolerance: Double = 0.02, why: String? = nil,
                kind: Kind = .value, bound: Bound = .about) {
        self.id = id
        self.text = text
        self.resultKey = resultKey
        self.stated = stated
        self.tolerance = tolerance
        self.why = why
        self.kind = kind
        self.bound = bound
    }

    /// Whether checking it runs the model again (a tornado or a break-even), not just reads an output.
    public var needsModel: Bool { kind != .value }

    /// Checks the claim against the model at `inputs`. A value claim only reads the output
    /// (`output`, when given, is `calculator.evaluate(inputs)` computed before).
    public func evaluate(_ calculator: any Calculator, _ inputs: Inputs, output: Output? = nil) -> ClaimCheck {
        switch kind {
        case .value:
            return evaluate(output ?? calculator.evaluate(inputs))
        case let .mostSensitive(parameter):
            let tornado: Sensitivity.Tornado
            do { tornado = try Sensitivity.tornado(calculator, inputs, result: resultKey) } catch {
                return ClaimCheck(claim: self, computed: nil, holds: false, reason: error.description)
            }
            guard let top = tornado.bars.first, top.swing.isFinite else {
                return ClaimCheck(claim: self, computed: nil, holds: false, reason: "no input moves \(resultKey) here")
            }
            let unit = tornado.unit
            func swing(_ bar: Sensitivity.Bar) -> Quantity { Quantity(bar.swing, unit) }
            guard top.parameter.key == parameter else {
                let named = tornado.bars.first { $0.parameter.key == parameter }
                let theirs = named.map { "\($0.parameter.label) only \(Format.literal(swing($0)))" } ?? "\(parameter) is not moved"
                return ClaimCheck(claim: self, computed: swing(top), holds: false,
                                  reason: "\(top.parameter.label) moves it most (\(tornado.span.description): \(Format.literal(swing(top)))); "
                                      + theirs + (why.map { ": " + $0 } ?? ""))
            }
            let check = compare(swing(top), what: "\(top.parameter.label), \(tornado.span.description), swings it by")
            return ClaimCheck(claim: self, computed: check.computed, holds: check.holds,
                              reason: "\(top.parameter.label) moves it most; " + check.reason)
        case let .breakEven(parameter):
            let row: Sensitivity.BreakEven
            do { row = try Sensitivity.breakEven(calculator, inputs, decision: resultKey, parameter: parameter) } catch {
                return ClaimCheck(claim: self, computed: nil, holds: false, reason: error.description)
            }
            guard let flip = row.nearest else {
                return ClaimCheck(claim: self, computed: nil, holds: false,
                                  reason: "\(row.decisionLabel) stays \(row.state) across \(row.parameter.label)'s range: it does not flip"
                                      + (why.map { ": " + $0 } ?? ""))
            }
            let check = compare(Quantity(flip.at, row.parameter.unit),
                                what: "\(row.decisionLabel) turns from \(flip.from) to \(flip.to) at")
            return ClaimCheck(claim: self, computed: check.computed, holds: check.holds, reason: check.reason)
        }
    }

    /// A computed figure against the stated one, in the stated unit.
    func compare(_ value: Quantity, what: String) -> (computed: Quantity?, holds: Bool, reason: String) {
        let computed: Quantity
        do { computed = try value.converted(to: stated.unit) } catch { return (value, false, error.description) }
        let c = computed.value, s = stated.value
        let scale = max(abs(c), abs(s))
        let holds = scale == 0 || abs(c - s) <= tolerance * scale + 1e-12
        return holds ? (computed, true, "\(what) \(Format.literal(computed)), as the board says")
            : (computed, false, "\(what) \(Format.literal(computed)), the board says \(Format.literal(stated))" + (why.map { ": " + $0 } ?? ""))
    }

    public func evaluate(_ output: Output) -> ClaimCheck {
        guard kind == .value else {
            return ClaimCheck(claim: self, computed: nil, holds: false, reason: "checked against the model, not one output")
        }
        guard let result = output[resultKey] else {
            return ClaimCheck(claim: self, computed: nil, holds: false,
                              reason: "the calculator has no result \"\(resultKey)\"")
        }
        if let undefined = result.undefined {
            return ClaimCheck(claim: self, computed: nil, holds: false, reason: "the calculator has no value here: \(undefined)")
        }
        let computed: Quantity
        do { computed = try result.quantity.converted(to: stated.unit) } catch {
            return ClaimCheck(claim: self, computed: result.quantity, holds: false, reason: error.description)
        }
        let c = computed.value, s = stated.value
        guard c.isFinite else {
            return ClaimCheck(claim: self, computed: computed, holds: false, reason: "the calculator has no finite value here")
        }
        let scale = max(abs(c), abs(s))
        let holds: Bool
        switch bound {
        case .about: holds = scale == 0 || abs(c - s) <= tolerance * scale + 1e-12
        case .atLeast: holds = c >= s - tolerance * abs(s) - 1e-12
        case .atMost: holds = c <= s + tolerance * abs(s) + 1e-12
        }
        let reason: String
        if bound != .about {
            let side = bound == .atLeast ? "at least" : "at most"
            reason = holds ? "board says \(side) \(Format.literal(stated)), computed \(Format.literal(computed))"
                : "board says \(side) \(Format.literal(stated)), computed \(Format.literal(computed))" + (why.map { ": " + $0 } ?? "")
        } else if result.kind == .rank {
            // Positions read as places, not as ratios.
            let board = Self.ordinal(s), real = Self.ordinal(c)
            reason = holds ? "board ranks it \(board), and so does the formula"
                : "board ranks it \(board), the formula \(real)" + (why.map { ": " + $0 } ?? "")
        } else if holds {
            reason = "board \(Format.literal(stated)) matches \(Format.literal(computed))"
        } else {
            let off: String
            if s != 0, c != 0 {
                let ratio = c / s
                off = ratio >= 2 || ratio <= 0.5
                    ? "off by \(Format.significant(ratio >= 1 ? ratio : 1 / ratio))×"
                    : "off by \(Format.significant(abs(ratio - 1) * 100, digits: 2)) %"
            } else {
                off = "different"
            }
            reason = "board says \(Format.literal(stated)), computed \(Format.literal(computed)) (\(off))"
                + (why.map { ": " + $0 } ?? "")
        }
        return ClaimCheck(claim: self, computed: computed, holds: holds, reason: reason, isRank: result.kind == .rank)
    }

    static func ordinal(_ v: Double) -> String {
        let n = Int(v.rounded())
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}

/// The verdict on one claim.
public struct ClaimCheck: Hashable, Sendable {
    public let claim: Claim
    public let computed: Quantity?
    public let holds: Bool
    public let reason: String
    /// The figures are places in an order (a rank result): they read "2nd", not "2".
    public let isRank: Bool

    public init(claim: Claim, computed: Quantity?, holds: Bool, reason: String, isRank: Bool = false) {
        self.claim = claim
        self.computed = computed
        self.holds = holds
        self.reason = reason
        self.isRank = isRank
    }

    /// A figure of this check as the views write it: a place for a rank ("2nd"), else its literal.
    public func literal(_ q: Quantity) -> String { isRank ? Claim.ordinal(q.value) : Format.literal(q) }
}
