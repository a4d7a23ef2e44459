/// What one series holds: for `refchart inspect` and for checking an unfamiliar export.
public struct SeriesSummary: Sendable, Hashable, Codable {
    /// The series name.
    public var name: String
    /// Drawn points (values that are not gaps).
    public var points: Int
    /// Breaks in the line: runs of missing values with a drawn point on both sides.
    public var gaps: Int
    /// The first drawn point's instant (`YYYY-MM-DDTHH:mm:ssZ`), `nil` when there is none.
    public var first: String?
    /// The last drawn point's instant.
    public var last: String?
    /// The smallest value, `nil` when there is none.
    public var min: Double?
    /// The largest value.
    public var max: Double?

    /// Summarises `series`.
    /// - Complexity: O(n).
    public init(_ series: MetricSeries) {
        name = series.name
        if let tally = series.tally {
            (points, gaps, min, max) = (tally.points, tally.gaps, tally.points > 0 ? tally.min : nil, tally.points > 0 ? tally.max : nil)
            first = tally.first.map { ISO8601.string(fromSeconds: $0, fractionalSeconds: false) }
            last = tally.last.map { ISO8601.string(fromSeconds: $0, fractionalSeconds: false) }
            return
        }
        var points = 0
        var gaps = 0
        var inGap = false
        var firstIndex: Int?
        var lastIndex: Int?
        var low = Double.infinity
        var high = -Double.infinity
        for (index, value) in series.values.enumerated() {
            if value.isNaN {
                inGap = true
                continue
            }
            if inGap && firstIndex != nil { gaps += 1 }
            inGap = false
            points += 1
            firstIndex = firstIndex ?? index
            lastIndex = index
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        self.points = points
        self.gaps = gaps
        first = firstIndex.map { ISO8601.string(fromSeconds: series.times[$0], fractionalSeconds: false) }
        last = lastIndex.map { ISO8601.string(fromSeconds: series.times[$0], fractionalSeconds: false) }
        min = points > 0 ? low : nil
        max = points > 0 ? high : nil
    }
}
