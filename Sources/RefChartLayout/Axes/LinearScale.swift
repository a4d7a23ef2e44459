import Foundation
import RefChartScene

/// Maps a domain linearly (or, for a log axis, its logarithm linearly) onto a pixel range.
package struct LinearScale: Sendable, Hashable {
    package var domain: ClosedRange<Double>
    package var range: ClosedRange<Double>
    /// When true, the domain's lower bound maps to the range's upper bound (a y axis, downward pixels).
    package var flipped: Bool
    /// When true, equal ratios get equal distances (a log axis over a positive domain); values ≤ 0 map
    /// beyond the range's low end.
    package var logarithmic: Bool

    package init(domain: ClosedRange<Double>, range: ClosedRange<Double>, flipped: Bool = false, logarithmic: Bool = false) {
        self.domain = domain
        self.range = range
        self.flipped = flipped
        self.logarithmic = logarithmic
    }

    /// How far up the domain `value` lies: 0 at its lower bound, 1 at its upper. Exact for every finite
    /// domain: a span that overflows (−1e308…1.8e308) is measured in halves, and a subnormal one
    /// (0…1e-322) by division, where pixels-per-unit would be infinite.
    package func fraction(_ value: Double) -> Double {
        guard logarithmic else {
            let span = domain.upperBound - domain.lowerBound
            guard span.isFinite else { return (value / 2 - domain.lowerBound / 2) / (domain.upperBound / 2 - domain.lowerBound / 2) }
            return span == 0 ? 0 : (value - domain.lowerBound) / span
        }
        let low = log10(domain.lowerBound)
        let span = log10(domain.upperBound) - low
        return value > 0 && span > 0 ? (log10(value) - low) / span : -1
    }

    /// Pixels per domain unit.
    package var slope: Double {
        let span = domain.upperBound - domain.lowerBound
        return span == 0 ? 0 : (range.upperBound - range.lowerBound) / span
    }

    /// The pixel position of `value`.
    package func callAsFunction(_ value: Double) -> Double {
        let slope = slope
        // Pixels per unit is infinite over a subnormal span and zero over an overflowing one: measure
        // those as a fraction of the span instead.
        let offset =
            logarithmic || !slope.isFinite || !(domain.upperBound - domain.lowerBound).isFinite
            ? fraction(value) * (range.upperBound - range.lowerBound) : (value - domain.lowerBound) * slope
        return flipped ? range.upperBound - offset : range.lowerBound + offset
    }
}
