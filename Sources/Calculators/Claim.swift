/// Something the whiteboard states about a result, such as "tiered storage
/// costs $44,000/month". Evaluated, it holds or it does not, and says why.
public struct Claim: Hashable, Sendable {
    public let id: String
    public let text: String
    public let resultKey: String
    public let stated: Quantity
    /// Relative tolerance: 0.02 accepts a figure within 2 % of the computed one.
    public let tolerance: Double
    /// The lesson's explanation of the mistake, shown when the claim fails.
    public let why: String?

    public init(id: String, text: String, resultKey: String, stated: Quantity, tolerance: Double = 0.02, why: String? = nil) {
        self.id = id
        self.text = text
        self.resultKey = resultKey
        self.stated = stated
        self.tolerance = tolerance
        self.why = why
    }

    public func evaluate(_ output: Output) -> ClaimCheck {
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
        let holds = scale == 0 || abs(c - s) <= tolerance * scale + 1e-12
        let reason: String
        if result.kind == .rank {
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
        return ClaimCheck(claim: self, computed: computed, holds: holds, reason: reason)
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
}
