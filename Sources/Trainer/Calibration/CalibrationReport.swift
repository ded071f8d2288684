import Foundation

/// What `whiteboard calibration` prints: per kind the bias and spread, a
/// chart of the bias session by session (low to the left, high to the
/// right of the centre line), and the items pulling it most.
public enum CalibrationReport {
    /// Columns each side of the centre line.
    static let half = 16

    public static func table(_ c: Calibration, timeZone: TimeZone = .current, ascii: Bool = false) -> String {
        guard !c.kinds.isEmpty else {
            return "No estimates with a guess yet. Guess on a panel's estimate, or run `whiteboard drill`.\n"
        }
        let bar = ascii ? "#" : "█", axis = ascii ? "|" : "│"
        var out: [String] = []
        for k in c.kinds {
            let sessions = k.trend.count
            out.append("\(k.kind.rawValue): \(k.sentence) · spread \(k.spreadText) · \(k.measured) attempt\(k.measured == 1 ? "" : "s")"
                + " in \(sessions) session\(sessions == 1 ? "" : "s")"
                + (k.unmeasured > 0 ? ", and \(k.unmeasured) not measured (revealed, or a zero)" : ""))
            let neutral = k.kind == .percent ? Calibration.neutralPoints : Calibration.neutralLog
            let scale = max(k.trend.map { abs($0.bias) }.max() ?? 0, neutral * 2)
            let label = String(repeating: " ", count: 20)
            out.append(label + pad("low", half, right: true) + axis + "high")
            for p in k.trend {
                let n = min(half, Int((abs(p.bias) / scale * Double(half)).rounded()))
                let left = p.bias < 0 ? String(repeating: " ", count: half - n) + String(repeating: bar, count: n)
                    : String(repeating: " ", count: half)
                let right = p.bias > 0 ? String(repeating: bar, count: n) + String(repeating: " ", count: half - n)
                    : String(repeating: " ", count: half)
                let value = Calibration.reading(k.kind, p.bias)
                out.append("  " + ExportNaming.readable(at: p.date, timeZone: timeZone) + "  " + left + axis + right
                    + "  " + value + " (\(p.attempts))")
            }
            if !k.pulling.isEmpty {
                out.append("  pulling most: " + k.pulling.map {
                    "\($0.id) " + Calibration.reading(k.kind, $0.bias) + " (\($0.attempts))"
                }.joined(separator: ", "))
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// `{ "kinds": [ { "kind", "attempts", "without_ratio", "scale": "log10_ratio" | "points",
    /// "bias", "bias_text", "sentence", "spread", "spread_text", "trend": [ { "session", "date",
    /// "attempts", "bias" } ], "pulling": [ { "item", "attempts", "bias" } ] } ] }`
    public static func json(_ c: Calibration) -> String {
        func round(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
        let kinds: [JSONValue] = c.kinds.map { k in
            .object([
                ("kind", .string(k.kind.rawValue)), ("attempts", .number(Double(k.measured))),
                ("without_ratio", .number(Double(k.unmeasured))),
                ("scale", .string(k.kind == .percent ? "points" : "log10_ratio")),
                ("bias", .number(round(k.bias))),
                ("bias_text", .string(Calibration.reading(k.kind, k.bias))),
                ("sentence", .string(k.sentence)),
                ("spread", .number(round(k.spread))), ("spread_text", .string(k.spreadText)),
                ("trend", .array(k.trend.map {
                    .object([("session", .string($0.sessionID)), ("date", .string(ExportNaming.iso8601($0.date))),
                             ("attempts", .number(Double($0.attempts))), ("bias", .number(round($0.bias)))])
                })),
                ("pulling", .array(k.pulling.map {
                    .object([("item", .string($0.id)), ("attempts", .number(Double($0.attempts))),
                             ("bias", .number(round($0.bias)))])
                })),
            ])
        }
        return JSONValue.object([("kinds", .array(kinds))]).rendered() + "\n"
    }

    static func pad(_ s: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}
