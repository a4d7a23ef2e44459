package import Foundation
import RefChartCore
import RefChartScene

/// How a time tick (or its context row) is written. Formatting is done by hand from calendar fields in
/// the display zone, in English, so output does not depend on the machine's locale.
package enum TimeLabelStyle: Sendable, Hashable {
    case hourMinuteSecond  // 10:30:15
    case hourMinute  // 10:30
    case weekdayDay  // Mon 15
    case day  // 15
    case weekdayDayMonth  // Mon 15 Jan
    case dayMonthYear  // 15 Jan 2024
    case month  // Jan
    case monthYear  // Jan 2024
    case year  // 2024

    private static let months: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The label of `date` in `calendar`'s time zone.
    package func format(_ date: Date, in calendar: Calendar) -> String {
        var text = ASCIIText()
        write(Self.wallClock(of: date, in: calendar), to: &text)
        return text.string
    }

    /// Writes the label of a date's wall-clock fields.
    func write(_ c: WallClock, to text: inout ASCIIText) {
        switch self {
        case .hourMinuteSecond:
            Self.hourMinute.write(c, to: &text)
            text.append(":")
            text.append(c.second, width: 2)
        case .hourMinute:
            text.append(c.hour, width: 2)
            text.append(":")
            text.append(c.minute, width: 2)
        case .weekdayDay:
            text.append(Self.weekdays[c.weekday - 1])
            text.append(" ")
            text.append(c.day)
        case .day:
            text.append(c.day)
        case .weekdayDayMonth:
            Self.weekdayDay.write(c, to: &text)
            text.append(" ")
            text.append(Self.months[c.month - 1])
        case .dayMonthYear:
            text.append(c.day)
            text.append(" ")
            Self.monthYear.write(c, to: &text)
        case .month:
            text.append(Self.months[c.month - 1])
        case .monthYear:
            text.append(Self.months[c.month - 1])
            text.append(" ")
            text.append(c.year)
        case .year:
            text.append(c.year)
        }
    }

    /// A date's fields on the wall clock of a calendar's zone (weekday 1 is Sunday, as in `Calendar`).
    struct WallClock {
        var year, month, day, hour, minute, second, weekday: Int
    }

    /// The date's fields in the calendar's zone: by day arithmetic for Gregorian dates after 1600 (asking
    /// `Calendar` costs dozens of times more a date, and a chart writes thousands), by `Calendar` before (it
    /// turns Julian before 1582).
    package static func fields(of date: Date, in calendar: Calendar) -> DateComponents {
        let c = wallClock(of: date, in: calendar)
        var components = DateComponents(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second)
        components.weekday = c.weekday
        return components
    }

    /// See ``fields(of:in:)``; without building `DateComponents` (a third of a footnote date's cost).
    static func wallClock(of date: Date, in calendar: Calendar) -> WallClock {
        let seconds = date.timeIntervalSince1970
        guard calendar.identifier == .gregorian, seconds > -11_676_096_000, seconds < 1e12 else {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            return WallClock(
                year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0,
                minute: c.minute ?? 0, second: c.second ?? 0, weekday: c.weekday ?? 1)
        }
        let local = Int((seconds + Double(calendar.timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let inDay = local - days * 86_400
        let (year, month, day) = CivilTime.civilFromDays(days)
        // 1970-01-01 was a Thursday; Sunday is 1.
        return WallClock(
            year: year, month: month, day: day, hour: inDay / 3_600, minute: inDay / 60 % 60,
            second: inDay % 60, weekday: ((days + 4) % 7 + 7) % 7 + 1)
    }
}
