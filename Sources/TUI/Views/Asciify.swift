/// The ASCII fallback for a whole frame: without a UTF-8 locale (or with
/// `--ascii`) every non-ASCII character on screen — in lesson text, in numbers
/// ("×", "µ") and in our own marks — becomes its nearest ASCII look-alike, or
/// "?", so a C-locale terminal never receives bytes it cannot show.
extension Grid {
    static let asciiLookAlikes: [String: String] = [
        "…": ".", "·": "-", "→": ">", "←": "<", "↑": "^", "↓": "v", "×": "x", "•": "*", "▸": ">", "▶": ">",
        "◀": "<", "▲": "^", "⏸": "|", "✓": "+", "✗": "x", "☐": "[", "☑": "x", "µ": "u", "≈": "~", "–": "-",
        "—": "-", "’": "'", "‘": "'", "“": "\"", "”": "\"", "α": "a", "≤": "<", "≥": ">", "█": "#", "▓": "#",
        "▒": "~", "░": ":", "━": "=", "┄": "-", "╳": "x", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+",
        "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "┃": "|", "┏": "#", "┓": "#", "┗": "#", "┛": "#", "▏": "|", "²": "2", "³": "3", "€": "E",
        "£": "L", "é": "e", "è": "e", "à": "a", "ü": "u", "ö": "o", "ä": "a",
    ]

    mutating func asciify() {
        mapText { Self.asciiLookAlikes[$0] ?? "?" }
    }
}
