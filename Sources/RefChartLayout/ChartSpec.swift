package import Foundation
package import RefChartCore

/// Everything the layout needs to know about one chart.
package struct ChartSpec: Sendable {
    package var title: String
    /// The requested image size in output pixels.
    package var size: Size
    package var theme: Theme
    /// The display time zone for ticks, labels and footnote dates.
    package var zone: TimeZone
    package var series: [MetricSeries]
    package var references: [Reference]
    /// The visible time range (seconds since the epoch); `nil` uses the data's extent.
    package var window: ClosedRange<Double>?
    /// Device pixels per output pixel (HiDPI PNG); downsampling keeps one bucket per device pixel.
    package var pixelScale: Double
    /// How the footnote table lists badged references.
    package var footnotes: FootnoteMode
    /// The tallest the image may grow to hold footnotes (``FootnoteMode/auto``); `nil` is 4× the height.
    package var maxHeight: Double?
    /// Where the full footnote table is written, if anywhere: named on the chart when rows had to group.
    package var footnotesFile: String?
    /// The page height of a paged document (PDF): footnote rows that do not fit continue on following pages.
    package var pageHeight: Double?
    /// Lines, areas or bars.
    package var chartType: ChartType = .line
    /// Areas or bars stacked on one another.
    package var stacked = false
    /// The bar width in seconds (default: the data's interval).
    package var bucket: Double?
    /// The value axis's title, with its unit (`Pageviews per hour`).
    package var yLabel: String?
    /// The value axis's bounds, when given; otherwise from the data (see ``ValueTicks``).
    package var yMin: Double?
    package var yMax: Double?
    /// A logarithmic value axis: the series must hold no values ≤ 0 (the caller makes them gaps).
    package var logarithmic = false
    /// The series (by index) measured on a second value axis at the plot's right (lines only).
    package var rightAxis: Set<Int> = []
    /// Impact numbers after each label: the window each side of a reference, and the series measured.
    package var impact: (window: RelativeWindow, text: String, series: Int)?

    package init(
        title: String = "", size: Size = Size(width: 1200, height: 600), theme: Theme = .light,
        zone: TimeZone = .gmt, series: [MetricSeries], references: [Reference] = [],
        window: ClosedRange<Double>? = nil, pixelScale: Double = 1, footnotes: FootnoteMode = .auto,
        maxHeight: Double? = nil, footnotesFile: String? = nil
    ) {
        self.title = title
        self.size = size
        self.theme = theme
        self.zone = zone
        self.series = series
        self.references = references
        self.window = window
        self.pixelScale = pixelScale
        self.footnotes = footnotes
        self.maxHeight = maxHeight
        self.footnotesFile = footnotesFile
    }
}
