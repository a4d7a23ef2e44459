import Foundation
import RefChartScene

/// "Nice" value ticks: steps of 1, 2 or 5 × 10ⁿ (d3's `tickIncrement`), with the domain widened to whole steps.
package struct ValueTicks: Sendable, Hashable {
    /// The widened domain, from the first tick to the last.
    package var domain: ClosedRange<Double>
    /// The spacing of linear ticks; on a logarithmic axis, the ratio between neighbouring decades shown.
    package var step: Double
    package var values: [Double]
    /// Whether the ticks are for a logarithmic axis (see ``logarithmic(low:high:count:)``).
    package private(set) var logarithmic = false

    /// Ticks for data between `low` and `high`, about `count` of them.
    /// - Parameter includeZero: Start a non-negative axis at zero (a count metric's honest baseline).
    package init(low: Double, high: Double, count: Int, includeZero: Bool) {
        var low = low.isFinite ? low : 0
        var high = high.isFinite ? high : 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if high == low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low == 0 ? 0 : low - pad, high + pad)
        }
        guard (high - low).isFinite else {
            // Values near ±Double.greatestFiniteMagnitude: the span overflows, so no step can be nice.
            domain = low...high
            step = high / 2 - low / 2
            values = [low, high]
            return
        }
        let step = Self.niceStep(span: high - low, count: max(count, 1))
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        guard step.isNormal, first.isFinite, last.isFinite, first < last, last - first <= 1_000 else {
            // A span too small for a normal step (subnormal values such as 1e-322) or too many ticks: plain
            // end ticks, never a trap.
            domain = low...high
            self.step = high - low
            values = [low, high]
            return
        }
        domain = (first * step)...(last * step)
        self.step = step
        values = stride(from: first, through: last, by: 1).map { ($0 * step).rounded(toMultipleOf: step) }
    }

    /// Ticks for a second axis with the same number of intervals as `other`, so both share its grid
    /// lines: the smallest step of 1, 2, 2.5, 3, 4 or 5 × 10ⁿ whose run of intervals from a multiple of it
    /// covers the data (from zero for data that comes near it).
    package static func aligned(with other: ValueTicks, low: Double, high: Double) -> ValueTicks {
        let intervals = Double(max(other.values.count - 1, 1))
        var low = low.isFinite ? low : 0
        var high = high.isFinite ? high : 1
        if low >= 0 && (other.domain.lowerBound == 0 || high - low > 0.2 * high) { low = 0 }
        if high <= low { high = low + (low == 0 ? 1 : abs(low) * 0.1) }
        var power = pow(10, (log10((high - low) / intervals)).rounded(.down) - 1)
        var found: (first: Double, step: Double)?
        while found == nil && power.isFinite && power > 0 {
            for mantissa in [1.0, 2, 2.5, 3, 4, 5] {
                let step = mantissa * power
                let first = (low / step).rounded(.down) * step
                if first + intervals * step >= high {
                    found = (first, step)
                    break
                }
            }
            power *= 10
        }
        guard let (first, step) = found else { return ValueTicks(low: low, high: high, count: Int(intervals), includeZero: false) }
        return ValueTicks(
            domain: first...(first + intervals * step), step: step,
            values: (0...Int(intervals)).map { (first + Double($0) * step).rounded(toMultipleOf: step) })
    }

    /// Ticks for a logarithmic axis over positive data between `low` and `high`, at most about `count`:
    /// the densest rung of the ladder below that fits, the domain widened to the rung's marks around the
    /// data. Rules as data: mantissas within a decade, then every k-th decade.
    package static func logarithmic(low: Double, high: Double, count: Int) -> ValueTicks {
        var low = low.isFinite && low > 0 ? low : 1
        var high = high.isFinite && high > 0 ? high : low * 10
        if high <= low { (low, high) = (low / 2, low * 2) }
        let first = Int(log10(low).rounded(.down))
        let last = Int(log10(high).rounded(.up))
        let mark = { (mantissa: Double, decade: Int) in decade < 0 ? mantissa / pow(10, Double(-decade)) : mantissa * pow(10, Double(decade)) }
        for mantissas in [[1.0, 2, 5], [1.0, 3], [1.0]] {
            let marks = (first...last).flatMap { decade in mantissas.map { mark($0, decade) } }
            let lower = marks.last { $0 <= low * (1 + 1e-12) } ?? marks[0]
            let upper = marks.first { $0 >= high * (1 - 1e-12) } ?? marks[marks.count - 1]
            let values = marks.filter { $0 >= lower && $0 <= upper }
            if values.count <= max(count, 2) + 1 {
                return ValueTicks(domain: lower...upper, step: 10, values: values, logarithmic: true)
            }
        }
        let every = max(1, Int((Double(last - first) / Double(max(count, 1))).rounded(.up)))
        let top = first + every * Int((Double(last - first) / Double(every)).rounded(.up))
        let values = stride(from: first, through: top, by: every).map { mark(1, $0) }
        return ValueTicks(
            domain: values[0]...values[values.count - 1], step: pow(10, Double(every)), values: values, logarithmic: true)
    }

    private init(domain: ClosedRange<Double>, step: Double, values: [Double], logarithmic: Bool = false) {
        self.domain = domain
        self.step = step
        self.values = values
        self.logarithmic = logarithmic
    }

    /// The text of the tick at `value`: as many decimals as the ticks need to differ.
    package func label(_ value: Double) -> String {
        CompactNumber.format(value, step: logarithmic ? value : step)
    }

    /// The ticks with the domain's ends set to a given minimum or maximum (ticks outside dropped).
    package func clamped(low: Double?, high: Double?) -> ValueTicks {
        guard low != nil || high != nil else { return self }
        var copy = self
        let lower = low ?? domain.lowerBound
        let upper =
            logarithmic
            ? max(high ?? domain.upperBound, lower * 10)
            : max(high ?? domain.upperBound, lower + (step.isNormal ? step : 1))
        copy.domain = lower...upper
        copy.values = values.filter { $0 >= lower && $0 <= upper }
        if copy.values.isEmpty { copy.values = [lower, upper] }
        return copy
    }

    /// The same ticks with `steps` more steps above the top: headroom inside the plot for labels.
    package func withHeadroom(_ steps: Int) -> ValueTicks {
        guard steps > 0, values.count > 1, step.isNormal, !logarithmic else { return self }
        var copy = self
        let top = domain.upperBound + Double(steps) * step
        guard top.isFinite else { return self }
        copy.domain = domain.lowerBound...top
        copy.values += (1...steps).map { (domain.upperBound + Double($0) * step).rounded(toMultipleOf: step) }
        return copy
    }

    /// 1, 2 or 5 × 10ⁿ closest (in ratio) to `span / count`.
    package static func niceStep(span: Double, count: Int) -> Double {
        let raw = span / Double(count)
        let power = pow(10, (log10(raw)).rounded(.down))
        let error = raw / power
        let factor: Double = error >= sqrt(50) ? 10 : error >= sqrt(10) ? 5 : error >= sqrt(2) ? 2 : 1
        return factor * power
    }
}

extension Double {
    /// Removes floating-point noise (0.30000000000000004 → 0.3) for a value that should be a multiple of `step`.
    fileprivate func rounded(toMultipleOf step: Double) -> Double {
        let decimals = max(0, -Int((log10(step)).rounded(.down)) + 1)
        let scale = pow(10, Double(min(decimals, 15)))
        return (self * scale).rounded() / scale
    }
}
