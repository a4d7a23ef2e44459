public import Foundation
public import RefChart

/// A saved OpenPanel dashboard in a jobs file (`dashboards:`), rendered after the charts:
///
///     dashboards:
///       - name: growth               # unique among charts and dashboards
///         project: acme-web
///         dashboard: Growth          # id or name
///         output: out/growth.pdf     # a PDF, a page per report; or a folder with format: png
///         last: 7d                   # optional: another window than each report's saved one
///         only: [Visitors, Purchases] # optional: these reports only (by name or id); or exclude: [...]
///         impact: true               # optional: impact numbers after each reference's label
public struct DashboardJob: Sendable {
    public var name: String
    public var project: String
    /// The dashboard's id or name.
    public var dashboard: String
    /// The PDF, or for PNG the folder (resolved against the jobs file's folder).
    public var output: String
    public var format: ChartFormat = .pdf
    public var width = 1200
    public var height = 600
    public var theme = ChartTheme.light
    /// The organisation's zone (default: `OPENPANEL_ORG_TIMEZONE`, else UTC).
    public var orgTimezone: ZoneIdentifier?
    public var from: String?
    public var to: String?
    public var last: RelativeWindow?
    /// Reports to draw (names or ids); empty: all.
    public var only: [String] = []
    /// Reports to leave out (names or ids).
    public var exclude: [String] = []
    /// Impact numbers on every time chart, over `impactWindow` each side of a reference.
    public var impact = false
    public var impactWindow = RelativeWindow("7d")!

    /// The keys a dashboard entry may have.
    static let keys: Set<String> = [
        "name", "project", "dashboard", "output", "format", "width", "height", "theme", "orgTimezone", "from", "to", "last", "only", "exclude",
        "impact", "impactWindow",
    ]

    /// The organisation's zone this entry reads data in.
    public var zone: TimeZone {
        orgTimezone?.zone ?? ProcessInfo.processInfo.environment["OPENPANEL_ORG_TIMEZONE"].flatMap(TimeZone.init(identifier:)) ?? .gmt
    }

    /// The window asked for instead of the saved ones; `nil` keeps each report's own.
    /// - Throws: ``ChartRequestError`` for a window that ends before it starts or a date it cannot read.
    public func window(now: Date) throws -> ClosedRange<Date>? {
        try Self.window(from: from, to: to, last: last, zone: zone, now: now)
    }

    /// `from`/`to`/`last` as a window in `zone` (`from` alone runs to `now`); `nil` when none is given, so
    /// each report keeps its saved range. The jobs file's entries and `refchart dashboard render` share it.
    public static func window(from: String?, to: String?, last: RelativeWindow?, zone: TimeZone, now: Date) throws -> ClosedRange<Date>? {
        guard from != nil || to != nil || last != nil else { return nil }
        var request = ChartRequest()
        (request.from, request.to, request.last, request.timezone) = (from, to, last, ZoneIdentifier(zone))
        return try request.window(dataExtent: now.timeIntervalSince1970...now.timeIntervalSince1970, now: now)
    }

    /// Its summary entry when it cannot run at all (no OpenPanel client).
    public func failed(_ error: any Error) -> ReportSummary.Chart {
        ReportSummary.Chart(name: name, status: .failed, outputs: [], seconds: 0, references: nil, error: ReportRunner.failure(error), warnings: [])
    }

    /// Renders the dashboard and writes it; its summary entry (warnings name the reports not drawn).
    public func run(client: OpenPanelClient, listings: DashboardListings, now: Date) async -> ReportSummary.Chart {
        let clock = ContinuousClock.now
        var entry = ReportSummary.Chart(name: name, status: .ok, outputs: [], seconds: 0, references: nil, error: nil, warnings: [])
        do {
            var base = ChartOptions()
            (base.width, base.height, base.theme, base.impact, base.impactWindow) = (width, height, theme, impact, impactWindow)
            let report = try await DashboardReport.load(
                client: client, projectId: project, dashboard: dashboard, base: base, orgZone: zone, window: try window(now: now),
                listings: listings, only: only, exclude: exclude)
            _ = try DashboardOutput.write(report, format: format, to: output, now: now, zone: zone)
            entry.outputs = format == .pdf ? [output] : [output + "/"]
            entry.warnings += report.notes
            for page in report.pages where page.chart == nil && page.summary == nil {
                entry.warnings.append("report \(quoted(page.report.name)) (\(page.report.chartType)) not drawn: \(page.skipped ?? "")")
            }
            if let failed = report.pages.first(where: \.failed) {
                entry.status = .failed
                entry.error = .init(kind: "openpanel", message: "report \(quoted(failed.report.name)): \(failed.skipped ?? "")")
            }
        } catch let error as any RefChartFailure {
            entry.status = .failed
            entry.error = ReportRunner.failure(error)
        } catch {
            entry.status = .failed
            entry.error = .init(kind: error is DashboardError ? "openpanel" : "internal", message: "\(error)")
        }
        let elapsed = ContinuousClock.now - clock
        entry.seconds = (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15).rounded() / 1000
        return entry
    }
}
