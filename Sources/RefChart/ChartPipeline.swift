public import Foundation
import RefChartScene

/// Runs ``ChartRequest``s: reads the sources, lays the chart out, renders every format, and writes the
/// outputs. The one place a chart is made; `refchart render`, `refchart report` and embedding
/// applications all come through here.
///
///     let pipeline = ChartPipeline()
///     var request = ChartRequest(csv: "pageviews.csv")
///     request.references = ["references.json"]
///     let chart = try await pipeline.render(request)
///     let png = chart.image(.png)
///
/// One pipeline serves many requests at once: they share one OpenPanel client (one rate-limit pacer), and
/// each OpenPanel project's references and each CSV URL are fetched once for the pipeline's life.
public final class ChartPipeline: Sendable {
    /// The instant `last` windows end at (without `to`) and `{date}` in output paths names.
    public let now: Date
    let sources: SourceCache
    /// Local files kept parsed between pipelines (`refchart serve`); `nil`: each read goes to the file.
    let parsed: ParsedSources?
    /// The shortcuts every chart's layout takes (all); the golden tests also draw every chart without them.
    package let layoutShortcuts: LayoutShortcuts

    /// Creates a pipeline.
    /// - Parameters:
    ///   - now: The run's instant (default: now).
    ///   - openPanel: Makes the OpenPanel client on first use (default: from the environment); a request
    ///     with no OpenPanel source never calls it.
    public convenience init(
        now: Date = Date(),
        openPanel: @escaping @Sendable () throws -> OpenPanelClient = { try OpenPanelClient.fromEnvironment() }
    ) {
        self.init(now: now, openPanel: openPanel, layoutShortcuts: .all)
    }

    /// Creates a pipeline whose layouts take only the given shortcuts.
    package convenience init(now: Date, openPanel: @escaping @Sendable () throws -> OpenPanelClient, layoutShortcuts: LayoutShortcuts) {
        self.init(now: now, sources: SourceCache(makeClient: openPanel), parsed: nil, layoutShortcuts: layoutShortcuts)
    }

    /// Creates a pipeline sharing `sources` (OpenPanel client, references, downloads) and `parsed` (local
    /// files) with others: a server's requests.
    package init(now: Date, sources: SourceCache, parsed: ParsedSources?, layoutShortcuts: LayoutShortcuts = .all) {
        self.now = now
        self.sources = sources
        self.parsed = parsed
        self.layoutShortcuts = layoutShortcuts
    }

    /// Creates a pipeline using `client` for every OpenPanel request.
    public convenience init(now: Date = Date(), openPanelClient client: OpenPanelClient) {
        self.init(now: now, openPanel: { client })
    }

    /// Reads, lays out and renders `request` in memory; writes nothing.
    /// - Throws: ``ChartRequestError`` for a field at fault, ``InputError`` for a bad input file,
    ///   ``OpenPanelError`` when OpenPanel fails, ``ChartError`` when the chart cannot be drawn.
    public func render(_ request: ChartRequest) async throws -> RenderedChart {
        try await render(request, keepingPage: false)
    }

    /// Renders `request` and writes its images and layout report where it says (atomically; `-` is
    /// standard output). The layout report is written first, so a report that cannot be written stops the
    /// chart before any image is written.
    public func run(_ request: ChartRequest) async throws -> RenderedChart {
        try await write(render(request, keepingPage: false))
    }

