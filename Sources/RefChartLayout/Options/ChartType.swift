import RefChartScene

/// How a series is drawn.
public enum ChartType: String, Sendable, Hashable, CaseIterable, Codable {
    /// A line through the points (reduced per pixel column: M4).
    case line
    /// A line with the area under it filled down to the baseline.
    case area
    /// A bar per time bucket, the values in it summed.
    case bar
}
