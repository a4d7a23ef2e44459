package import Foundation
import RefChartScene

/// One rung of the time-tick ladder: a calendar unit, a step, and how its ticks are labelled.
package struct TimeTickRung: Sendable, Hashable {
    /// The calendar unit ticks are aligned to.
    package var unit: Calendar.Component
    /// Every `step`-th unit boundary is a tick (counted from the start of the next larger unit, as d3 does).
    package var step: Int
    /// The nominal length of one step, for estimating tick counts.
    package var seconds: Double
    /// The tick label.
    package var label: TimeLabelStyle
    /// The context row shown under the first tick and wherever it changes (the larger unit), if any.
    package var context: TimeLabelStyle?

    /// The ladder, finest first: rules as data, searched by ``TimeTicks``.
    package static let ladder: [TimeTickRung] = {
        let second = 1.0
        let minute = 60.0
        let hour = 3600.0
        let day = 86_400.0
        var rungs: [TimeTickRung] = []
        for s in [1, 5, 15, 30] {
            rungs.append(TimeTickRung(unit: .second, step: s, seconds: Double(s) * second, label: .hourMinuteSecond, context: .weekdayDayMonth))
        }
        for m in [1, 5, 15, 30] {
            rungs.append(TimeTickRung(unit: .minute, step: m, seconds: Double(m) * minute, label: .hourMinute, context: .weekdayDayMonth))
        }
        for h in [1, 2, 3, 6, 12] {
            rungs.append(TimeTickRung(unit: .hour, step: h, seconds: Double(h) * hour, label: .hourMinute, context: .weekdayDayMonth))
        }
        rungs.append(TimeTickRung(unit: .day, step: 1, seconds: day, label: .weekdayDay, context: .monthYear))
        rungs.append(TimeTickRung(unit: .day, step: 2, seconds: 2 * day, label: .day, context: .monthYear))
        rungs.append(TimeTickRung(unit: .weekOfYear, step: 1, seconds: 7 * day, label: .day, context: .monthYear))
        rungs.append(TimeTickRung(unit: .weekOfYear, step: 2, seconds: 14 * day, label: .day, context: .monthYear))
        for m in [1, 3, 6] {
            rungs.append(TimeTickRung(unit: .month, step: m, seconds: Double(m) * 30.44 * day, label: .month, context: .year))
        }
        for y in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
            rungs.append(TimeTickRung(unit: .year, step: y, seconds: Double(y) * 365.25 * day, label: .year, context: nil))
        }
        return rungs
    }()
}
