public import Foundation
public import RefChartLayout
import RefChartRender
package import RefChartScene

/// A chart of one or more metric series with reference markers, ready to render.
///
///     let table = try CSVReader.read(path: "pageviews.csv")
///     let references = try ReferencesFile.read(path: "references.json")
///     var chart = Chart(title: "Pageviews", series: table.series, references: references)
///     chart.type = .bar             // any ``ChartOptions`` field, read and written in place
///     let png = try chart.render(.png, scale: 2)
///
/// A `Chart` is a value: render it from as many tasks at once as you like.
@dynamicMemberLookup
public struct Chart: Sendable, Hashable {
    /// The smallest and largest width or height accepted, in output pixels.
    public static var sizeRange: ClosedRange<Int> { ChartOptions.sizeRange }
    /// The HiDPI scale factors accepted for PNG.
    public static var scaleRange: ClosedRange<Double> { ChartOptions.scaleRange }

    /// How the chart looks: type, axes, sizes, theme, footnotes, impact numbers. Each field can also be
    /// read and written on the chart itself (`chart.yMin = 0`).
    public var options: ChartOptions
    /// The series to draw, one line each (a legend appears for several).
    public var series: [MetricSeries]
    /// The references to mark; those outside the time range are counted, not drawn.
    public var references: [Reference]
    /// The visible time range; `nil` shows the data's whole extent.
    public var window: ClosedRange<Date>?
    /// Where the full footnote table is written, named on the chart when its rows had to group.
    public var footnotesFile: String?
    /// The shortcuts the layout takes (all; tests turn them off to show they change nothing).
    package var layoutShortcuts = LayoutShortcuts.all

    /// Creates a chart.
    public init(
        title: String = "", width: Int = 1200, height: Int = 600, theme: ChartTheme = .light,
        timeZone: TimeZone = .gmt, series: [MetricSeries], references: [Reference] = [],
        window: ClosedRange<Date>? = nil
    ) {
        var options = ChartOptions()
        options.title = title
        options.width = width
        options.height = height
        options.theme = theme
        options.timezone = ZoneIdentifier(timeZone)
        self.init(options: options, series: series, references: references, window: window)
    }

    /// Creates a chart with its options.
    public init(options: ChartOptions, series: [MetricSeries], references: [Reference] = [], window: ClosedRange<Date>? = nil) {
        self.options = options
        self.series = series
        self.references = references
        self.window = window
    }

    /// An option of the chart (``ChartOptions``), read and written in place.
    public subscript<Value>(dynamicMember path: WritableKeyPath<ChartOptions, Value>) -> Value {
        get { options[keyPath: path] }
        set { options[keyPath: path] = newValue }
    }

    /// The zone ticks, labels and footnote dates are shown in (default UTC).
    public var timeZone: TimeZone {
        get { options.zone }
        set { options.timezone = ZoneIdentifier(newValue) }
    }

    /// Starts the font system's set-up now, so that it overlaps what the caller does before the first
    /// render (parsing arguments, reading data) instead of delaying it. Optional; safe to call any time.
    public static func prepareFonts() {
        FontWarmUp.start()
    }

    /// Renders the chart.
    /// - Parameters:
    ///   - format: PNG, SVG or PDF.
    ///   - scale: Device pixels per output pixel for PNG (2 for HiDPI; default ``ChartOptions/scale``);
    ///     ignored for vector formats.
    /// - Returns: The file's bytes.
    /// - Throws: ``ChartError`` for an impossible size or scale, or no data.
    public func render(_ format: ChartFormat, scale: Double? = nil) throws -> [UInt8] {
        try renderWithReport(format, scale: scale).image
    }

    /// Renders the chart and returns, with the image, the layout report: where every reference went
    /// (label, badge, out of range) and its box in output pixels.
    public func renderWithReport(_ format: ChartFormat, scale: Double? = nil) throws -> (image: [UInt8], layoutReport: LayoutReport) {
        let (image, report, _) = try rendered(format, scale: scale)
        return (image, report)
    }

    /// Renders the chart, keeping the scene it drew (for multi-page PDF reports).
    package func rendered(_ format: ChartFormat, scale: Double? = nil) throws -> (image: [UInt8], report: LayoutReport, scene: Scene) {
        let scale = format == .png ? scale ?? options.scale : 1
        try validate(scale: scale)
        do {
            try FontCheck.require()
        } catch let error as RenderError {
            throw ChartError(OptionText(error.description))
        }
        let (scene, report) = layout(pixelScale: scale, paged: format == .pdf)
        do {
            return (try ChartRenderer.render(scene, format: format.output(scale: scale, svgText: options.svgText)), report, scene)
        } catch let error as RenderError {
            throw ChartError(OptionText(error.description))
        }
    }

    /// Lays the chart out without drawing it (for benchmarks and tests).
    /// - Parameter paged: Lay footnotes out on pages of the chart's height (PDF), instead of growing it.
    package func layout(pixelScale: Double = 1, paged: Bool = false) -> (scene: Scene, report: LayoutReport) {
        var spec = ChartSpec(
            options: options, series: series, references: references,
            window: window.map { $0.lowerBound.timeIntervalSince1970...$0.upperBound.timeIntervalSince1970 },
            pixelScale: pixelScale, footnotesFile: footnotesFile)
        if paged && (options.footnotes == .auto || options.footnotes == .all) { spec.pageHeight = Double(options.height) }
        if options.log {
            spec.series = series.map { series in
                var positive = series
                positive.values = series.values.map { $0 > 0 ? $0 : .nan }
                return positive
            }
        }
        return ChartLayout.layout(spec, measurer: PangoTextMeasurer(), shortcuts: layoutShortcuts)
    }

    private func validate(scale: Double) throws {
        try options.validate()
        guard Self.scaleRange.contains(scale), scale.isFinite else {
            throw ChartError("scale \(scale) is out of range: use \(Self.scaleRange.lowerBound) to \(Self.scaleRange.upperBound)")
        }
        let (width, height) = (options.width, options.height)
        let device = Double(max(width, height)) * scale
        guard device <= Double(ChartRenderer.maximumDevicePixels) else {
            throw ChartError(
                "\(Int(device)) device pixels is more than the \(ChartRenderer.maximumDevicePixels) a PNG can have: lower \(option: .scale) or the size"
            )
        }
        for name in options.rightAxis where !series.contains(where: { $0.name == name }) {
            throw ChartError(
                "there is no series named \(quoted(name)) to put on the right axis: the series are \(series.map { quoted($0.name) }.joined(separator: ", "))"
            )
        }
        if !options.rightAxis.isEmpty {
            guard series.contains(where: { !options.rightAxis.contains($0.name) }) else {
                throw ChartError("every series is on the right axis: leave at least one on the left")
            }
        }
        if options.log {
            guard series.contains(where: { $0.values.contains { $0 > 0 } }) else {
                throw ChartError("there is nothing to draw on a log axis: no value is above 0")
            }
        }
        if options.impact, let impactSeries = options.impactSeries, !series.contains(where: { $0.name == impactSeries }) {
            throw ChartError(
                "there is no series named \(quoted(impactSeries)) to measure impact on: the series are \(series.map { quoted($0.name) }.joined(separator: ", "))"
            )
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
        guard options.log else { return [] }
        return series.compactMap { series in
            let count = series.tally?.nonPositive ?? series.values.reduce(0) { $0 + ($1 <= 0 ? 1 : 0) }
            return count == 0 ? nil : (series.name, count)
        }
    }
}
