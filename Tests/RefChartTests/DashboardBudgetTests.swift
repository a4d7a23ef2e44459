import Foundation
import OpenPanelMockServer
import RefChart
import RefChartReport
import Testing

/// The budget of a 10-report dashboard (issue 25): ≤ 1 + 1 + 10 + 1 calls, and the time its drawing takes
/// apart from the network, printed for the notes (never asserted: no timed assertions).
@Suite struct DashboardBudgetTests {
    @Test func aTenReportDashboardCostsThirteenCallsAndIsTenPagesAfterItsCover() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        for day in stride(from: 1, through: 28, by: 3) {
            await fixture.api.seed(projectId: "acme-web", title: "Release 1.\(day)", date: String(format: "2024-03-%02dT09:00:00.000Z", day))
        }
        let days = (1...30).map { String(format: "2024-03-%02d 00:00:00", $0) }
        let reports = (0..<10).map { index -> (listing: String, data: String) in
            let id = String(format: "%08d-1111-4111-8111-111111111111", index)
            let events = ["screen_view", "sign_up", "purchase"]
            let listing = """
                {"id":"\(id)","name":"Report \(index + 1)","chartType":"\(["linear", "area", "bar"][index % 3])","range":"30d","interval":"day",
                 "series":[\(events.map { #"{"type":"event","id":"\#($0.prefix(4))","name":"\#($0)"}"# }.joined(separator: ","))],"breakdowns":[]}
                """
            let series = events.enumerated().map { position, event in
                let points = days.enumerated().map { #"{"date":"\#($1)","count":\#((position + 1) * 100 + ($0 * 7 + index) % 50)}"# }
                return
                    #"{"id":"\#(event)","names":["\#(event)"],"event":{"id":"\#(event.prefix(4))","name":"\#(event)"},"data":[\#(points.joined(separator: ","))]}"#
            }
            let data = """
                {"id":"\(id)","name":"Report \(index + 1)","chartType":"linear","range":"30d","interval":"day",
                 "startDate":"2024-03-01 00:00:00","endDate":"2024-03-31 00:00:00","data":{"series":[\(series.joined(separator: ","))]}}
                """
            return (listing, data)
        }
        await fixture.api.addDashboard(projectId: "acme-web", id: "ten", name: "Ten", reports: reports)
        let clock = ContinuousClock()
        var report: DashboardReport?
        let fetched = try await clock.measure {
            report = try await DashboardReport.load(
                client: fixture.client(timeout: 60), projectId: "acme-web", dashboard: "Ten", base: ChartOptions(), orgZone: .gmt)
        }
        let loaded = try #require(report)
        #expect(loaded.pages.count == 10 && loaded.pages.allSatisfy { $0.chart?.series.count == 3 })
        #expect(loaded.pages[0].chart?.references.count == 10)
        let calls = await fixture.api.log.map(\.path)
        #expect(calls.count == 13, "1 dashboards + 1 reports + 1 references + 10 data: \(calls)")
        let pdf = try TestSupport.temporaryDirectory().appendingPathComponent("ten.pdf").path
        let drawn = try clock.measure { _ = try DashboardOutput.write(loaded, format: .pdf, to: pdf) }
        #expect(
            PDFProbe.pageCount(String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)) == 11, "10 reports and the cover")
        print(
            "10-report dashboard: \(calls.count) calls, fetched and laid out in \(fetched), drawn to an 11-page PDF (cover and 10 reports) in \(drawn)"
        )
    }
}
