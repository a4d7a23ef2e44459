import ArgumentParser
import Foundation
import RefChart
import RefChartReport

/// `refchart dashboard`: OpenPanel's saved dashboards, listed and rendered as they are saved.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "List a project's saved OpenPanel dashboards, and render one as charts with its references.",
        subcommands: [List.self, Render.self])

    /// The project and the organisation's zone, shared by both subcommands.
    struct Project: ParsableArguments {
        @Option(name: [.customLong("project"), .customLong("openpanel-project")], help: ArgumentHelp("The OpenPanel project.", valueName: "id"))
        var project: String

        @Option(
            help: ArgumentHelp(
                "The OpenPanel organization's IANA zone, in which report data is written (default: $OPENPANEL_ORG_TIMEZONE or UTC).",
                valueName: "zone"))
        var orgTimezone: String?

        var organizationZone: TimeZone {
            get throws {
                let text = orgTimezone ?? ProcessInfo.processInfo.environment["OPENPANEL_ORG_TIMEZONE"]
                return try zone(text, .orgTimezone)?.zone ?? .gmt
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List a project's dashboards and their reports (a root client).",
            discussion: "Example: refchart dashboard list --project my-project")
        @OptionGroup var api: OpenPanelOptions
        @OptionGroup var deadline: DeadlineOption
        @OptionGroup var project: Project

        func run() async throws {
            deadline.arm()
            try await reportingErrors {
                let client = try api.client()
                for dashboard in try await client.dashboards(projectId: project.project) {
                    print("\(dashboard.id)\t\(dashboard.name)")
                    for report in try await client.reports(projectId: project.project, dashboardId: dashboard.id) {
                        print("  \(report.id)\t\(report.chartType)\t\(report.range ?? "")\t\(report.name)")
                    }
                }
            }
        }
    }

    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render", abstract: "Render a saved dashboard: one page per time-series report, in the dashboard's order.",
            discussion: """
                Example:
                  refchart dashboard render --project my-project --dashboard Marketing -o marketing.pdf
                  refchart dashboard render --project my-project --dashboard Marketing --last 7d --report Visitors --impact -o week.pdf

                Each report is drawn with its saved range, interval and series (display names, formulas and \
                breakdowns as OpenPanel computed them), the project's references on every chart; a metric \
                report as headline numbers (previous period and change), a funnel as its steps. Pie, map, \
                retention, conversion and sankey reports are listed with the reason they were not drawn. With \
                --from/--to/--last the event series (segments, breakdowns, interval) are drawn over that window \
                through the Export API; a report with a formula, and metric and funnel reports, are then refused \
                saying why. Exit 0 when every time-series report was drawn, 1 when the data of any could not be \
                fetched, 4 for a dashboard or --report name that is not there.
                """)
        @OptionGroup var api: OpenPanelOptions
        @OptionGroup var deadline: DeadlineOption
        @OptionGroup var project: Project

        @Option(help: ArgumentHelp("The dashboard, by id or by name.", valueName: "id|name"))
        var dashboard: String

        @Option(name: [.short, .long], help: ArgumentHelp("The PDF to write (a page per report), or with --format png a folder.", valueName: "file"))
        var output: String

        @Option(help: "pdf (one file, a page per report) or png (one file per report in the --output folder).")
        var format: ChartFormat = .pdf

        @Option(help: "The width of each chart in pixels.") var width = 1200
        @Option(help: "The height of each chart in pixels.") var height = 600
        @Option(help: "light or dark.") var theme: ChartTheme = .light

        @Option(name: .customLong("report"), help: ArgumentHelp("Draw only this report (name or id); repeat for several.", valueName: "name"))
        var only: [String] = []

        @Option(help: ArgumentHelp("Leave out this report (name or id); repeat for several.", valueName: "name"))
        var excludeReport: [String] = []

        @Flag(help: "Impact numbers: after each reference's label, how the first series' mean after it differs from its mean before.")
        var impact = false

        @Option(parsing: .unconditional, help: ArgumentHelp("The window each side of a reference for --impact (default 7d).", valueName: "duration"))
        var impactWindow = "7d"

        @OptionGroup(title: "Another window than each report's saved one (through the Export API)") var window: WindowOptions

        func run() async throws {
            deadline.arm()
            var base = ChartOptions()
            (base.width, base.height, base.theme, base.impact) = (width, height, theme, impact)
            base.impactWindow = try duration(impactWindow, .impactWindow)!
            let loaded: DashboardReport
            do {
                loaded = try await reportingErrors {
                    let zone = try project.organizationZone
                    return try await DashboardReport.load(
                        client: try api.client(), projectId: project.project, dashboard: dashboard, base: base, orgZone: zone,
                        window: try overrideWindow(in: zone), only: only, exclude: excludeReport)
                }
            } catch let error as DashboardError {
                throw fail(error.description, status: ExitStatus.notFound)
            }
            try await reportingErrors {
                let written = try DashboardOutput.write(loaded, format: format, to: output, zone: try project.organizationZone)
                for line in written { print(line) }
            }
            for note in loaded.notes { printWarning(note) }
            let skipped = loaded.pages.filter { $0.chart == nil && $0.summary == nil }
            for page in skipped {
                printWarning("report \(quoted(page.report.name)) (\(page.report.chartType)) not drawn: \(page.skipped ?? "")")
            }
            if skipped.contains(where: \.failed) { throw ExitCode(ExitStatus.failure) }
        }

        /// `--from`/`--to`/`--last` in the organisation's zone; `nil` keeps each report's saved range.
        private func overrideWindow(in zone: TimeZone) throws -> ClosedRange<Date>? {
            try DashboardJob.window(from: window.from, to: window.to, last: try duration(window.last, .last), zone: zone, now: Date())
        }
    }
}
