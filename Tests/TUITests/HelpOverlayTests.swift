import Testing
@testable import TUI

/// The help at 80x24: every key and every word of its help can be read by
/// scrolling (nothing cut, the digits row included), and the scroll stops at the end.
@Suite struct HelpOverlayTests {
    /// The text inside the help box on the row under its top border, at each scroll from 0 to the end.
    static func scrolledRows(_ h: inout Harness) -> [String] {
        var rows: [String] = []
        let limit = HelpOverlay(theme: Theme(h.state.display)).maxScroll(in: h.state.size)
        let box = HelpOverlay(theme: Theme(h.state.display)).frame(in: h.state.size)
        let top = box.y + 1
        func inside(_ line: String) -> String? {
            guard let a = line.firstIndex(of: "│"), let b = line.lastIndex(of: "│"), a < b else {
                Issue.record("no help box: \(line)")
                return nil
            }
            return String(line[line.index(after: a)..<b])
        }
        for s in 0...limit {
            #expect(h.state.overlay == .help(scroll: s))
            guard let row = inside(h.lines[top]) else { return rows }
            rows.append(row)
            // At the end, the rest of the last page too.
            if s == limit { rows += h.lines[(top + 1)..<(box.maxY - 1)].compactMap(inside) } else { h.press(.character("j")) }
        }
        return rows
    }

    static func collapsed(_ s: String) -> String { s.split(separator: " ").joined(separator: " ") }

    @Test func everyHelpLineIsReadableAtEightyByTwentyFour() {
        var h = Harness(80, 24)
        h.press(.character("?"))
        let rows = Self.scrolledRows(&h)
        #expect(rows.count > 20)
        #expect(!rows.contains { $0.contains("…") })
        let text = Self.collapsed(rows.joined(separator: " "))
        for b in Keymap.bindings {
            #expect(text.contains(Self.collapsed(b.keyNames + " " + b.help)), "\(b.keyNames): \(b.help)")
        }
        // The digits row in full, and a long help wrapped under its own column.
        #expect(rows.contains { $0.hasPrefix(" 0-9 .          a digit starts typing a value") })
        #expect(rows.contains { $0.hasPrefix(" Enter          type an exact value (1M, 10k, 2.5e6, 5min), starting from") })
        #expect(rows.contains { $0.hasPrefix("                the current one") })
    }

    @Test func theHelpScrollStopsAtItsEndAndComesBackAtOnce() {
        var h = Harness(80, 24)
        h.press(.character("?"))
        let limit = HelpOverlay(theme: Theme(h.state.display)).maxScroll(in: h.state.size)
        #expect(limit > 0)
        for _ in 0..<(limit + 30) { h.press(.character(" ")) }
        #expect(h.state.overlay == .help(scroll: limit))
        #expect(h.lines[HelpOverlay(theme: Theme(h.state.display)).frame(in: h.state.size).y].contains("· end"))
        h.press(.character("k"))
        #expect(h.state.overlay == .help(scroll: limit - 1))
        h.press(.character("b"))
        #expect(h.state.overlay == .help(scroll: max(0, limit - 11)))
        for _ in 0..<(limit + 5) { h.press(.character("k")) }
        #expect(h.state.overlay == .help(scroll: 0))
    }
}
