import RefChartCore
import RefChartScene

/// What bar and stacked charts draw, computed from the series once: the values per time bucket (bars sum
/// the points in a bucket) and, when stacked, each series' running total over the ones before it.
struct SeriesShapes {
    /// The bucket starts (seconds since the epoch), ascending.
    var starts: [Double] = []
    /// The bucket width in seconds.
    var width = 0.0
    /// Per drawn series, the value of each bucket (bars) — NaN where a bucket has no point.
    var sums: [[Double]] = []

    /// Buckets for bars: `bucket` seconds wide (default: the first series' typical spacing), widened by
    /// whole multiples until there are at most `maxBuckets`; aligned to midnights in the zone's offset.
    /// - Parameter mean: Average the points of a bucket (levels, for stacked areas) instead of summing
    ///   them (counts, for bars).
    init(series: [MetricSeries], domain: ClosedRange<Double>, bucket: Double?, maxBuckets: Int, zoneOffset: Double, mean: Bool = false) {
        guard let first = series.first, !first.times.isEmpty else { return }
        var width = bucket ?? Self.typicalSpacing(first.times)
        let span = domain.upperBound - domain.lowerBound
        if width <= 0 || !width.isFinite { width = max(1, span / Double(max(1, maxBuckets))) }
        if span / width > Double(maxBuckets) { width *= (span / width / Double(maxBuckets)).rounded(.up) }
        let origin = ((domain.lowerBound + zoneOffset) / width).rounded(.down) * width - zoneOffset
        let count = Int(((domain.upperBound - origin) / width).rounded(.down)) + 1
        guard count > 0, count <= 100_000 else { return }
        self.width = width
        starts = (0..<count).map { origin + Double($0) * width }
        sums = series.map { s in
            var sums = [Double](repeating: .nan, count: count)
            var counts = [Int](repeating: 0, count: count)
            for (t, v) in zip(s.times, s.values) where t >= domain.lowerBound && t <= domain.upperBound && !v.isNaN {
                let k = min(count - 1, max(0, Int(((t - origin) / width).rounded(.down))))
                sums[k] = sums[k].isNaN ? v : sums[k] + v
                counts[k] += 1
            }
            if mean { for k in sums.indices where counts[k] > 1 { sums[k] /= Double(counts[k]) } }
            return sums
        }
    }

    /// Running totals: series k's bucket value plus every earlier series' (gaps count as zero).
    func stacked() -> [[Double]] {
        var running = [Double](repeating: 0, count: starts.count)
        return sums.map { values in
            for k in values.indices where !values[k].isNaN { running[k] += values[k] }
            return running
        }
    }

    /// The median spacing of the first thousand points: the data's interval (an hour, a day).
    static func typicalSpacing(_ times: [Double]) -> Double {
        let gaps = zip(times.prefix(1001), times.prefix(1001).dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.sorted()
        return gaps.isEmpty ? 86_400 : gaps[gaps.count / 2]
    }
}

/// The shapes of one layout by bucket count; a class so copies of a layout in progress share it.
final class ShapesCache {
    private var byBuckets: [Int: SeriesShapes] = [:]

    func shapes(maxBuckets: Int, make: () -> SeriesShapes) -> SeriesShapes {
        if let shapes = byBuckets[maxBuckets] { return shapes }
        let shapes = make()
        byBuckets[maxBuckets] = shapes
        return shapes
    }
}
