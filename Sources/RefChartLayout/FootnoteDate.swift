import Foundation
import RefChartCore
import RefChartScene

/// Dates in footnotes and descriptions: `15 Jan 2024 10:00`, or `15 Jan 2024` at midnight.
enum FootnoteDate {
    static func format(_ date: Date, calendar: Calendar) -> String {
        text(date, calendar: calendar).string
    }

    /// Appends the date's text to `bytes` (thousands of dates in a chart's description).
    static func write(_ date: Date, calendar: Calendar, to bytes: inout [UInt8]) {
        text(date, calendar: calendar).write(to: &bytes)
    }

    private static func text(_ date: Date, calendar: Calendar) -> ASCIIText {
        let c = TimeLabelStyle.wallClock(of: date, in: calendar)
        var text = ASCIIText()
        TimeLabelStyle.dayMonthYear.write(c, to: &text)
        if c.hour != 0 || c.minute != 0 {
            text.append(" ")
            TimeLabelStyle.hourMinute.write(c, to: &text)
        }
        return text
    }
}
