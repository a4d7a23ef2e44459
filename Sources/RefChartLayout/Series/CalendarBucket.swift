import Foundation

/// A bar's (or a stacked area's) period in the display zone's calendar: `count` minutes, hours, days, ISO
/// weeks, months or years, aligned to the calendar (months on the 1st, weeks on Mondays, days at local
/// midnight — so a DST day is 23 or 25 hours and a month 28 to 31 days). Fixed-length buckets gave 117 bars
/// for 120 months, three of them holding two months' sums.
struct CalendarBucket: Sendable, Hashable {
    var unit: Calendar.Component
    var count: Int

    /// The data's own interval, recognised from its typical spacing: each rung's usual length and the
    /// spread it allows (a month is 28–31 days), first match wins. Rules as data, as d3-time's tick ladder.
    private static let ladder: [(unit: Calendar.Component, count: Int, seconds: ClosedRange<Double>)] = [
        (.second, 1, 0.9...1.1), (.minute, 1, 57...63), (.minute, 5, 290...310), (.minute, 15, 870...930),
        (.minute, 30, 1_740...1_860), (.hour, 1, 3_400...3_800), (.hour, 6, 21_000...22_200),
        (.hour, 12, 42_000...44_400), (.day, 1, 82_800...90_000), (.weekOfYear, 1, 597_600...612_000),
        (.month, 1, 2_419_200...2_678_400), (.month, 3, 7_689_600...7_948_800), (.month, 6, 15_638_400...15_984_000),
        (.year, 1, 31_536_000...31_622_400),
    ]

    /// The bucket of data spaced `spacing` seconds apart: a ladder rung, else whole seconds (an unusual
    /// interval such as 10 minutes 7 seconds is kept as it is).
    init(spacing: Double) {
        if let rung = Self.ladder.first(where: { $0.seconds.contains(spacing) }) {
            (unit, count) = (rung.unit, rung.count)
        } else {
            (unit, count) = (.second, max(1, Int(spacing.rounded())))
        }
    }

    init(unit: Calendar.Component, count: Int) {
        (self.unit, self.count) = (unit, max(1, count))
    }

    /// The start of the bucket holding `time`.
    func floor(_ time: Double, in calendar: Calendar) -> Double {
        let date = Date(timeIntervalSince1970: time)
        switch unit {
        case .second, .minute, .hour:
            // Sub-day buckets are whole multiples of seconds from local midnight.
            let midnight = calendar.startOfDay(for: date).timeIntervalSince1970
            let length = unit == .second ? 1.0 : unit == .minute ? 60 : 3_600
            let step = length * Double(count)
            return midnight + ((time - midnight) / step).rounded(.down) * step
        case .day:
            return calendar.startOfDay(for: date).timeIntervalSince1970
        case .weekOfYear:
            return calendar.dateInterval(of: .weekOfYear, for: date)?.start.timeIntervalSince1970 ?? time
        default:
            var parts = calendar.dateComponents([.year, .month], from: date)
            if unit == .month {
                parts.month = (parts.month! - 1) / count * count + 1
            } else {
                parts.year = parts.year! - (parts.year! % count)
                parts.month = 1
            }
            parts.day = 1
            return calendar.date(from: parts)?.timeIntervalSince1970 ?? time
        }
    }

    /// The start of the bucket after the one starting at `start`.
    func next(_ start: Double, in calendar: Calendar) -> Double {
        let date = Date(timeIntervalSince1970: start)
        let (unit, count) = self.unit == .weekOfYear ? (Calendar.Component.day, 7 * count) : (self.unit, count)
        let next = calendar.date(byAdding: unit, value: count, to: date)?.timeIntervalSince1970 ?? start
        return next > start ? next : start + 1
    }

    /// The bucket edges from the one holding `domain`'s start to the end of the one holding its end
    /// (at most `limit` + 1 edges; `nil` when there would be more).
    func edges(covering domain: ClosedRange<Double>, in calendar: Calendar, limit: Int) -> [Double]? {
        var edges = [floor(domain.lowerBound, in: calendar)]
        while edges.last! <= domain.upperBound {
            guard edges.count <= limit else { return nil }
            edges.append(next(edges.last!, in: calendar))
        }
        return edges
    }

    /// A bucket `factor` times as long, in the same unit (months → quarters → …).
    func widened(by factor: Int) -> CalendarBucket {
        CalendarBucket(unit: unit, count: count * max(1, factor))
    }

    /// The bucket's usual length in seconds.
    var nominalSeconds: Double {
        let unitSeconds: Double =
            switch unit {
            case .second: 1
            case .minute: 60
            case .hour: 3_600
            case .day: 86_400
            case .weekOfYear: 604_800
            case .month: 2_629_746
            default: 31_556_952
            }
        return unitSeconds * Double(count)
    }
}
