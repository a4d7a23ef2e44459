import Foundation
import OpenPanelMockServer
import RefChart
import RefChartReport
import Testing

/// Dashboards in a sharded run: they continue the charts' round (position p after the charts goes to shard
/// p mod N), so every dashboard is rendered by exactly one shard and the assembly names them all.
@Suite struct DashboardShardTests {
    @Test func fourShardsRenderEachDashboardOnceAndTheAssemblyHasThemAll() async throws {
        let fixture = try await DashboardTests.fixture()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        try CLIReportTests.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let charts = (0..<3).map { "  - name: c\($0)\n" }.joined()
        let dashboards = (0..<2).map {
            "  - name: g\($0)\n    project: acme-web\n    dashboard: Growth\n    orgTimezone: Europe/Stockholm\n    output: out/g\($0).pdf\n"
        }.joined()
        try
            ("defaults:\n  csv: m.csv\n  width: 300\n  height: 200\n  output: out/{name}.png\ncharts:\n" + charts + "dashboards:\n" + dashboards
            + "pdf: out/report.pdf\n").write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let results = try await withThrowingTaskGroup(of: CLIRunner.Result.self) { group in
            for index in 0..<4 {
                group.addTask {
                    try await CLIRunner.runAsync(
                        ["report", "jobs.yaml", "--shard", "\(index)/4", "--summary", "out/summary-{shard}.json", "--quiet"], in: dir,
                        environment: fixture.environment)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        func summary(_ name: String) throws -> ReportSummary {
            try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("out/\(name)")))
        }
        // Positions 0-2 are the charts, 3 and 4 the dashboards: shard 3 has g0, shard 0 has c0 and g1.
        #expect(try summary("summary-3-of-4.json").charts.map(\.name) == ["g0"])
        #expect(try summary("summary-0-of-4.json").charts.map(\.name) == ["c0", "g1"])
        for name in ["g0", "g1"] {
            let pdf = try String(decoding: Data(contentsOf: dir.appendingPathComponent("out/\(name).pdf")), as: UTF8.self)
            #expect(PDFProbe.pageCount(pdf) == 6, "5 reports and the cover")
        }
        // Each dashboard was fetched once: two dashboards' data calls (5 each), no more.
        #expect(await fixture.api.log.filter { $0.path.hasSuffix("/data") }.count == 10)
        let assembled = try await CLIRunner.runAsync(["report", "jobs.yaml", "--assemble", "--summary", "out/summary.json"], in: dir)
        #expect(assembled.status == 0, "\(assembled.stderr)")
        let whole = try summary("summary.json")
        #expect(whole.charts.map(\.name) == ["c0", "c1", "c2", "g0", "g1"] && whole.ok == 5)
        #expect(
            PDFProbe.pageCount(String(decoding: try Data(contentsOf: dir.appendingPathComponent("out/report.pdf")), as: UTF8.self)) == 4,
            "3 charts and the cover")
    }
}
