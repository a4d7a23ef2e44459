import Foundation

/// What a reference did to a series: the mean in the window before its instant against the mean in the
/// window after it.
public struct ReferenceImpact: Sendable, Hashable, Codable {
    /// The mean of the points in `[t − window, t)`; `nil` when there are none.
    public var before: Double?
    /// The mean of the points in `[t, t + window)`; `nil` when there are none.
    public var after: Double?
    /// `after / before − 1`; `nil` when either side has no points or `before` is 0.
    public var change: Double?
    /// The window as given (`7d`).
    public var window: String

    /// Measures `series` around `instant`: `[before.lowerBound, instant)` and `[instant, afterEnd)`.
    /// Gaps (NaN) are not points.
    /// - Complexity: O(log n + points in the windows).
    public init(series: MetricSeries, instant: Double, beforeStart: Double, afterEnd: Double, window: String) {
        func mean(_ low: Double, _ high: Double) -> Double? {
            if let tallied = series.tally?.mean(from: low, to: high) { return tallied }
            var index = Self.firstIndex(series.times, atLeast: low)
            var (sum, count) = (0.0, 0)
            while index < series.times.count, series.times[index] < high {
                let value = series.values[index]
                if !value.isNaN {
                    sum += value
                    count += 1
                }
                index += 1
            }
            return count > 0 ? sum / Double(count) : nil
        }
        before = mean(beforeStart, instant)
        after = mean(instant, afterEnd)
        if let before, let after, before != 0 { change = after / before - 1 } else { change = nil }
        self.window = window
    }

    /// `+18 %`, `−3.2 %` (one decimal under 10 %), or `nil` without a change.
    public var text: String? {
        guard let change, change.isFinite else { return nil }
        let percent = change * 100
        let magnitude = abs(percent) >= 10 ? String(Int(abs(percent).rounded())) : String(format: "%.1f", abs(percent))
        return (percent < 0 ? "−" : "+") + magnitude + " %"
    }

    /// Writes every key, `null` included.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(change, forKey: .change)
        try c.encode(window, forKey: .window)
    }

    private static func firstIndex(_ times: [Double], atLeast value: Double) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let mid = (low + high) / 2
            if times[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
