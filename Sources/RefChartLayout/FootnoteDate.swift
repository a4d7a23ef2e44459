import Foundation

/// Dates in footnotes and descriptions: `15 Jan 2024 10:00`, or `15 Jan 2024` at midnight.
enum FootnoteDate {
    static func format(_ date: Date, calendar: Calendar) -> String {
        let day = TimeLabelStyle.dayMonthYear.format(date, in: calendar)
        let c = TimeLabelStyle.fields(of: date, in: calendar)
        if c.hour == 0 && c.minute == 0 { return day }
        return day + " " + TimeLabelStyle.hourMinute.format(date, in: calendar)
    }
}
