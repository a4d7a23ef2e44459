public import Foundation
public import RefChartLayout
import RefChartRender

/// A chart of one or more metric series with reference markers, ready to render.
///
///     let table = try CSVReader.read(path: "pageviews.csv")
///     let references = try ReferencesFile.read(path: "references.json")
///     let chart = Chart(title: "Pageviews", series: table.series, references: references)
///     let png = try chart.render(.png, scale: 2)
///
/// A `Chart` is a value: render it from as many tasks at once as you like.
public struct Chart: Sendable, Hashable {
    /// The smallest and largest width or height accepted, in output pixels.
    public static let sizeRange = 100...16_384
    /// The HiDPI scale factors accepted for PNG.
    public static let scaleRange = 0.25...8.0

    /// The title drawn at the top; empty for none.
    public var title: String
    /// The width in output pixels (default 1200).
    public var width: Int
    /// The height in output pixels (default 600). Grows only when footnotes would squeeze the plot too far.
    public var height: Int
    /// Light or dark colours.
    public var theme: ChartTheme
    /// The zone ticks, labels and footnote dates are shown in (default UTC).
    public var timeZone: TimeZone
    /// The series to draw, one line each (a legend appears for several).
    public var series: [MetricSeries]
    /// The references to mark; those outside the time range are counted, not drawn.
    public var references: [Reference]
    /// The visible time range; `nil` shows the data's whole extent.
    public var window: ClosedRange<Date>?
    /// How the footnote table lists references that got a badge or a cut label (default: each its own row).
    public var footnotes: FootnoteMode = .auto
    /// The tallest the image may grow for footnotes in ``FootnoteMode/auto`` (default: 4× ``height``).
    public var maxHeight: Int?
    /// Where the full footnote table is written, named on the chart when its rows had to group.
    public var footnotesFile: String?
    /// How an SVG holds its text: `<text>` (default) or glyph outlines.
    public var svgText: SVGTextMode = .text
    /// Lines, areas or bars.
    public var type: ChartType = .line
    /// Areas or bars stacked on one another.
    public var stacked = false
    /// The bar width, as a duration (`1d`, `1h`); `nil` uses the data's interval.
    public var bucket: String?
    /// The value axis's title, with its unit (`Pageviews per hour`); `nil` for none.
    public var yLabel: String?
    /// The value axis's lower bound (default: zero for counts near it, else zoomed to the data).
    public var yMin: Double?
    /// The value axis's upper bound (default: the data's nice top).
    public var yMax: Double?
    /// A logarithmic value axis: equal ratios take equal heights. Values ≤ 0 have no place on it and are
    /// left out (see ``valuesLeftOutByLogAxis``).
    public var logarithmic = false
    /// Names of series drawn against a second value axis at the plot's right (line charts): series of
    /// another unit or scale stay readable beside the others.
    public var rightAxis: [String] = []
    /// Impact numbers after each label: the window each side of a reference (`7d`); `nil` for none.
    public var impactWindow: String?
    /// The series impact numbers measure (default: the first).
    public var impactSeries: String?

    /// Creates a chart.
    public init(
        title: String = "", width: Int = 1200, height: Int = 600, theme: ChartTheme = .light,
        timeZone: TimeZone = .gmt, series: [MetricSeries], references: [Reference] = [],
        window: ClosedRange<Date>? = nil
    ) {
        self.title = title
        self.width = width
        self.height = height
        self.theme = theme
        self.timeZone = timeZone
        self.series = series
        self.references = references
        self.window = window
    }

    /// Starts the font system's set-up now, so that it overlaps what the caller does before the first
    /// render (parsing arguments, reading data) instead of delaying it. Optional; safe to call any time.
    public static func prepareFonts() {
        FontWarmUp.start()
    }

    /// Renders the chart.
    /// - Parameters:
    ///   - format: PNG, SVG or PDF.
    ///   - scale: Device pixels per output pixel for PNG (2 for HiDPI); ignored for vector formats.
    /// - Returns: The file's bytes.
    /// - Throws: ``ChartError`` for an impossible size or scale, or no data.
    public func render(_ format: ChartFormat, scale: Double = 1) throws -> [UInt8] {
        try renderWithReport(format, scale: scale).image
    }

    /// Renders the chart and returns, with the image, the layout report: where every reference went
    /// (label, badge, out of range) and its box in output pixels.
    public func renderWithReport(_ format: ChartFormat, scale: Double = 1) throws -> (image: [UInt8], layoutReport: LayoutReport) {
        let (image, report, _) = try rendered(format, scale: scale)
        return (image, report)
    }

    /// Renders the chart, keeping the scene it drew (for multi-page PDF reports).
    package func rendered(_ format: ChartFormat, scale: Double = 1) throws -> (image: [UInt8], report: LayoutReport, scene: Scene) {
        let scale = format == .png ? scale : 1
        try validate(scale: scale)
        let (scene, report) = layout(pixelScale: scale, paged: format == .pdf)
        do {
            return (try ChartRenderer.render(scene, format: format.output, scale: scale, svgText: svgText), report, scene)
        } catch let error as RenderError {
            throw ChartError(error.description)
        }
    }

