extension Collection where Element == MetricSeries {
    /// The first and last instant over all series (seconds since the epoch), or `nil` when all are empty.
    public var timeExtent: ClosedRange<Double>? {
        guard let low = compactMap(\.times.first).min(), let high = compactMap(\.times.last).max() else { return nil }
        return low...high
    }
}
