package import Foundation
import RefChartScene

/// Calendar ticks for a time axis in a display time zone, DST-correct.
package struct TimeTicks: Sendable, Hashable {
    /// One tick: its instant, label, and context label when the larger unit changes there.
    package struct Tick: Sendable, Hashable {
        package var time: Double
        package var label: String
        package var context: String?
    }

    package var rung: TimeTickRung
    package var ticks: [Tick]

    /// The ticks of one rung inside `domain` (seconds since the epoch), at most `limit` of them.
    package static func generate(rung: TimeTickRung, domain: ClosedRange<Double>, calendar: Calendar, limit: Int = 2000) -> [Tick] {
        let start = Date(timeIntervalSince1970: domain.lowerBound)
        guard var current = calendar.dateInterval(of: rung.unit, for: start)?.start else { return [] }
        var ticks: [Tick] = []
        var lastContext: String?
        var guardCount = 0
        while current.timeIntervalSince1970 <= domain.upperBound && ticks.count < limit && guardCount < limit * 1000 {
            guardCount += 1
            let t = current.timeIntervalSince1970
            if t >= domain.lowerBound && isAligned(current, rung: rung, calendar: calendar) {
                let context = rung.context?.format(current, in: calendar)
                ticks.append(
                    Tick(
                        time: t, label: rung.label.format(current, in: calendar),
                        context: context != lastContext ? context : nil))
                lastContext = context
            }
            guard let next = calendar.date(byAdding: rung.unit, value: 1, to: current), next > current else { break }
            current = next
        }
        return ticks
    }

    /// Whether a unit boundary is one of every `step`-th, counted within the next larger unit.
    private static func isAligned(_ date: Date, rung: TimeTickRung, calendar: Calendar) -> Bool {
        guard rung.step > 1 else { return true }
        switch rung.unit {
        case .second: return calendar.component(.second, from: date) % rung.step == 0
        case .minute: return calendar.component(.minute, from: date) % rung.step == 0
        case .hour: return calendar.component(.hour, from: date) % rung.step == 0
        case .day: return (calendar.component(.day, from: date) - 1) % rung.step == 0
        case .weekOfYear: return calendar.component(.weekOfYear, from: date) % rung.step == 1 % rung.step
        case .month: return (calendar.component(.month, from: date) - 1) % rung.step == 0
        case .year: return calendar.component(.year, from: date) % rung.step == 0
        default: return true
        }
    }

    /// The finest rung whose labels fit: no two neighbouring labels closer than `gap` pixels, and none
    /// finer than the data's own spacing.
    /// - Parameters:
    ///   - pixelsPerSecond: The time scale's slope.
    ///   - dataSpacing: The data's typical spacing in seconds: yearly data gets year ticks, not "Jan / Apr /
    ///     Jul" between its points (a rung at least nine tenths of it: months and years vary in length).
    ///     Ignored when no such rung has two ticks in the domain.
    ///   - labelWidth: Measures one label's width in pixels.
    package static func choose(
        domain: ClosedRange<Double>, pixelsPerSecond: Double, calendar: Calendar, gap: Double = 12, dataSpacing: Double = 0,
        labelWidth: (String) -> Double
    ) -> TimeTicks {
        if dataSpacing > 0,
            let ticks = choose(
                domain: domain, pixelsPerSecond: pixelsPerSecond, calendar: calendar, gap: gap, finest: 0.9 * dataSpacing, labelWidth: labelWidth),
            ticks.ticks.count >= 2
        {
            return ticks
        }
        if let ticks = choose(domain: domain, pixelsPerSecond: pixelsPerSecond, calendar: calendar, gap: gap, finest: 0, labelWidth: labelWidth) {
            return ticks
        }
        let last = TimeTickRung.ladder[TimeTickRung.ladder.count - 1]
        return TimeTicks(rung: last, ticks: generate(rung: last, domain: domain, calendar: calendar))
    }

    /// The finest rung of at least `finest` seconds whose labels fit, if any.
    private static func choose(
        domain: ClosedRange<Double>, pixelsPerSecond: Double, calendar: Calendar, gap: Double, finest: Double,
        labelWidth: (String) -> Double
    ) -> TimeTicks? {
        let span = max(domain.upperBound - domain.lowerBound, 1)
        let plotWidth = span * pixelsPerSecond
        for rung in TimeTickRung.ladder where rung.seconds >= finest && span / rung.seconds <= plotWidth / 24 {
            let ticks = generate(rung: rung, domain: domain, calendar: calendar)
            let widths = ticks.map { labelWidth($0.label) }
            let fits = zip(ticks, ticks.dropFirst()).enumerated().allSatisfy { k, pair in
                (pair.1.time - pair.0.time) * pixelsPerSecond >= (widths[k] + widths[k + 1]) / 2 + gap
            }
            if fits { return TimeTicks(rung: rung, ticks: ticks) }
        }
        return nil
    }
}
