import Calculators

/// Lays results out for people: keys shaped `row.column` that several rows
/// share (push/pull/hybrid × writes/time/read/storage) become a table; the
/// rest is a list of label and value.
struct ResultsLayout {
    struct Table: Equatable {
        var rowLabels: [String]
        var columnLabels: [String]
        var cells: [[String]]
    }

    let table: Table?
    let list: [ResultValue]

    init(_ results: [ResultValue]) {
        var rows: [String] = [], columnsByRow: [String: [String]] = [:], labels: [String: String] = [:]
        for r in results {
            let parts = r.key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if columnsByRow[parts[0]] == nil { rows.append(parts[0]) }
            columnsByRow[parts[0], default: []].append(parts[1])
            if labels[parts[0]] == nil { labels[parts[0]] = Self.rowLabel(r.label, fallback: parts[0]) }
        }
        // Columns shared by at least two rows, in first-seen order.
        var counts: [String: Int] = [:], order: [String] = []
        for row in rows { for c in columnsByRow[row]! { if counts[c] == nil { order.append(c) }; counts[c, default: 0] += 1 } }
        let columns = order.filter { counts[$0]! >= 2 }
        let tableRows = rows.filter { row in columnsByRow[row]!.filter(columns.contains).count >= 2 }
        if columns.count >= 2, tableRows.count >= 2 {
            let byKey = Dictionary(results.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            let cells = tableRows.map { row in columns.map { byKey["\(row).\($0)"]?.display ?? "" } }
            table = Table(rowLabels: tableRows.map { labels[$0]! }, columnLabels: columns.map { $0.replacing("_", with: " ") },
                          cells: cells)
            let inTable = Set(tableRows.flatMap { row in columns.map { "\(row).\($0)" } })
            list = results.filter { !inTable.contains($0.key) }
        } else {
            table = nil
            list = results
        }
    }

    /// "Single region deployment: rank" → "Single region deployment"; "push writes" → "push".
    static func rowLabel(_ label: String, fallback: String) -> String {
        if let colon = label.firstIndex(of: ":") { return String(label[..<colon]) }
        return fallback.replacing("_", with: " ")
    }

    /// The table as lines if it fits `width`; nil when it does not (the caller lists instead).
    func tableLines(width: Int, theme: Theme) -> [Line]? {
        guard let table else { return nil }
        let labelWidth = min(table.rowLabels.map(TextWidth.columns(of:)).max() ?? 0, 24)
        var widths = table.columnLabels.map(TextWidth.columns(of:))
        for row in table.cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.columns(of: cell)) } }
        let total = labelWidth + widths.reduce(0) { $0 + $1 + 2 }
        guard total <= width else { return nil }
        var header = Line(String(repeating: " ", count: labelWidth))
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
    static func listLines(_ results: [ResultValue], width: Int, theme: Theme) -> [Line] {
        guard !results.isEmpty else { return [] }
        let valueWidth = min(results.map { TextWidth.columns(of: $0.display) }.max() ?? 0, max(8, width / 2))
        let labelWidth = max(4, width - valueWidth - 2)
        return results.map { r in
            Line(Pad.right(r.label, labelWidth), theme.muted).appending("  ").appending(Pad.left(r.display, valueWidth), .bold)
        }
    }
}
