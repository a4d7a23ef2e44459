public import Foundation
public import RefChart

/// A saved OpenPanel dashboard rendered as it is saved: one chart per time-series report, in the
/// dashboard's order, with the project's references on every chart; a metric report as headline numbers,
/// a funnel as its steps; every other report is named with the reason it was not drawn (never drawn as a
/// misleading line, never silently dropped).
///
/// Calls: the dashboards (1), the dashboard's reports (1), the project's references (1), one data call per
/// report drawn: a 10-report dashboard costs at most 13, through the client's pacer.
public struct DashboardReport: Sendable {
    /// One report of the dashboard and what became of it.
    public struct Page: Sendable {
        public var report: SavedReport
        /// The chart drawn from its data, when it is a time series and its data came.
        public var chart: Chart?
        /// The page of a metric (headline numbers) or funnel (steps) report.
        public var summary: SummaryChart? = nil
        /// Why it has no chart (its type, or the data call's failure).
        public var skipped: String?
        /// Whether it has no chart because its data could not be fetched (not because of its type).
        public var failed = false
        /// Series left out of the chart: the dashboard, too, shows its 5 largest.
        public var seriesLeftOut = 0
    }

    public var dashboard: Dashboard
    public var pages: [Page]
    /// What a reader of the whole report should know (once, not per page).
    public var notes: [String] = []

    /// The note of a dashboard drawn over another window than its saved ranges.
    static let filtersNote =
        "drawn over the window asked for through the Export API: OpenPanel does not list a saved report's filters, so any it has are not applied (without --from/--to/--last each report is drawn as saved)"

    /// Series drawn per chart at most, as OpenPanel's dashboard shows them (the largest by sum).
    public static let seriesShown = 5

    /// Fetches and lays out the dashboard `idOrName` of `projectId`.
    /// - Parameters:
    ///   - base: Size, theme and the like for every chart (title, type and window come from each report).
    ///   - orgZone: The organisation's zone, which the data's labels are written in (no endpoint says it).
    /// - Throws: ``OpenPanelError`` for the listings; ``DashboardError`` for a dashboard that is not there.
    ///   - window: Another window than each report's saved one: its event series are then drawn through the
    ///     Export API (same events, segments, breakdowns and interval); a report that needs the saved-report
    ///     engine (formulas, a metric's or funnel's aggregate) is refused for it, saying why.
    ///   - listings: The run's listings (a jobs file's dashboards share them); by default this call's own.
    ///   - only: Report names (or ids) to draw, the others left out; empty: every report.
    ///   - exclude: Report names (or ids) to leave out. A name in either that the dashboard does not have is
    ///     a ``DashboardError`` naming the reports it has.
    public static func load(
        client: OpenPanelClient, projectId: String, dashboard idOrName: String, base: ChartOptions, orgZone: TimeZone,
        window: ClosedRange<Date>? = nil, listings: DashboardListings? = nil, only: [String] = [], exclude: [String] = []
    ) async throws -> DashboardReport {
        let listings = listings ?? DashboardListings(client: client)
        let dashboards = try await listings.dashboards(projectId: projectId)
        let wanted = idOrName.lowercased()
        guard let dashboard = dashboards.first(where: { $0.id == idOrName }) ?? dashboards.first(where: { $0.name.lowercased() == wanted })
        else {
            let known = dashboards.isEmpty ? "it has none" : "dashboards: " + dashboards.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            throw DashboardError("no dashboard \(quoted(idOrName)) in project \(quoted(projectId)); \(known)")
        }
        let reports = try Self.selected(
            try await listings.reports(projectId: projectId, dashboardId: dashboard.id), only: only, exclude: exclude, dashboard: dashboard)
        let references = try await listings.references(projectId: projectId)
        var pages: [Page] = []
        for report in reports {
            if let window {
                pages.append(
                    await Self.overridden(
                        report, window: window, client: client, projectId: projectId, base: base, orgZone: orgZone, references: references))
                continue
            }
            if report.chartType == "metric" || report.chartType == "funnel" {
                do {
                    let body = try await client.reportAnswer(projectId: projectId, reportId: report.id)
                    let content: SummaryChart.Content =
                        report.chartType == "metric" ? .headlines(try ReportData.headlines(body).numbers) : .funnel(try ReportData.funnel(body).steps)
                    let page = SummaryChart(title: report.name, width: base.width, height: base.height, theme: base.theme, content: content)
                    pages.append(Page(report: report, chart: nil, summary: page, skipped: nil))
                } catch let error as OpenPanelError {
                    pages.append(Page(report: report, chart: nil, skipped: "its data could not be fetched: \(error.message)", failed: true))
                }
                continue
            }
            guard report.isTimeSeries else {
                pages.append(Page(report: report, chart: nil, skipped: Self.notDrawn(report.chartType)))
                continue
            }
            do {
                let data = try await client.reportData(projectId: projectId, reportId: report.id, orgZone: orgZone)
                var options = Self.options(for: report, base: base, orgZone: orgZone)
                let shown = Array(data.series.prefix(Self.seriesShown))
                // A formula (a rate, a ratio) drawn beside counts sits flat at the bottom on their axis: on a
                // line chart it gets the right axis, when there are counts to keep the left.
                let formulas = Set(report.series.filter { $0.type == "formula" }.compactMap(\.id))
                let onRight = zip(data.series, data.definitionIds).prefix(Self.seriesShown).filter { $0.1.map(formulas.contains) ?? false }.map(
                    \.0.name)
                if options.type == .line && !onRight.isEmpty && onRight.count < shown.count { options.rightAxis = onRight }
                let chart = Chart(options: options, series: shown, references: references, window: data.window)
                pages.append(Page(report: report, chart: chart, skipped: nil, seriesLeftOut: data.series.count - shown.count))
            } catch let error as OpenPanelError {
                pages.append(Page(report: report, chart: nil, skipped: "its data could not be fetched: \(error.message)", failed: true))
            }
        }
        let overridden = window != nil && pages.contains { $0.chart != nil }
        return DashboardReport(dashboard: dashboard, pages: pages, notes: overridden ? [Self.filtersNote] : [])
    }