    /// Lays the chart out without drawing it (for benchmarks and tests).
    /// - Parameter paged: Lay footnotes out on pages of the chart's height (PDF), instead of growing it.
    package func layout(pixelScale: Double = 1, paged: Bool = false) -> (scene: Scene, report: LayoutReport) {
        var spec = ChartSpec(
            title: title, size: Size(width: Double(width), height: Double(height)),
            theme: theme == .dark ? .dark : .light, zone: timeZone, series: series, references: references,
            window: window.map { $0.lowerBound.timeIntervalSince1970...$0.upperBound.timeIntervalSince1970 },
            pixelScale: pixelScale, footnotes: footnotes, maxHeight: maxHeight.map(Double.init), footnotesFile: footnotesFile)
        spec.chartType = type
        spec.stacked = stacked
        spec.bucket = bucket.flatMap(RelativeWindow.init).map { Double($0.count) * $0.nominalSeconds }
        if paged && (footnotes == .auto || footnotes == .all) { spec.pageHeight = Double(height) }
        spec.yLabel = yLabel
        spec.yMin = yMin
        spec.yMax = yMax
        spec.rightAxis = Set(rightAxis.compactMap { name in series.firstIndex { $0.name == name } })
        if logarithmic {
            spec.logarithmic = true
            spec.series = series.map { series in
                var positive = series
                positive.values = series.values.map { $0 > 0 ? $0 : .nan }
                return positive
            }
        }
        if let impactWindow, let window = RelativeWindow(impactWindow) {
            let index = impactSeries.flatMap { name in series.firstIndex { $0.name == name } } ?? 0
            spec.impact = (window, impactWindow, index)
        }
        return ChartLayout.layout(spec, measurer: PangoTextMeasurer())
    }

    private func validate(scale: Double) throws {
        for (name, value) in [("width", width), ("height", height)] where !Self.sizeRange.contains(value) {
            throw ChartError("\(name) \(value) is out of range: use \(Self.sizeRange.lowerBound) to \(Self.sizeRange.upperBound) px")
        }
        guard Self.scaleRange.contains(scale), scale.isFinite else {
            throw ChartError("scale \(scale) is out of range: use \(Self.scaleRange.lowerBound) to \(Self.scaleRange.upperBound)")
        }
        let device = Double(max(width, height)) * scale
        guard device <= Double(ChartRenderer.maximumDevicePixels) else {
            throw ChartError("\(Int(device)) device pixels is more than the \(ChartRenderer.maximumDevicePixels) a PNG can have: lower --scale or the size")
        }
        if let bucket, RelativeWindow(bucket) == nil {
            throw ChartError("the bucket \(quoted(bucket)) is not a duration: use e.g. 1h, 1d or 1w")
        }
        if let yMin, let yMax, !(yMin < yMax) || !yMin.isFinite || !yMax.isFinite {
            throw ChartError("the value axis's minimum \(yMin) must be below its maximum \(yMax)")
        }
        for name in rightAxis where !series.contains(where: { $0.name == name }) {
            throw ChartError("there is no series named \(quoted(name)) to put on the right axis: the series are "
                + series.map { quoted($0.name) }.joined(separator: ", "))
        }
        if !rightAxis.isEmpty {
            guard type == .line else { throw ChartError("a right axis needs a line chart: areas and bars share one baseline") }
            guard series.contains(where: { !rightAxis.contains($0.name) }) else {
                throw ChartError("every series is on the right axis: leave at least one on the left")
            }
        }
        if logarithmic {
            if let yMin, yMin <= 0 { throw ChartError("the minimum \(yMin) cannot bound a log axis: use a number above 0") }
            if let yMax, yMax <= 0 { throw ChartError("the maximum \(yMax) cannot bound a log axis: use a number above 0") }
            if stacked { throw ChartError("a log axis cannot stack: a stack's parts are read as differences") }
            guard series.contains(where: { $0.values.contains { $0 > 0 } }) else {
                throw ChartError("there is nothing to draw on a log axis: no value is above 0")
            }
        }
        if let impactWindow, RelativeWindow(impactWindow) == nil {
            throw ChartError("the impact window \(quoted(impactWindow)) is not a duration: use e.g. 12h, 7d, 2w or 1mo")
        }
        if let impactSeries, !series.contains(where: { $0.name == impactSeries }) {
            throw ChartError("there is no series named \(quoted(impactSeries)) to measure impact on: the series are "
                + series.map { quoted($0.name) }.joined(separator: ", "))
        }
        guard series.contains(where: { !$0.times.isEmpty }) else {
            throw ChartError("there is no data to draw: every series is empty")
        }
        if let window {
            guard window.lowerBound < window.upperBound else {
                throw ChartError("the time window is empty: its start and end are the same instant")
            }
            let low = window.lowerBound.timeIntervalSince1970
            let high = window.upperBound.timeIntervalSince1970
            let inside = series.contains { s in s.times.contains { $0 >= low && $0 <= high } }
            if !inside {
                let extent = series.timeExtent ?? 0...0
                let (first, last) = (extent.lowerBound, extent.upperBound)
                throw ChartError(
                    "no data between \(ISO8601.string(from: window.lowerBound, fractionalSeconds: false)) and "
                        + "\(ISO8601.string(from: window.upperBound, fractionalSeconds: false)): the data runs from "
                        + "\(ISO8601.string(fromSeconds: first, fractionalSeconds: false)) to "
                        + "\(ISO8601.string(fromSeconds: last, fractionalSeconds: false))")
            }
        }
    }
}

extension Chart {
    /// For a log axis, each series with values ≤ 0 and how many: they are not drawn.
    public var valuesLeftOutByLogAxis: [(series: String, count: Int)] {
        guard logarithmic else { return [] }
        return series.compactMap { series in
            let count = series.tally?.nonPositive ?? series.values.reduce(0) { $0 + ($1 <= 0 ? 1 : 0) }
            return count == 0 ? nil : (series.name, count)
        }
    }
}
