import RefChartScene

/// How the footnote table under a chart lists the references that got a badge (or a cut label).
public enum FootnoteMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Each reference its own row (number, date, title, description), the image growing downward up to a
    /// maximum height; only past it do rows group, and the chart says where the full list is.
    case auto
    /// Each reference its own row, however tall the image gets.
    case all
    /// Keep about the requested height: rows group by badge cluster when there are too many.
    case grouped
    /// No table; the layout report still lists every reference.
    case none
}