    /// A time-series report over another window, from the Export API; or why it cannot be.
    private static func overridden(
        _ report: SavedReport, window: ClosedRange<Date>, client: OpenPanelClient, projectId: String, base: ChartOptions,
        orgZone: TimeZone, references: [Reference]
    ) async -> Page {
        func refused(_ why: String) -> Page {
            Page(
                report: report, chart: nil,
                skipped: "not drawn over the window asked for: \(why); without --from/--to/--last it is drawn over its saved range", failed: true)
        }
        guard report.isTimeSeries else {
            return report.chartType == "metric" || report.chartType == "funnel"
                ? refused("a \(report.chartType) report's numbers come only from OpenPanel's saved-report engine")
                : Page(report: report, chart: nil, skipped: Self.notDrawn(report.chartType))
        }
        if report.series.contains(where: { $0.type == "formula" }) {
            return refused("its formula is computed only by the saved report (the Export API has no formulas)")
        }
        let events = report.series.filter { $0.type == "event" }
        guard !events.isEmpty else { return refused("it has no event series") }
        let interval = report.interval.flatMap(ExportInterval.init(rawValue:)) ?? .day
        do {
            let series = try await Self.exported(
                events, breakdowns: report.breakdowns.map(\.name), interval: interval, window: window, client: client, projectId: projectId,
                orgZone: orgZone)
            let options = Self.options(for: report, base: base, orgZone: orgZone)
            let shown = Array(series.prefix(Self.seriesShown))
            return Page(
                report: report, chart: Chart(options: options, series: shown, references: references, window: window), skipped: nil,
                seriesLeftOut: series.count - shown.count)
        } catch let error as OpenPanelError {
            return Page(report: report, chart: nil, skipped: "its events could not be exported: \(error.message)", failed: true)
        } catch {
            return Page(report: report, chart: nil, skipped: "its events could not be exported: \(error)", failed: true)
        }
    }

