import Calculators

/// Styles and glyphs for one frame, from the display options. Views ask the
/// theme instead of hard-coding colours, so `NO_COLOR` and ASCII are one switch.
public struct Theme: Equatable, Sendable {
    public let glyphs: Glyphs
    public let color: Bool

    public init(_ options: DisplayOptions) {
        glyphs = options.unicode ? .unicode : .ascii
        color = options.color
    }

    func tinted(_ c: Color, bold: Bool = false) -> Style { color ? Style(bold: bold, color: c) : Style(bold: bold) }

    var focusedBorder: Style { tinted(.accent, bold: true) }
    var border: Style { color ? Style(dim: true) : .plain }
    var title: Style { .bold }
    var heading: Style { tinted(.accent, bold: true) }
    var muted: Style { color ? Style(color: .muted) : .plain }
    var good: Style { tinted(.good) }
    var bad: Style { tinted(.bad, bold: true) }
    var warn: Style { tinted(.warn, bold: true) }
    var selected: Style { .reverse }
    /// The selected row when its pane is not focused: visible, but quieter.
    var selectedUnfocused: Style { Style(underline: true) }
    var changed: Style { .bold }
    var barStyle: Style { tinted(.accent) }
    var highlightBar: Style { tinted(.good, bold: true) }

    /// Fill characters for timeline states.
    func timelineGlyph(_ pattern: Chart.Pattern) -> String {
        let unicode = glyphs == .unicode
        switch pattern {
        case .dots: return unicode ? "·" : "."
        case .solid: return unicode ? "█" : "#"
        case .mediumShade: return unicode ? "▒" : "~"
        case .denseShade: return unicode ? "▓" : "!"
        case .heavyLine: return unicode ? "━" : "="
        case .dashedLine: return unicode ? "┄" : "-"
        case .cross: return unicode ? "╳" : "x"
        case .lightShade: return unicode ? "░" : ":"
        }
    }

    /// A pane's frame; the focused one is heavy and has its title reversed, cues
    /// that survive monochrome terminals and NO_COLOR.
    func frame(_ rect: Rect, on grid: inout Grid, focused: Bool, title: String) {
        glyphs.box(rect, on: &grid, style: focused ? focusedBorder : border, title: title, heavy: focused)
        guard focused, rect.width > 4 else { return }
        let width = min(TextWidth.columns(of: title) + 2, rect.width - 2)
        grid.applyStyle(Style(bold: true, reverse: true), to: Rect(x: rect.x + 1, y: rect.y, width: width, height: 1))
    }
}
