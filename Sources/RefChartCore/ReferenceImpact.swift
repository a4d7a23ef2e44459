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
    /// The ids of the other references whose instants fall inside this one's windows: the change is
    /// theirs too, so it is drawn muted. `nil` when none do.
    public var overlapping: [String]?
    /// The series' own typical change between one window and the next (the median of its absolute
    /// window-to-window changes, ``noise(of:window:)``); a change within it is drawn muted, not green or red.
    public var noise: Double?

    /// Whether the change stands out: at least 1 %, beyond the series' own noise, and no other reference
    /// inside its windows.
    public var isNotable: Bool {
        guard let change, change.isFinite, abs(change) >= 0.01 else { return false }
        return overlapping == nil && abs(change) > (noise ?? 0)
    }

    /// Measures `series` around `instant`: `[before.lowerBound, instant)` and `[instant, afterEnd)`.
    /// Gaps (NaN) are not points.
    /// - Complexity: O(log n + points in the windows).
    public init(series: MetricSeries, instant: Double, beforeStart: Double, afterEnd: Double, window: String) {
        before = Self.mean(of: series, from: beforeStart, to: instant)
        after = Self.mean(of: series, from: instant, to: afterEnd)
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
        try c.encode(overlapping, forKey: .overlapping)
        try c.encode(noise, forKey: .noise)
    }

    /// The mean of `series` over `[low, high)`, gaps left out; the exact figure from the tally of a reduced
    /// series.
    static func mean(of series: MetricSeries, from low: Double, to high: Double) -> Double? {
        if let tallied = series.tally?.mean(from: low, to: high) { return tallied }
        var index = firstIndex(series.times, atLeast: low)
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

    /// The median absolute relative change between consecutive windows of `seconds` over the whole series
    /// (week to week for a 7-day window): how much the series moves with no reference at all. `nil` with
    /// fewer than three windows of points.
    /// - Complexity: O(n + windows × log n).
    public static func noise(of series: MetricSeries, window seconds: Double) -> Double? {
        guard let first = series.times.first, let last = series.times.last, seconds > 0, (last - first) / seconds < 1_000_000
        else { return nil }
        var changes: [Double] = []
        var previous: Double?
        var start = first
        while start + seconds <= last + 1 {
            let current = mean(of: series, from: start, to: start + seconds)
            if let previous, let current, previous != 0 { changes.append(abs(current / previous - 1)) }
            previous = current
            start += seconds
        }
        guard changes.count >= 2 else { return nil }
        changes.sort()
        return changes[changes.count / 2]
    }

    /// The index of the first of ascending `times` at or after `value` (`times.count` when none is).
    package static func firstIndex(_ times: [Double], atLeast value: Double) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let mid = (low + high) / 2
            if times[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