    /// The report's event series over `window` from the Export API, named by display name: one call per
    /// segment (one segment a call there), in the report's order; with breakdowns one series per event and
    /// value (`Visitors · SE`), the largest first, as the data route and the dashboard order them.
    private static func exported(
        _ events: [SavedReport.Series], breakdowns: [String], interval: ExportInterval, window: ClosedRange<Date>, client: OpenPanelClient,
        projectId: String, orgZone: TimeZone
    ) async throws -> [MetricSeries] {
        let segments = events.map { $0.segment ?? "event" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var series: [MetricSeries] = []
        for segment in segments {
            let definitions = events.filter { ($0.segment ?? "event") == segment }
            let names = definitions.map { $0.name ?? "unknown_event" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let kind = segment == "event" ? nil : segment
            let answered: [ExportedSeries]
            if breakdowns.isEmpty {
                // Without breakdowns an event without data is its zeros, as the data route draws it.
                let plain = try await client.exportSeries(
                    projectId: projectId, events: names, segment: kind, interval: interval, window: window, orgZone: orgZone)
                answered = zip(names, plain).map { ExportedSeries(event: $0, breakdown: [], series: $1) }
            } else {
                answered = try await client.exportBreakdowns(
                    projectId: projectId, events: names, segment: kind, breakdowns: breakdowns, interval: interval, window: window,
                    orgZone: orgZone)
            }
            for definition in definitions {
                let name = definition.name ?? "unknown_event"
                for item in answered where item.event == name {
                    var drawn = item.series
                    drawn.name = ([definition.displayName ?? name] + item.breakdown).joined(separator: " · ")
                    series.append(drawn)
                }
            }
        }
        guard !breakdowns.isEmpty else { return series }
        return series.enumerated().sorted { ($0.element.values.reduce(0, +), -$0.offset) > ($1.element.values.reduce(0, +), -$1.offset) }.map(
            \.element)
    }

    /// The reports `only` names (all when empty), less those `exclude` names, in the dashboard's order.
    static func selected(_ reports: [SavedReport], only: [String], exclude: [String], dashboard: Dashboard) throws -> [SavedReport] {
        func matches(_ report: SavedReport, _ name: String) -> Bool { report.id == name || report.name.lowercased() == name.lowercased() }
        for name in only + exclude where !reports.contains(where: { matches($0, name) }) {
            let known = reports.isEmpty ? "it has none" : "reports: " + reports.map(\.name).joined(separator: ", ")
            throw DashboardError("no report \(quoted(name)) on dashboard \(quoted(dashboard.name)); \(known)")
        }
        return reports.filter { report in
            (only.isEmpty || only.contains { matches(report, $0) }) && !exclude.contains { matches(report, $0) }
        }
    }

    /// A report's chart options: the base's, with its name, the organisation's zone and its chart type
    /// (`linear` a line, `area` an area, `bar` and `histogram` bars per bucket).
    private static func options(for report: SavedReport, base: ChartOptions, orgZone: TimeZone) -> ChartOptions {
        var options = base
        options.title = report.name
        options.timezone = ZoneIdentifier(orgZone)
        options.type = report.chartType == "area" ? .area : report.chartType == "linear" ? .line : .bar
        return options
    }

    /// Why a report of `type` is not drawn: what its data means there (openpanel-dashboards-api.md 4.3).
    static func notDrawn(_ type: String) -> String {
        switch type {
        case "pie", "map": return "a \(type) report shows totals over the range; its data's time series would be misread"
        case "retention", "conversion", "sankey":
            return "OpenPanel computes a \(type) report with its own engine; the data route returns only the raw event series"
        default: return "refchart does not know the report type \(quoted(type))"
        }
    }
}

/// A dashboard that is not in the project, named with those that are.
public struct DashboardError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
