import Foundation
import OpenPanelMockServer
import RefChart
import RefChartReport
import Testing

/// One rule for the display zone (``ChartRequest/zone(environment:)``), whichever front end built the
/// request: `timezone` when given; an export's organisation zone; else UTC. It lived in the CLI alone, so
/// job files and library callers drawing `events` got a UTC axis while `render` got the org zone.
@Suite(.serialized)
struct ZoneRuleTests {
    static let utc = TimeZone(identifier: "UTC")!

    @Test func theLibrarysRequestsFollowTheRule() throws {
        var request = ChartRequest(csv: "a.csv")
        #expect(try request.zone(environment: ["OPENPANEL_ORG_TIMEZONE": "Asia/Tokyo"]) == Self.utc, "a CSV is not an export")
        request = ChartRequest()
        request.events = ["screen_view"]
        request.openpanelProject = "acme-web"
        #expect(try request.zone(environment: [:]) == Self.utc)
        #expect(try request.zone(environment: ["OPENPANEL_ORG_TIMEZONE": "Asia/Tokyo"]).identifier == "Asia/Tokyo")
        request.orgTimezone = ZoneIdentifier("Europe/Stockholm")
        #expect(try request.zone(environment: ["OPENPANEL_ORG_TIMEZONE": "Asia/Tokyo"]).identifier == "Europe/Stockholm")
        request.timezone = ZoneIdentifier("America/New_York")
        #expect(try request.zone(environment: [:]).identifier == "America/New_York", "a given zone wins")
        request.timezone = nil
        request.orgTimezone = nil
        #expect(throws: ChartRequestError.self) { try request.zone(environment: ["OPENPANEL_ORG_TIMEZONE": "Mars/Base"]) }
    }

    @Test func aJobFilesExportChartUsesTheOrganisationsZone() throws {
        let yaml = """
            charts:
              - name: views
                openpanelProject: acme-web
                events: screen_view
                orgTimezone: Europe/Stockholm
                output: views.png
              - name: views-utc
                openpanelProject: acme-web
                events: [screen_view]
                orgTimezone: Europe/Stockholm
                timezone: UTC
                output: views-utc.png
            """
        let job = try ReportJob.parse(yaml, file: "/tmp/jobs.yaml")
        #expect(try job.charts.map { try $0.zone(environment: [:]) } == [TimeZone(identifier: "Europe/Stockholm")!, Self.utc])
    }

    /// The whole way: `render --event` and a report's export chart, both without `--timezone`, caption
    /// their axis in the organisation's zone.
    @Test func renderAndReportCaptionTheAxisInTheOrganisationsZone() async throws {
        let fixture = try await ExportTests.stockholm()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        var environment = fixture.environment
        environment["OPENPANEL_ORG_TIMEZONE"] = "Europe/Stockholm"
        let window = ["--from", "2024-03-11", "--to", "2024-03-14"]
        let svg = dir.appendingPathComponent("render.svg").path
        let rendered = try await CLIRunner.runAsync(
            ["render", "--openpanel-project", "acme-web", "--event", "screen_view", "--interval", "hour", "-o", svg] + window,
            environment: environment)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("Times in Europe/Stockholm"))

        let jobs = dir.appendingPathComponent("jobs.yaml")
        try Data(
            """
            charts:
              - name: export
                openpanelProject: acme-web
                events: screen_view
                interval: hour
                from: 2024-03-11
                to: 2024-03-14
                output: report-{name}.svg
            """.utf8
        ).write(to: jobs)
        let report = try await CLIRunner.runAsync(["report", jobs.path], environment: environment)
        #expect(report.status == 0, "\(report.stderr)")
        let reportSVG = try String(contentsOfFile: dir.appendingPathComponent("report-export.svg").path, encoding: .utf8)
        #expect(reportSVG.contains("Times in Europe/Stockholm"))
    }
}
