/// A semantic colour. Views say what a colour means, never which ANSI number it is:
/// the terminal backend maps these to colour pairs, or to bold/dim on a monochrome
/// terminal or under `NO_COLOR`, so no screen depends on colour alone.
public enum Color: String, Hashable, Sendable, CaseIterable {
    /// Focus, headings, the selected thing.
    case accent
    /// A claim that holds, a ticked item.
    case good
    /// A claim that fails, an error.
    case bad
    /// Something to look at: a changed value, a clock running out.
    case warn
    /// Secondary text: units, hints, ranges.
    case muted
}

/// How a cell is drawn: attributes plus an optional semantic colour.
///
/// A style replaces, it does not merge: `grid.put("x", x: 0, y: 0, style: .bold)`
/// over a reversed cell leaves a bold, non-reversed cell. Views that want both
/// build `Style(bold: true, reverse: true)`.
public struct Style: Hashable, Sendable {
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false
    public var color: Color? = nil

    public init(bold: Bool = false, reverse: Bool = false, dim: Bool = false,
                underline: Bool = false, color: Color? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)

    /// This style with `color` set; handy for `Style.bold.colored(.bad)`.
    public func colored(_ color: Color?) -> Style {
        var copy = self
        copy.color = color
        return copy
    }

    /// The letter `Grid.styleLines` shows for this style.
    ///
    /// Precedence, most visible first: `R` reverse > `B` bold > `U` underline >
    /// `D` dim > `C` coloured > `.` plain. A reversed bold red cell reads `R`;
    /// its colour is still visible in `Grid.colorLines`.
    public var letter: Character {
        if reverse { return "R" }
        if bold { return "B" }
        if underline { return "U" }
        if dim { return "D" }
        if color != nil { return "C" }
        return "."
    }
}

extension Color {
    /// The letter `Grid.colorLines` shows: `a` accent, `g` good, `b` bad, `w` warn, `m` muted.
    public var letter: Character {
        switch self {
        case .accent: "a"
        case .good: "g"
        case .bad: "b"
        case .warn: "w"
        case .muted: "m"
        }
    }
}