    /// - Parameters:
    ///   - keepingPage: Keep the chart's PDF page (a report's combined PDF).
    ///   - digestingInputs: Note the digest of what the chart is drawn from (``RenderedChart/inputDigest``).
    package func render(_ request: ChartRequest, keepingPage: Bool, digestingInputs: Bool = false) async throws -> RenderedChart {
        try request.validate()
        try request.checkPaths(now: now)
        let zone = try request.zone()
        let outputs = try request.outputs(now: now)
        var references: [Reference] = []
        var warnings: [OptionText] = []
        for file in request.references {
            let read = { try ReferencesFile.read(path: file, zone: zone) }
            references += try parsed?.references(path: file, zone: zone, read: read) ?? read()
        }
        if let project = request.openpanelProject {
            do {
                references += try await sources.references(project: project)
            } catch let error as OpenPanelError where error.kind == .unauthorized && !request.events.isEmpty {
                // A read client may export but not list references: the metric is still worth drawing.
                warnings.append(
                    "the project's references could not be listed (\(error.message)): a read client cannot list them; "
                        + "use a root client for both, or pass the references with \(option: .references)")
            }
        }
        references = references.filter(request.keeps)
        // The references come first so a long CSV can be reduced as it is read, keeping the points they need.
        let table = try await metrics(for: request, reduction: try Self.reduction(for: request, references: references, zone: zone, now: now))
        warnings.insert(contentsOf: table.warnings(source: request.csv ?? "the export"), at: 0)
        let extent = table.series.timeExtent ?? 0...0
        let window = request.events.isEmpty ? try request.window(dataExtent: extent, now: now) : try exportWindow(request)
        let footnotesPath = try request.footnotesFile.map { try request.filled($0, now: now, field: .footnotesFile) }
        var chart = Chart(options: request.options, series: table.series, references: references, window: window)
        chart.timeZone = zone
        chart.layoutShortcuts = layoutShortcuts
        for (name, count) in chart.valuesLeftOutByLogAxis {
            warnings.append("\(count) values ≤ 0 of \(quoted(name)) are not drawn: a log axis has no place for them")
        }
        chart.footnotesFile = footnotesPath.map { URL(fileURLWithPath: $0).lastPathComponent }
        var images: [RenderedChart.Image] = []
        var report: LayoutReport?
        var page: Scene?
        for format in try request.resolvedFormats() {
            let (bytes, layout, scene) = try chart.rendered(format)
            images.append(.init(format: format, bytes: bytes, path: outputs.first { $0.format == format }?.path))
            report = report ?? layout
            if format == .pdf { page = scene }
        }
        // The combined PDF wants the chart's PDF page (footnotes paged): reuse it, or lay it out, not render it.
        if keepingPage, page == nil { page = chart.layout(paged: true).scene }
        warnings += Self.fontWarnings(report!)
        let footnoteTable = footnotesPath.map { path in
            (path, FootnoteTable.make(FootnoteTable.Format(path: path)!, references: references, report: report!, zone: zone))
        }
        var rendered = RenderedChart(
            request: request, images: images, layoutReport: report!, layoutReportPath: try request.layoutReportPath(now: now),
            footnoteTable: footnoteTable,
            warnings: warnings, page: keepingPage ? page : nil)
        if digestingInputs { rendered.inputDigest = Self.digest(of: chart, request: request) }
        return rendered
    }

