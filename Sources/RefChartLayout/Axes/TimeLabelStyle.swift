package import Foundation
import RefChartCore

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

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The label of `date` in `calendar`'s time zone.
    package func format(_ date: Date, in calendar: Calendar) -> String {
        let c = Self.fields(of: date, in: calendar)
        func two(_ v: Int?) -> String { let v = v ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let month = Self.months[(c.month ?? 1) - 1]
        let weekday = Self.weekdays[(c.weekday ?? 1) - 1]
        let day = c.day ?? 1
        let year = c.year ?? 1970
        switch self {
        case .hourMinuteSecond: return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
        case .hourMinute: return "\(two(c.hour)):\(two(c.minute))"
        case .weekdayDay: return "\(weekday) \(day)"
        case .day: return "\(day)"
        case .weekdayDayMonth: return "\(weekday) \(day) \(month)"
        case .dayMonthYear: return "\(day) \(month) \(year)"
        case .month: return month
        case .monthYear: return "\(month) \(year)"
        case .year: return "\(year)"
        }
    }

    /// The date's fields in the calendar's zone: by day arithmetic for Gregorian dates after 1600 (asking
    /// `Calendar` was 14k instructions a date: 5,000 references' dates in a chart's description took 0.14 G),
    /// by `Calendar` before (it turns Julian before 1582).
    package static func fields(of date: Date, in calendar: Calendar) -> DateComponents {
        let seconds = date.timeIntervalSince1970
        guard calendar.identifier == .gregorian, seconds > -11_676_096_000, seconds < 1e12 else {
            return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        }
        let local = Int((seconds + Double(calendar.timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let inDay = local - days * 86_400
        let (year, month, day) = CivilTime.civilFromDays(days)
        var c = DateComponents(year: year, month: month, day: day, hour: inDay / 3_600, minute: inDay / 60 % 60, second: inDay % 60)
        c.weekday = ((days + 4) % 7 + 7) % 7 + 1  // 1970-01-01 was a Thursday; Sunday is 1
        return c
    }
}
