/// Maps a domain linearly onto a pixel range.
package struct LinearScale: Sendable, Hashable {
    package var domain: ClosedRange<Double>
    package var range: ClosedRange<Double>
    /// When true, the domain's lower bound maps to the range's upper bound (a y axis, downward pixels).
    package var flipped: Bool

    package init(domain: ClosedRange<Double>, range: ClosedRange<Double>, flipped: Bool = false) {
        self.domain = domain
        self.range = range
        self.flipped = flipped
    }

    /// Pixels per domain unit.
    package var slope: Double {
        let span = domain.upperBound - domain.lowerBound
        return span == 0 ? 0 : (range.upperBound - range.lowerBound) / span
    }

    /// The pixel position of `value`.
    package func callAsFunction(_ value: Double) -> Double {
        let offset = (value - domain.lowerBound) * slope
        return flipped ? range.upperBound - offset : range.lowerBound + offset
    }
}
