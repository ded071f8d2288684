extension Sensitivity {
    /// The value of one parameter that brings a result to a target.
    public struct Solution: Hashable, Sendable {
        public let calculator: String
        public let resultKey: String
        public let unit: Unit
        public let parameter: Parameter
        public let target: Double
        /// The parameter's value found, and the result there.
        public let value: Double, achieved: Double
        /// The parameter's value at the user's inputs, and the result there.
        public let start: Double, startResult: Double
        /// The whole range searched, and the bracket where the result crossed the target.
        public let searched: ClosedRange<Double>, bracket: ClosedRange<Double>
        /// Other brackets where the result also crosses the target (the nearest one was solved).
        public let otherCrossings: [ClosedRange<Double>]
        public let evaluations: Int

        /// |achieved − target|.
        public var miss: Double { abs(achieved - target) }
    }

    /// Intervals of the grid that brackets the search across a parameter's range.
    static let solveIntervals = 48

    /// Finds `parameter` so that `result` equals `target`, other inputs as given.
    ///
    /// The parameter's range is cut into a grid (log-spaced for logarithmic parameters);
    /// each grid cell where the result crosses the target brackets a solution, and the
    /// one nearest the current value is narrowed by bisection, assuming the result is
    /// monotone within the cell. Whole-number parameters end on the closer of two
    /// neighbouring values.
    public static func solve(_ calculator: any Calculator, _ inputs: Inputs, result key: String, target: Double,
                             for parameterKey: String) throws(SensitivityError) -> Solution {
        let base = try numericResult(calculator, inputs, key)
        let p = try parameter(calculator, parameterKey)
        if let reason = skipReason(p) { throw .notMovable(parameter: p.key, reason: reason) }
        var evaluations = 1
        func result(_ x: Double) -> Double {
            evaluations += 1
            return calculator.evaluate(with(inputs, p.key, x)).value(key) ?? .nan
        }
        let start = inputs[p.key]
        let points = grid(p, intervals: solveIntervals)
        let values = points.map(result)
        let unit = base.quantity.unit
        func solution(_ x: Double, _ y: Double, _ bracket: ClosedRange<Double>, others: [ClosedRange<Double>]) -> Solution {
            Solution(calculator: calculator.name, resultKey: key, unit: unit, parameter: p, target: target,
                     value: x, achieved: y, start: start, startResult: base.quantity.value,
                     searched: p.range, bracket: bracket, otherCrossings: others, evaluations: evaluations)
        }

        // Cells whose ends straddle the target (or touch it).
        var cells: [Int] = []
        for i in points.indices.dropLast() {
            let a = values[i] - target, b = values[i + 1] - target
            guard a.isFinite, b.isFinite else { continue }
            if a == 0 || (a < 0) != (b < 0) || b == 0 { cells.append(i) }
        }
        guard !cells.isEmpty else {
            // The target as typed (99.99 %, not "100 %"), and the range reached at as many
            // figures, so the two never read alike when they differ.
            let finite = values.filter(\.isFinite), digits = Format.digitsNeeded(target)
            let reached = finite.isEmpty ? "no numeric value"
                : Format.quantity(Quantity(finite.min()!, unit), digits: digits) + " … "
                    + Format.quantity(Quantity(finite.max()!, unit), digits: digits)
            throw .noSolution(result: key, target: Format.precise(Quantity(target, unit)), parameter: p.key,
                              searched: p.rangeDescription, reached: reached)
        }
        func cellDistance(_ i: Int) -> Double {
            let a = points[i], b = points[i + 1]
            if (a...b).contains(start) { return 0 }
            return min(distance(p, a, start), distance(p, b, start))
        }
        let nearest = cells.min { cellDistance($0) < cellDistance($1) }!
        let others = cells.filter { $0 != nearest }.map { points[$0]...points[$0 + 1] }
        var a = points[nearest], b = points[nearest + 1]
        var fa = values[nearest] - target, fb = values[nearest + 1] - target
        let bracket = a...b
        if fa == 0 { return solution(a, values[nearest], bracket, others: others) }
        if fb == 0 { return solution(b, values[nearest + 1], bracket, others: others) }
        for _ in 0..<200 where !converged(p, a, b) {
            let m = midpoint(p, a, b)
            guard m > a, m < b else { break }
            let fm = result(m) - target
            if fm == 0 { return solution(m, fm + target, bracket, others: others) }
            if !fm.isFinite { break }
            if (fm < 0) == (fa < 0) { (a, fa) = (m, fm) } else { (b, fb) = (m, fm) }
        }
        if p.integral || p.isLevels {
            return abs(fa) <= abs(fb) ? solution(a, fa + target, bracket, others: others)
                : solution(b, fb + target, bracket, others: others)
        }
        let x = midpoint(p, a, b)
        return solution(x, result(x), bracket, others: others)
    }

    /// Reads a target typed for a result: "80" or "80%" for a percentage, "1M", "$50K", "5 min".
    public static func parseTarget(_ text: String, for result: ResultValue) throws(SensitivityError) -> Double {
        let unit = result.quantity.unit
        var t = text.trimmingSpaces
        if t.hasSuffix("%"), unit == .percent { t.removeLast() }
        if let v = NumberParser.parse(t) { return v }
        if let q = NumberParser.parseWithUnit(t), q.unit.dimension == unit.dimension, let c = try? q.converted(to: unit) {
            return c.value
        }
        throw .badTarget(result: result.key, text: text, unit: unit.symbol)
    }
}
