import Foundation
import RefChartCore
import RefChartScene

/// What bar and stacked charts draw, computed from the series once: the values per calendar bucket (bars
/// sum the points in a bucket) and, when stacked, each series' running total over the ones before it.
struct SeriesShapes {
    /// The bucket edges (seconds since the epoch), ascending: bucket `k` is `edges[k]..<edges[k + 1]`.
    var edges: [Double] = []
    /// Where a stacked area draws bucket `k`: the first point's own time in it (its start when empty), so
    /// yearly data sits on its years, not six months later.
    var anchors: [Double] = []
    /// Per drawn series, the value of each bucket (bars) — NaN where a bucket has no point.
    var sums: [[Double]] = []
    /// The bucket used, after widening to fit.
    var bucket = CalendarBucket(unit: .day, count: 1)

    /// The number of buckets.
    var count: Int { max(0, edges.count - 1) }

    /// Buckets for bars: `bucket` (default: the data's own interval, ``CalendarBucket/init(spacing:)``),
    /// widened by whole multiples until there are at most `maxBuckets`, aligned in `calendar`.
    /// - Parameter mean: Average the points of a bucket (levels, for stacked areas) instead of summing
    ///   them (counts, for bars).
    init(
        series: [MetricSeries], domain: ClosedRange<Double>, bucket: CalendarBucket?, maxBuckets: Int, calendar: Calendar,
        mean: Bool = false
    ) {
        guard let first = series.first, !first.times.isEmpty else { return }
        var bucket = bucket ?? CalendarBucket(spacing: Self.typicalSpacing(first.times))
        let span = max(1, domain.upperBound - domain.lowerBound)
        var found = bucket.edges(covering: domain, in: calendar, limit: maxBuckets)
        while found == nil {
            bucket = bucket.widened(by: max(2, Int((span / bucket.nominalSeconds / Double(maxBuckets)).rounded(.up))))
            found = bucket.edges(covering: domain, in: calendar, limit: maxBuckets)
        }
        guard let edges = found, edges.count > 1 else { return }
        self.bucket = bucket
        self.edges = edges
        let count = edges.count - 1
        var anchors = [Double](repeating: .infinity, count: count)
        sums = series.map { s in
            var sums = [Double](repeating: .nan, count: count)
            var counts = [Int](repeating: 0, count: count)
            for (t, v) in zip(s.times, s.values) where t >= domain.lowerBound && t <= domain.upperBound && !v.isNaN {
                let k = Self.bucketIndex(of: t, in: edges)
                sums[k] = sums[k].isNaN ? v : sums[k] + v
                counts[k] += 1
                anchors[k] = min(anchors[k], t)
            }
            if mean { for k in sums.indices where counts[k] > 1 { sums[k] /= Double(counts[k]) } }
            return sums
        }
        self.anchors = zip(anchors, edges).map { $0.isFinite ? $0 : $1 }
    }

    /// The bucket holding `time`: the last edge at or before it (binary search).
    static func bucketIndex(of time: Double, in edges: [Double]) -> Int {
        var (low, high) = (0, edges.count - 2)
        while low < high {
            let middle = (low + high + 1) / 2
            if edges[middle] <= time { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Each series' band per bucket, stacked diverging as Vega and matplotlib draw mixed signs: a positive
    /// value stacks up from the positive total so far, a negative one down from the negative total (a=−3,
    /// b=−10, c=+6: a is 0…−3, b −3…−13, c 0…6; running one total drew b as −4 and c below zero). A gap
    /// or a zero is an empty band at the positive total.
    func stacked() -> [(bases: [Double], tops: [Double])] {
        var up = [Double](repeating: 0, count: count)
        var down = up
        return sums.map { values in
            var (bases, tops) = (up, up)
            for k in values.indices where !values[k].isNaN && values[k] != 0 {
                if values[k] > 0 {
                    up[k] += values[k]
                    tops[k] = up[k]
                } else {
                    bases[k] = down[k]
                    down[k] += values[k]
                    tops[k] = down[k]
                }
            }
            return (bases, tops)
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