    /// SHA-256 of a chart's inputs: every series point, every reference, and the options it is drawn with
    /// (the window keys left out, so a moving `last:` window over unchanged data is unchanged).
    static func digest(of chart: Chart, request: ChartRequest) -> String {
        var bytes: [UInt8] = []
        func add(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        func add(_ text: String) { bytes += Array(text.utf8) + [0] }
        for series in chart.series {
            add(series.name)
            for time in series.times { add(time) }
            for value in series.values { add(value) }
        }
        for reference in chart.references {
            add(reference.id)
            add(reference.title)
            add(reference.date.timeIntervalSince1970)
            add(reference.category ?? "")
        }
        var options = request
        (options.from, options.to, options.last) = (nil, nil, nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        bytes += Array((try? encoder.encode(options)) ?? Data())
        return SHA256.hex(SHA256.hash(bytes))
    }

    /// Writes what `chart` names, all or nothing: the layout report, the footnotes file, each image.
    package func write(_ chart: RenderedChart) throws -> RenderedChart {
        var files: [(path: String, bytes: [UInt8])] = []
        if let report = chart.layoutReportPath { files.append((report, Array(try chart.layoutReport.json()) + [0x0A])) }
        if let table = chart.footnoteTable { files.append(table) }
        for image in chart.images {
            if let path = image.path { files.append((path, image.bytes)) }
        }
        try AtomicFile.writeAll(files)
        return chart
    }

    /// The request's metrics: its CSV (a file, standard input or a URL, downloaded once per pipeline), or
    /// its events from OpenPanel's Export API.
    /// - Throws: ``ChartRequestError`` when there is no source, ``InputError``, ``OpenPanelError``.
    public func metrics(for request: ChartRequest) async throws -> MetricTable {
        try await metrics(for: request, reduction: nil)
    }

    /// ``metrics(for:)``, a CSV reduced while it is read when `reduction` is given (see ``SeriesReduction``).
    package func metrics(for request: ChartRequest, reduction: SeriesReduction?) async throws -> MetricTable {
        var table = try await allMetrics(for: request, reduction: reduction)
        try table.select(request)
        return table
    }

    /// Every series of the request's source, before ``ChartRequest/series`` chooses among them.
    private func allMetrics(for request: ChartRequest, reduction: SeriesReduction?) async throws -> MetricTable {
        try request.validate()
        if !request.events.isEmpty { return try await exportedMetrics(request) }
        guard let csv = request.csv else {
            throw ChartRequestError(.csv, "is missing: give the metrics CSV (a path, - or an http(s) URL), or OpenPanel events")
        }
        var options = try request.csvOptions()
        options.reduction = reduction
        guard MetricSource.isURL(csv) else {
            if csv != "-", let kept = try parsed?.table(path: csv, options: options, read: { try CSVReader.read(path: csv, options: $0) }) {
                return kept
            }
            return try CSVReader.read(path: csv, options: options)
        }
        let file = try await sources.csvFile(csv)
        return try CSVReader.read(path: file.path, source: MetricSource.redacted(csv), options: options)
    }

    /// How a line chart's CSV may be reduced while it is read: keeping the points nearest `references` and
    /// exact sums for their impact windows. `nil` for bars and areas, which sum or average every point.
    /// A window the request gives (`from`, `to`, `last`) is reduced alone, at full resolution.
    static func reduction(for request: ChartRequest, references: [Reference], zone: TimeZone, now: Date) throws -> SeriesReduction? {
        guard request.type == .line else { return nil }
        let dates = references.map(\.date)
        var bounds: [Double] = []
        if request.impact {
            let window = request.impactWindow
            for date in dates {
                bounds += [window.start(before: date, in: zone), date, window.end(after: date, in: zone)].map(\.timeIntervalSince1970)
            }
        }
        var reduction = SeriesReduction(keepNear: dates.map(\.timeIntervalSince1970), windowBounds: bounds)
        // An end the request leaves to the data stays open (infinite) here.
        if let window = try? request.window(dataExtent: -Double.infinity...Double.infinity, now: now) {
            reduction.window = window.lowerBound.timeIntervalSince1970...window.upperBound.timeIntervalSince1970
        }
        return reduction
    }

    /// The window an export asks for: `from`/`to`/`last`, or the last 30 days.
    private func exportWindow(_ request: ChartRequest) throws -> ClosedRange<Date> {
        var windowed = request
        if request.from == nil && request.last == nil { windowed.last = RelativeWindow("30d") }
        let high = now.timeIntervalSince1970
        return try windowed.window(dataExtent: high...high, now: now) ?? now.addingTimeInterval(-30 * 86_400)...now
    }

    private func exportedMetrics(_ request: ChartRequest) async throws -> MetricTable {
        let window = try exportWindow(request)
        let orgZone = try request.orgZone()
        let interval =
            request.interval
            ?? ExportInterval.suiting(windowSeconds: window.upperBound.timeIntervalSince(window.lowerBound), width: request.width)
        let client = try await sources.openPanelClient()
        let series = try await client.exportSeries(
            projectId: request.openpanelProject!, events: request.events, segment: request.segment, interval: interval,
            window: window, orgZone: orgZone, now: now)
        var table = MetricTable(
            series: series, delimiter: UInt8(ascii: ","), timeColumn: "date (\(interval.rawValue), \(orgZone.identifier))",
            timeFormat: .iso8601, rows: series.first?.times.count ?? 0)
        table.timeColumnRule = "OpenPanel export"
        return table
    }
}

extension ChartPipeline {
    /// A warning for each reference (and the title) with characters no installed font has.
    static func fontWarnings(_ report: LayoutReport) -> [OptionText] {
        let hint =
            "install a font that has them (scripts/setup.sh installs Noto for Latin, Greek, Cyrillic, Arabic, Hebrew, "
            + "Thai, Devanagari, CJK, Korean and emoji)"
        var warnings: [OptionText] = report.references.compactMap { entry in
            entry.missingGlyphs.map {
                OptionText(
                    "reference \(quoted(entry.title, limit: 40)) (\(entry.id)) has characters no installed font can draw, shown as boxes: \($0); "
                        + hint)
            }
        }
        if let missing = report.missingGlyphs {
            warnings.append(OptionText("the title or a series name has characters no installed font can draw, shown as boxes: \(missing); " + hint))
        }
        return warnings
    }
}

extension MetricTable {
    /// What the reader did that the user should hear of: skipped rows in lenient mode, and rows merged
    /// because they share a time with another (never silently: it may be a long file read wrong).
    public func warnings(source: String) -> [OptionText] {
        var warnings: [OptionText] = []
        if !skippedLines.isEmpty {
            let first = skippedLines.prefix(5).map(String.init).joined(separator: ", ")
            let more = skippedLines.count > 5 ? ", …" : ""
            warnings.append("skipped \(skippedLines.count) unreadable rows of \(source) (lines \(first)\(more))")
        }
        if duplicates > 0 && [.last, .error].contains(duplicatePolicy ?? .last) {
            let first = duplicateLines.map(String.init).joined(separator: ", ")
            let more = duplicates > duplicateLines.count ? ", …" : ""
            warnings.append(
                "\(duplicates) rows of \(source) share a time with an earlier row and replaced it (lines \(first)\(more)); "
                    + "if the file has one row per series and time, name the series column with \(option: .seriesColumn); "
                    + "or choose \(option: .duplicates, "sum"), mean or error")
        }
        return warnings
    }
}
