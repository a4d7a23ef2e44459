package import Foundation
package import RefChartCore
package import RefChartScene

/// Everything the layout needs to know about one chart: the user's ``ChartOptions`` as given, the data,
/// and what only the caller knows (the window, the device scale, a page height). What the layout reads in
/// its own units (a size, a bucket in seconds, series indices) is derived from the options here, never
/// copied, so no option can be dropped on its way to the layout.
package struct ChartSpec: Sendable {
    package var options: ChartOptions
    package var series: [MetricSeries]
    package var references: [Reference]
    /// The visible time range (seconds since the epoch); `nil` uses the data's extent.
    package var window: ClosedRange<Double>?
    /// Device pixels per output pixel (HiDPI PNG); downsampling keeps one bucket per device pixel.
    package var pixelScale: Double
    /// Where the full footnote table is written, if anywhere: named on the chart when rows had to group.
    package var footnotesFile: String?
    /// The page height of a paged document (PDF): footnote rows that do not fit continue on following pages.
    package var pageHeight: Double?

    package init(
        options: ChartOptions, series: [MetricSeries], references: [Reference] = [], window: ClosedRange<Double>? = nil,
        pixelScale: Double = 1, footnotesFile: String? = nil
    ) {
        self.options = options
        self.series = series
        self.references = references
        self.window = window
        self.pixelScale = pixelScale
        self.footnotesFile = footnotesFile
    }

    /// A spec from the layout's own units (for tests).
    package init(
        title: String = "", size: Size = Size(width: 1200, height: 600), theme: ChartTheme = .light,
        zone: TimeZone = .gmt, series: [MetricSeries], references: [Reference] = [],
        window: ClosedRange<Double>? = nil, pixelScale: Double = 1, footnotes: FootnoteMode = .auto,
        maxHeight: Double? = nil, footnotesFile: String? = nil
    ) {
        var options = ChartOptions()
        options.title = title
        options.width = Int(size.width)
        options.height = Int(size.height)
        options.theme = theme
        options.timezone = ZoneIdentifier(zone)
        options.footnotes = footnotes
        options.maxHeight = maxHeight.map { Int($0) }
        self.init(options: options, series: series, references: references, window: window, pixelScale: pixelScale, footnotesFile: footnotesFile)
    }

    package var title: String { options.title }
    /// The requested image size in output pixels.
    package var size: Size { Size(width: Double(options.width), height: Double(options.height)) }
    package var theme: Theme { options.theme == .dark ? .dark : .light }
    /// The display time zone for ticks, labels and footnote dates.
    package var zone: TimeZone { options.zone }
    package var footnotes: FootnoteMode { options.footnotes }
    /// The tallest the image may grow to hold footnotes (``FootnoteMode/auto``); `nil` is 4× the height.
    package var maxHeight: Double? { options.maxHeight.map(Double.init) }
    package var chartType: ChartType { options.type }
    package var stacked: Bool { options.stacked }
    /// The bar width in seconds (default: the data's interval).
    var bucket: CalendarBucket? { options.bucket.map { CalendarBucket(unit: $0.unit, count: $0.count) } }
    package var yLabel: String? { options.yLabel }
    package var yMin: Double? { options.yMin }
    package var yMax: Double? { options.yMax }
    /// A logarithmic value axis: the series must hold no values ≤ 0 (the caller makes them gaps).
    package var logarithmic: Bool { options.log }

    /// The series (by index) measured on a second value axis at the plot's right (lines only).
    package var rightAxis: Set<Int> {
        Set(options.rightAxis.compactMap { name in series.firstIndex { $0.name == name } })
    }

    /// Impact numbers after each label: the window each side of a reference, and the series measured.
    package var impact: (window: RelativeWindow, text: String, series: Int)? {
        guard options.impact else { return nil }
        let index = options.impactSeries.flatMap { name in series.firstIndex { $0.name == name } } ?? 0
        return (options.impactWindow, options.impactWindow.description, index)
    }
}
