/// Exact figures of a series whose points were reduced while it was read (``CSVOptions/reduction``): the
/// series then holds only the points a chart draws, and these hold what the whole series said.
public struct SeriesTally: Sendable, Hashable {
    /// Rows of the series, gaps included.
    public var rows = 0
    /// Drawn points (values that are not gaps).
    public var points = 0
    /// Runs of missing values with a drawn point on both sides.
    public var gaps = 0
    /// The first drawn point's instant (seconds since the epoch).
    public var first: Double?
    /// The last drawn point's instant.
    public var last: Double?
    /// The smallest value (`+∞` without points).
    public var min = Double.infinity
    /// The largest value (`−∞` without points).
    public var max = -Double.infinity
    /// Values ≤ 0 (left out on a log axis).
    public var nonPositive = 0
    /// The instants impact windows start and end at (``SeriesReduction/windowBounds``), ascending.
    public var windowBounds: [Double] = []
    /// Per interval between window bounds (`count + 1` of them, the first before the first bound): the sum
    /// of the drawn points in it.
    public var windowSums: [Double] = []
    /// Per interval between window bounds: the number of drawn points in it.
    public var windowCounts: [Int] = []
    /// The first steps (up to ``stepSampleSize``) between drawn points in time order, as read: the series'
    /// typical step, which its reduced points no longer show (``typicalStep``).
    public var stepSample: [Double] = []
    /// The reduction grid's bucket width in seconds: two kept points closer than this may have had others
    /// between them, two farther apart were neighbours in the file. `0` when nothing was reduced.
    public var resolution = 0.0

    /// Steps ``stepSample`` holds at most.
    public static let stepSampleSize = 1000

    /// Creates an empty tally.
    public init() {}

    /// The mean of the points in `[low, high)` when both are window bounds; `nil` when there are no points,
    /// and `.none` when the bounds were not tallied (the caller must measure the points themselves).
    public func mean(from low: Double, to high: Double) -> Double?? {
        guard let start = bound(low), let end = bound(high), start <= end else { return .none }
        // Interval k holds [bounds[k-1], bounds[k]): [low, high) is intervals start+1 ... end.
        var (sum, count) = (0.0, 0)
        for k in (start + 1)..<(end + 1) {
            sum += windowSums[k]
            count += windowCounts[k]
        }
        return .some(count > 0 ? sum / Double(count) : nil)
    }

    private func bound(_ instant: Double) -> Int? {
        var (low, high) = (0, windowBounds.count)
        while low < high {
            let mid = (low + high) / 2
            if windowBounds[mid] < instant { low = mid + 1 } else { high = mid }
        }
        return low < windowBounds.count && windowBounds[low] == instant ? low : nil
    }

    /// Counts one row of the series.
    @inline(__always)
    mutating func add(_ time: Double, _ value: Double, inGap: inout Bool) {
        rows += 1
        guard !value.isNaN else {
            inGap = true
            return
        }
        if inGap && points > 0 { gaps += 1 }
        inGap = false
        points += 1
        if stepSample.count < Self.stepSampleSize, let last, time > last { stepSample.append(time - last) }
        if first == nil { first = time }
        last = time
        if value < min { min = value }
        if value > max { max = value }
        if value <= 0 { nonPositive += 1 }
    }

    /// Adds the tally of the rows that followed this one's (`tail`); `tailStartsInGap`/`endsInGap` say whether
    /// a gap runs across the join.
    mutating func append(_ tail: SeriesTally, endsInGap: Bool, tailStartsInGap: Bool) {
        if (endsInGap || tailStartsInGap) && points > 0 && tail.points > 0 { gaps += 1 }
        if stepSample.count < Self.stepSampleSize {
            if let last, let next = tail.first, next > last { stepSample.append(next - last) }
            stepSample += tail.stepSample.prefix(Self.stepSampleSize - stepSample.count)
        }
        rows += tail.rows
        points += tail.points
        gaps += tail.gaps
        first = first ?? tail.first
        last = tail.last ?? last
        min = Swift.min(min, tail.min)
        max = Swift.max(max, tail.max)
        nonPositive += tail.nonPositive
        for k in windowSums.indices {
            windowSums[k] += tail.windowSums[k]
            windowCounts[k] += tail.windowCounts[k]
        }
    }

    /// The median of ``stepSample``: the step between neighbouring rows; `nil` with fewer than two points.
    public var typicalStep: Double? {
        guard !stepSample.isEmpty else { return nil }
        return stepSample.sorted()[stepSample.count / 2]
    }
}
