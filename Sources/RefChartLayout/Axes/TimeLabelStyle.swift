package import Foundation

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
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
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
}
