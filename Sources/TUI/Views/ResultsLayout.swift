import Calculators

/// Lays results out for people: the tables the calculator declares
/// (push/pull/hybrid × writes/time/read/storage), then the rest as a list of
/// label and value.
struct ResultsLayout {
    struct Table: Equatable {
        var rowLabels: [String]
        var columnLabels: [String]
        var cells: [[String]]
        /// The result keys the table shows.
        var keys: Set<String>
    }

    let tables: [Table]
    let results: [ResultValue]
    /// Between a mean and its spread: "±", or "+/-" in ASCII.
    let plusMinus: String

    init(_ output: Output, plusMinus: String = "±") {
        self.plusMinus = plusMinus
        let byKey = Dictionary(output.results.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        results = output.results
        tables = output.tables.map { t in
            Table(rowLabels: t.rows.map(\.label), columnLabels: t.columns.map(\.label),
                  cells: t.cells.map { row in row.map { key in key.flatMap { byKey[$0]?.display(plusMinus: plusMinus) } ?? "" } },
                  keys: Set(t.keys))
        }
    }

    /// The tables that fit `width`, then every result none of them shows. A table of one
    /// row, or one wider than `width`, is listed instead.
    func lines(width: Int, listWidth: Int, theme: Theme) -> [Line] {
        var out: [Line] = [], shown = Set<String>()
        for table in tables {
            guard let lines = Self.tableLines(table, width: width, theme: theme) else { continue }
            out += lines
            shown.formUnion(table.keys)
        }
        return out + Self.listLines(results.filter { !shown.contains($0.key) }, width: listWidth, theme: theme, plusMinus: plusMinus)
    }

    /// The table as lines if it fits `width`; nil when it does not, or has one row (the caller lists instead).
    static func tableLines(_ table: Table, width: Int, theme: Theme) -> [Line]? {
        guard table.rowLabels.count >= 2, !table.columnLabels.isEmpty else { return nil }
        let labelWidth = min(table.rowLabels.map(TextWidth.columns(of:)).max() ?? 0, 24)
        var widths = table.columnLabels.map(TextWidth.columns(of:))
        for row in table.cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.columns(of: cell)) } }
        let total = labelWidth + widths.reduce(0) { $0 + $1 + 2 }
        guard total <= width else { return nil }
        var header = Line(String.repeating(" ", count: labelWidth))
        for (i, c) in table.columnLabels.enumerated() { header.append("  " + Pad.left(c, widths[i]), theme.muted) }
        var out = [header]
        for (r, label) in table.rowLabels.enumerated() {
            var line = Line(Pad.right(label, labelWidth), .bold)
            for (i, cell) in table.cells[r].enumerated() { line.append("  " + Pad.left(cell, widths[i])) }
            out.append(line)
        }
        return out
    }

    /// Label and value lines; values right-aligned to the widest.
    static func listLines(_ results: [ResultValue], width: Int, theme: Theme, plusMinus: String = "±") -> [Line] {
        guard !results.isEmpty else { return [] }
        let valueWidth = min(results.map { TextWidth.columns(of: $0.display(plusMinus: plusMinus)) }.max() ?? 0, max(8, width / 2))
        let labelWidth = max(4, width - valueWidth - 2)
        return results.map { r in
            Line(Pad.right(r.label, labelWidth), theme.muted).appending("  ").appending(Pad.left(r.display(plusMinus: plusMinus), valueWidth), .bold)
        }
    }
}
