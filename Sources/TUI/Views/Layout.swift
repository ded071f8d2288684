/// Where each part of the screen goes for a size. The one place that decides
/// side-by-side versus one pane at a time.
public struct Layout: Equatable, Sendable {
    public static let minimum = Size(cols: 40, rows: 12)
    /// From this width the lesson and calculator sit side by side; below it, Tab switches.
    public static let sideBySideWidth = 100

    public let header: Rect
    public let lesson: Rect?
    public let calculator: Rect?
    public let status: Rect
    public let hints: Rect

    /// `focus` picks the visible pane when only one fits, or when `zoomed` (`z`)
    /// gives the focused pane the whole window.
    public init(size: Size, focus: Focus, hasCalculator: Bool, zoomed: Bool = false) {
        let w = size.cols, h = size.rows
        header = Rect(x: 0, y: 0, width: w, height: 1)
        status = Rect(x: 0, y: h - 2, width: w, height: 1)
        hints = Rect(x: 0, y: h - 1, width: w, height: 1)
        let body = Rect(x: 0, y: 1, width: w, height: max(0, h - 3))
        if !hasCalculator {
            lesson = body
            calculator = nil
        } else if w >= Self.sideBySideWidth, !zoomed {
            // The lesson gets half (the text is what is read); past 200 columns
            // the calculator keeps the rest, its charts drawn to its width.
            let left = min(max(50, (w + 1) / 2), 100)
            let (l, r) = body.splitHorizontally(leftWidth: left)
            lesson = l
            calculator = r
        } else {
            lesson = focus == .lesson ? body : nil
            calculator = focus == .calculator ? body : nil
        }
    }

    public static func fits(_ size: Size) -> Bool { size.cols >= minimum.cols && size.rows >= minimum.rows }
}
