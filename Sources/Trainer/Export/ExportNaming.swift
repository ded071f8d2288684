import Foundation

/// File names and times for exports. Names are built from the clock only,
/// never from lesson text, so no lesson file can choose where a write lands.
public enum ExportNaming {
    /// `whiteboard-session-YYYYMMDD-HHMMSS` in the given time zone.
    public static func baseName(at unixSeconds: Double, timeZone: TimeZone = .current) -> String {
        "whiteboard-session-" + stamp(at: unixSeconds, timeZone: timeZone)
    }

    /// `YYYYMMDD-HHMMSS` (seconds rounded down).
    public static func stamp(at unixSeconds: Double, timeZone: TimeZone) -> String {
        let c = components(unixSeconds, timeZone)
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "-" + pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2)
    }

    /// `2025-03-14 09:05` for people.
    public static func readable(at unixSeconds: Double, timeZone: TimeZone, seconds: Bool = false) -> String {
        let c = components(unixSeconds, timeZone)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + " " + pad(c.hour, 2) + ":" + pad(c.minute, 2)
            + (seconds ? ":" + pad(c.second, 2) : "")
    }

    /// `2025-03-14T09:05:00Z`: ISO 8601 in UTC, whole seconds.
    public static func iso8601(_ unixSeconds: Double) -> String {
        let c = components(unixSeconds, TimeZone(identifier: "UTC")!)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T"
            + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2) + "Z"
    }

    private static func components(_ unixSeconds: Double, _ timeZone: TimeZone)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let seconds = unixSeconds.isFinite ? unixSeconds.rounded(.down) : 0
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                        from: Date(timeIntervalSince1970: seconds))
        return (c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Durations as the clock shows them.
enum TimeText {
    /// "9:05", "0:00", "-0:30" (whole seconds, rounded).
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-:--" }
        let total = Int(abs(seconds).rounded())
        let s = total % 60
        return (seconds < 0 && total > 0 ? "-" : "") + "\(total / 60):" + (s < 10 ? "0" : "") + "\(s)"
    }

    /// " (35 %)", or "" when there is nothing to divide by.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        return " (\(Int((Double(part) * 100 / Double(whole)).rounded())) %)"
    }
}
