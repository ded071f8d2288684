/// Results that read as a table, as the calculator groups them: push, pull and
/// hybrid down the side, writes, write time, read time and storage across.
/// Each cell names one of the output's results; views look the values up.
public struct ResultTable: Hashable, Sendable {
    public struct Header: Hashable, Sendable {
        public let key: String
        public let label: String
        public init(_ key: String, _ label: String) { self.key = key; self.label = label }
    }

    public let rows: [Header]
    public let columns: [Header]
    /// `cells[row][column]`: the key of the result in that cell, nil for an empty one.
    public let cells: [[String?]]

    public init(rows: [Header], columns: [Header], cells: [[String?]]) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
    }

    /// A table whose cell in row `r` and column `c` is the result keyed `r.c`,
    /// the way the calculators name their grouped results.
    public init(rows: [Header], columns: [Header]) {
        self.init(rows: rows, columns: columns, cells: rows.map { r in columns.map { c in "\(r.key).\(c.key)" } })
    }

    /// Every result key the table shows.
    public var keys: [String] { cells.flatMap { $0.compactMap { $0 } } }
}

extension Output {
    /// Where the output contradicts what it declares: a table cell naming no
    /// result, a result in two cells, a choice with no answer, a rank that is
    /// not a whole place, a chart mark off its points. Empty when it is consistent.
    public var contractProblems: [String] {
        var problems: [String] = []
        var byKey: [String: ResultValue] = [:]
        for r in results {
            if byKey[r.key] != nil { problems.append("result \"\(r.key)\" appears twice") }
            byKey[r.key] = r
            switch r.kind {
            case .choice:
                if r.text?.isEmpty ?? true { problems.append("choice \"\(r.key)\" has no answer text") }
                if r.quantity.unit != .count || r.quantity.value.rounded() != r.quantity.value {
                    problems.append("choice \"\(r.key)\" holds \(r.quantity.value) \(r.quantity.unit.symbol), not an option's index")
                }
            case .rank:
                if r.quantity.unit != .count || r.quantity.value < 1 || r.quantity.value.rounded() != r.quantity.value {
                    problems.append("rank \"\(r.key)\" is \(r.quantity.value) \(r.quantity.unit.symbol), not a place (1, 2, …)")
                }
            case .quantity:
                break
            }
        }
        var shown: [String: Int] = [:]
        for (t, table) in tables.enumerated() {
            let name = "table \(t + 1)"
            if table.rows.isEmpty || table.columns.isEmpty { problems.append("\(name) has no rows or no columns") }
            if table.cells.count != table.rows.count || table.cells.contains(where: { $0.count != table.columns.count }) {
                problems.append("\(name) has cells that do not match its \(table.rows.count) × \(table.columns.count) headers")
            }
            for (what, headers) in [("row", table.rows), ("column", table.columns)] {
                if Set(headers.map(\.key)).count != headers.count { problems.append("\(name) repeats a \(what) key") }
                if Set(headers.map(\.label)).count != headers.count { problems.append("\(name) repeats a \(what) label") }
                for h in headers where h.label.isEmpty { problems.append("\(name): \(what) \"\(h.key)\" has no label") }
            }
            for key in table.keys {
                if byKey[key] == nil { problems.append("\(name) shows \"\(key)\", which the output does not have") }
                shown[key, default: 0] += 1
            }
            for (r, row) in table.cells.enumerated() where row.allSatisfy({ $0 == nil }) {
                problems.append("\(name): row \"\(table.rows[r].key)\" is empty")
            }
            for c in table.columns.indices where table.cells.allSatisfy({ !$0.indices.contains(c) || $0[c] == nil }) {
                problems.append("\(name): column \"\(table.columns[c].key)\" is empty")
            }
            // A column of ranks orders the table's rows: each place once.
            for c in table.columns.indices {
                let column = table.cells.compactMap { $0.indices.contains(c) ? $0[c].flatMap { byKey[$0] } : nil }
                guard !column.isEmpty, column.allSatisfy({ $0.kind == .rank }) else { continue }
                let places = column.map { Int($0.quantity.value) }.sorted()
                if places != Array(1...column.count) {
                    problems.append("\(name): ranks in \"\(table.columns[c].key)\" are \(places), not 1 to \(column.count)")
                }
            }
        }
        for (key, count) in shown where count > 1 { problems.append("result \"\(key)\" is in \(count) table cells") }
        for chart in charts {
            switch chart {
            case let .curve(title, _, _, points, mark?, _):
                if !points.indices.contains(mark.index) {
                    problems.append("chart \"\(title)\" marks point \(mark.index) of \(points.count)")
                }
                if mark.label.isEmpty { problems.append("chart \"\(title)\" marks a point with no label") }
            case let .timeline(title, _, lanes):
                var patterns: [Chart.Pattern: String] = [:], byName: [String: Chart.State] = [:]
                for state in lanes.flatMap({ $0.segments.map(\.state) }) {
                    if let other = patterns[state.pattern], other != state.name {
                        problems.append("chart \"\(title)\" draws \"\(other)\" and \"\(state.name)\" alike")
                    }
                    if let other = byName[state.name], other != state {
                        problems.append("chart \"\(title)\" gives \"\(state.name)\" two severities or patterns")
                    }
                    patterns[state.pattern] = state.name
                    byName[state.name] = state
                }
            default:
                break
            }
        }
        return problems.sorted()
    }
}
