import RefChartScene

/// A chart's colour scheme.
public enum ChartTheme: String, Sendable, Hashable, CaseIterable, Codable {
    /// Dark text on white, for print and email.
    case light
    /// Light text on near-black, for dashboards and slides.
    case dark
}
