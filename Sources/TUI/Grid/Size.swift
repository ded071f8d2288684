/// A terminal or grid size in character cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var cols: Int
    public var rows: Int

    public init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
    }

    /// `"100x24"`, the form snapshot names and size notices use.
    public var description: String { "\(cols)x\(rows)" }
}

/// Integer arithmetic that saturates instead of trapping.
///
/// Grid coordinates come from layout code doing sums on terminal sizes; a stray
/// `Int.max` there must clip, not crash the program with the terminal left raw.
enum Saturating {
    static func add(_ a: Int, _ b: Int) -> Int {
        let (r, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : r
    }

    static func subtract(_ a: Int, _ b: Int) -> Int {
        let (r, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? (b < 0 ? Int.max : Int.min) : r
    }

    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ((a < 0) == (b < 0) ? Int.max : Int.min) : r
    }
}
