/// A line of styled spans, built before it is drawn so panes can measure,
/// scroll and cut their content without touching the grid.
public struct Line: Equatable, Sendable {
    public var spans: [(text: String, style: Style)]

    public init(_ text: String = "", _ style: Style = .plain) {
        spans = text.isEmpty ? [] : [(text, style)]
    }

    public static func == (a: Line, b: Line) -> Bool {
        a.spans.count == b.spans.count && zip(a.spans, b.spans).allSatisfy { $0.text == $1.text && $0.style == $1.style }
    }

    public static let blank = Line()

    public mutating func append(_ text: String, _ style: Style = .plain) { spans.append((text, style)) }

    public func appending(_ text: String, _ style: Style = .plain) -> Line {
        var copy = self
        copy.append(text, style)
        return copy
    }

    /// Spans word-wrapped to `width` columns, each piece keeping its span's style
    /// (as `TextWidth.wrap` wraps plain text: runs of spaces become one, long words break).
    public static func wrapped(_ spans: [(text: String, style: Style)], width: Int) -> [Line] {
        var chars: [(Character, Style)] = []
        for span in spans { for c in span.text { chars.append((c, span.style)) } }
        var i = 0
        return TextWidth.wrap(String(chars.map(\.0)), width: width).map { part in
            var line = Line()
            func add(_ c: Character, _ style: Style) {
                if let last = line.spans.last, last.style == style {
                    line.spans[line.spans.count - 1].text.append(c)
                } else {
                    line.spans.append((String(c), style))
                }
            }
            for c in part {
                if c == " " {
                    add(c, i < chars.count ? chars[i].1 : .plain)
                    while i < chars.count, chars[i].0 == " " { i += 1 }
                } else {
                    while i < chars.count, chars[i].0 == " " { i += 1 }
                    add(c, i < chars.count ? chars[i].1 : .plain)
                    i += 1
                }
            }
            return line
        }
    }

    public var width: Int { spans.reduce(0) { $0 + TextWidth.columns(of: TextWidth.sanitized($1.text)) } }

    /// Draws into one row of `rect`, clipped; `fill` paints the rest of the row (selection bars).
    public func draw(on grid: inout Grid, x: Int, y: Int, clip: Rect, fill: Style? = nil) {
        if let fill { grid.fill(Rect(x: clip.x, y: y, width: clip.width, height: 1).intersection(clip), style: fill) }
        var cx = x
        for span in spans {
            cx += grid.put(span.text, x: cx, y: y, style: fill.map { merge($0, span.style) } ?? span.style, clip: clip)
        }
    }

    private func merge(_ base: Style, _ over: Style) -> Style {
        Style(bold: base.bold || over.bold, reverse: base.reverse || over.reverse, dim: over.dim,
              underline: base.underline || over.underline, color: over.color ?? base.color)
    }
}

extension Array where Element == Line {
    /// Draws lines top-down from `scroll`, as many as fit.
    func draw(on grid: inout Grid, in rect: Rect, scroll: Int = 0) {
        guard !rect.isEmpty else { return }
        for row in 0..<rect.height {
            let i = scroll + row
            guard indices.contains(i) else { break }
            self[i].draw(on: &grid, x: rect.x, y: rect.y + row, clip: rect)
        }
    }
}

enum Pad {
    /// Pads to `width` columns (or cuts with an ellipsis).
    static func right(_ s: String, _ width: Int, ellipsis: String = "…") -> String {
        let w = TextWidth.columns(of: s)
        if w > width { return TextWidth.truncate(s, toColumns: width, ellipsis: ellipsis) }
        return s + String.repeating(" ", count: width - w)
    }

    static func left(_ s: String, _ width: Int) -> String {
        let w = TextWidth.columns(of: s)
        return w >= width ? s : String.repeating(" ", count: width - w) + s
    }
}

extension String {
    /// `piece` written `count` times (nothing for a count below 1), as
    /// `String(repeating:count:)` gives, but copied into one buffer: the
    /// standard one appends piece by piece, a few thousand instructions for a
    /// bar or a frame's edge, on every frame.
    static func repeating(_ piece: String, count: Int) -> String {
        guard count > 0, !piece.isEmpty else { return "" }
        if count == 1 { return piece }
        var piece = piece
        return piece.withUTF8 { source in
            let size = source.count
            let (total, overflow) = size.multipliedReportingOverflow(by: count)
            guard !overflow else { return String(repeating: String(decoding: source, as: UTF8.self), count: count) }
            return String(unsafeUninitializedCapacity: total) { buffer in
                guard let to = buffer.baseAddress, let from = source.baseAddress else { return 0 }
                for i in 0..<count { (to + i * size).update(from: from, count: size) }
                return total
            }
        }
    }
}
