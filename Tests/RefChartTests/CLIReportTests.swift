import Foundation
import OpenPanel
import OpenPanelMockServer
import RefChart
import RefChartReport
import Testing

/// `refchart report` run as a scheduled job would run it, against the OpenPanel mock on loopback.
@Suite(.serialized)
struct CLIReportTests {
    static let csv =
        "timestamp,value\n"
        + (0..<48).map { "2024-03-0\(1 + $0 / 24)T\(String(format: "%02d", $0 % 24)):00:00Z,\($0 * 7 % 50)" }.joined(separator: "\n") + "\n"

    /// A folder with data, references and a 12-chart jobs file: 10 charts that can render, one broken
    /// CSV, one unknown OpenPanel project.
    static func workspace(server: URL) throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try csv.write(to: dir.appendingPathComponent("data/metrics.csv"), atomically: true, encoding: .utf8)
        try "timestamp,value\n2024-03-01T00:00:00Z,1\n2024-03-01T01:00:00Z,lots\n"
            .write(to: dir.appendingPathComponent("data/broken.csv"), atomically: true, encoding: .utf8)
        try #"[{"title": "Local launch", "date": "2024-03-01T12:00:00Z"}]"#
            .write(to: dir.appendingPathComponent("data/refs.json"), atomically: true, encoding: .utf8)
        var charts: [String] = []
        for i in 0..<8 {
            let project = i % 2 == 0 ? "acme-web" : "acme-app"
            charts.append("  - name: local-\(i)\n    openpanelProject: \(project)\n")
        }
        charts.append("  - name: url-a\n    csv: \(server.absoluteString)/files/metrics.csv\n    formats: [png, svg]\n")
        charts.append("  - name: url-b\n    csv: \(server.absoluteString)/files/metrics.csv\n    openpanelProject: acme-web\n")
        charts.append("  - name: broken\n    csv: data/broken.csv\n")
        charts.append("  - name: unknown-project\n    openpanelProject: no-such-project\n")
        let yaml = """
            defaults:
              csv: data/metrics.csv
              references: [data/refs.json]
              width: 640
              height: 360
              output: out/{name}.{format}
            charts:

            """ + charts.joined() + "pdf: out/all.pdf\n"
        try yaml.write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func aTwelveChartJobIsolatesItsTwoFailures() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        await fixture.api.serve(Self.csv, at: "/files/metrics.csv")
        await fixture.api.seed(projectId: "acme-web", title: "Web release", date: "2024-03-01T08:00:00.000Z")
        await fixture.api.seed(projectId: "acme-app", title: "App release", date: "2024-03-02T08:00:00.000Z")
        let dir = try Self.workspace(server: fixture.server.baseURL)
        let result = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--summary", "summary.json", "--jobs", "4"], in: dir, environment: fixture.environment)
        #expect(result.status == 1, "\(result.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.ok == 10 && summary.failed == 2)
        #expect(summary.charts.map(\.name) == (0..<8).map { "local-\($0)" } + ["url-a", "url-b", "broken", "unknown-project"])
        let failed = summary.charts.filter { $0.status == .failed }
        #expect(failed.map(\.name) == ["broken", "unknown-project"])
        #expect(failed.map { $0.error?.kind } == ["input", "openpanel"])
        #expect(failed[0].error?.message.contains("broken.csv:3: column \"value\": \"lots\" is not a number") == true)
        #expect(failed[1].error?.message.contains("Project not found") == true)
        #expect(result.stderr.contains("refchart: error: chart broken:"))
        // Every chart that rendered wrote decodable images; the failed ones wrote nothing.
        let out = dir.appendingPathComponent("out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(!files.contains { $0.hasPrefix("broken") || $0.hasPrefix("unknown-project") || $0.hasPrefix(".") })
        for chart in summary.charts where chart.status == .ok {
            #expect(chart.references?.label ?? 0 >= 1)
            for path in chart.outputs where path.hasSuffix(".png") {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                #expect(RenderTests.pngSize(bytes).map { [$0.0, $0.1] } == [640, 360], "\(path)")
            }
        }
        #expect(summary.charts.first { $0.name == "url-a" }?.outputs.count == 2)
        // One client for the run: each project's references fetched once, the CSV URL downloaded once.
        let lists = await fixture.api.log.filter { $0.method == "GET" && $0.path == "/manage/references" }
        #expect(lists.map { $0.query["projectId"] ?? "" }.sorted() == ["acme-app", "acme-web", "no-such-project"])
        #expect(await fixture.api.fileFetches["/files/metrics.csv"] == 1)
        #expect(await fixture.api.count(status: 429) == 0)
        // The combined PDF has a page per rendered chart.
        let pdf = try String(decoding: Data(contentsOf: out.appendingPathComponent("all.pdf")), as: UTF8.self)
        #expect(PDFProbe.pageCount(pdf) == 11, "10 charts and the cover")
        #expect(summary.pdf?.pages == 11)
    }

    /// The scheduled OpenPanel report: a CSV chart and two charts of OpenPanel events side by side, the
    /// defaults naming the CSV (an `events` chart's own source replaces it), the org zone from the file.
    @Test func aJobFileDrawsOpenPanelEventsBesideACSV() async throws {
        let fixture = try await ExportTests.stockholm()
        defer { Task { await fixture.stop() } }
        await fixture.api.seed(projectId: "acme-web", title: "Launch", date: "2024-03-12T08:00:00.000Z")
        let dir = try TestSupport.temporaryDirectory()
        try Self.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            defaults:
              csv: m.csv
              width: 640
              height: 360
              output: out/{name}.{format}
            charts:
              - name: from-csv
              - name: screen-views
                openpanelProject: acme-web
                events: screen_view
                interval: day
                orgTimezone: Europe/Stockholm
                from: "2024-03-11T00:00:00+01:00"
                to: "2024-03-14T00:00:00+01:00"
                layoutReport: out/{name}.json
              - name: hourly-with-segment
                openpanelProject: acme-web
                events: [screen_view, sign_up]
                segment: user
                interval: hour
                orgTimezone: Europe/Stockholm
                from: "2024-03-11T00:00:00+01:00"
                to: "2024-03-14T00:00:00+01:00"

            """
        try yaml.write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let check = try await CLIRunner.runAsync(["report", "jobs.yaml", "--check"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        let result = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--summary", "summary.json"], in: dir, environment: fixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.charts.map(\.status) == [.ok, .ok, .ok], "\(summary.charts.compactMap(\.error))")
        for chart in summary.charts {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: chart.outputs[0])))
            #expect(RenderTests.pngSize(bytes).map { [$0.0, $0.1] } == [640, 360])
        }
        // The daily chart drew the export's three Stockholm days and the project's reference.
        let report = try JSONDecoder().decode(
            LayoutReport.self, from: Data(contentsOf: dir.appendingPathComponent("out/screen-views.json")))
        #expect(report.references.map(\.title) == ["Launch"])
        let exports = await fixture.api.log.filter { $0.path == "/export/charts" }
        #expect(exports.map { $0.query["interval"] ?? "" }.sorted() == ["day", "hour"])
        let hourly = try #require(exports.first { $0.query["interval"] == "hour" })
        #expect(hourly.query["series"]?.contains("\"segment\":\"user\"") == true, "\(hourly.query)")
        #expect(hourly.query["startDate"] == "2024-03-11T00:00:00+01:00")
        // CSV and events in one chart is refused at load time, naming the line.
        try "charts:\n  - name: both\n    csv: m.csv\n    events: [a]\n    openpanelProject: p\n    output: o.png\n"
            .write(to: dir.appendingPathComponent("both.yaml"), atomically: true, encoding: .utf8)
        let both = try await CLIRunner.runAsync(["report", "both.yaml", "--check"], in: dir)
        #expect(both.status == 64)
        #expect(both.stderr.contains("both.yaml:4:") && both.stderr.contains("cannot be used with a CSV"), "\(both.stderr)")
    }

    @Test func concurrentChartsShareOnePacedClient() async throws {
        // 24 charts, each with its own project, against a server allowing 8 requests per 2 s.
        let projects = (0..<24).map { "project-\($0)" }
        let api = MockOpenPanel(
            clients: [.init(id: OpenPanelFixture.rootId, secret: OpenPanelFixture.secret)], projects: Set(projects), limit: 8,
            window: 2)
        let server = try await MockOpenPanelServer(api: api)
        defer { Task { await server.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        try Self.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let charts = projects.map { "  - name: \($0)\n    openpanelProject: \($0)\n" }.joined()
        let job = try ReportJob.parse(
            "defaults:\n  csv: m.csv\n  width: 300\n  height: 200\n  output: out/{name}.png\ncharts:\n" + charts,
            file: dir.appendingPathComponent("jobs.yaml").path)
        let client = OpenPanelClient(
            credentials: OpenPanelCredentials(clientId: OpenPanelFixture.rootId, clientSecret: OpenPanelFixture.secret),
            configuration: OpenPanelConfiguration(baseURL: server.baseURL, requestsPerWindow: 8, rateWindow: 2))
        let summary = try await ReportRunner(job: job, concurrency: 8).run(openPanel: { client })
        #expect(summary.ok == 24, "\(summary.charts.compactMap(\.error))")
        #expect(await api.log.count == 24)
        #expect(await api.count(status: 429) == 0)
    }

    @Test func aTypoExitsSixtyFourWithItsLineAndRendersNothing() async throws {
        let dir = try TestSupport.temporaryDirectory()
        try Self.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        try "charts:\n  - name: a\n    csv: m.csv\n    output: a.png\n  - name: b\n    csv: m.csv\n    output: b.png\n    tittle: B\n"
            .write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("jobs.yaml:8:5: unknown chart key \"tittle\" (did you mean \"title\"?)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["jobs.yaml", "m.csv"])
        let check = try await CLIRunner.runAsync(["report", "jobs.yaml", "--check"], in: dir)
        #expect(check.status == 64)
    }

    /// Negative values get the option's own range message (exit 64), not argument-parser's "Missing value".
    @Test(arguments: [
        (["report", "jobs.yaml", "--shard", "-1/2"], "--shard -1/2 is not a shard"),
        (["report", "jobs.yaml", "--jobs", "-1"], "--jobs -1 is out of range: use 1 to 256"),
        (["render", "--csv", "m.csv", "-o", "x.png", "--impact", "--impact-window", "-7d"], "--impact-window \"-7d\" is not a duration"),
    ])
    func negativeValuesGetTheirRangeMessage(arguments: [String], message: String) async throws {
        let dir = try TestSupport.temporaryDirectory()
        try Self.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        try "charts:\n  - name: a\n    csv: m.csv\n    output: a.png\n".write(
            to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.runAsync(arguments, in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message) && !result.stderr.contains("Missing value"), "\(result.stderr)")
    }

    /// `-` and `/dev/stdin` read the jobs file from standard input, its paths from the current folder;
    /// a chart cannot take its CSV from standard input (the workers' is their work queue).
    @Test func aJobsFileFromStandardInput() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Self.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let yaml = "charts:\n  - name: a\n    csv: m.csv\n    width: 300\n    height: 200\n    output: \"out/a\\nb.png\"\n"
        for jobs in ["-", "/dev/stdin"] {
            let run = try CLIRunner.run(["report", jobs, "--summary", "s.json"], in: dir, stdin: yaml)
            #expect(run.status == 0, "\(run.stderr)")
            // The path's newline is shown escaped: it cannot fake a second progress line.
            #expect(run.stderr.contains("ok a (") && run.stderr.contains("out/a\\nb.png\""), "\(run.stderr)")
            let png = try Data(contentsOf: dir.appendingPathComponent("out/a\nb.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            try FileManager.default.removeItem(at: dir.appendingPathComponent("out"))
        }
        let typo = try CLIRunner.run(["report", "-", "--check"], in: dir, stdin: yaml + "    tittle: A\n")
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("standard input:7:5: unknown chart key \"tittle\""), "\(typo.stderr)")
        let piped = try CLIRunner.run(["report", "-"], in: dir, stdin: "charts:\n  - name: a\n    csv: \"-\"\n    output: a.png\n")
        #expect(piped.status == 64)
        #expect(piped.stderr.contains("standard input:3:10: chart \"a\": csv: cannot be standard input (-) in a report"), "\(piped.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("refchart-jobs-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func checkOnlyAndShardSelectCharts() async throws {
        let dir = try TestSupport.temporaryDirectory()
        try Self.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let charts = (0..<5).map { "  - name: c\($0)\n" }.joined()
        try ("defaults:\n  csv: m.csv\n  width: 300\n  height: 200\n  output: out/{name}.png\ncharts:\n" + charts)
            .write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let check = try await CLIRunner.runAsync(["report", "jobs.yaml", "--check"], in: dir)
        #expect(check.status == 0)
        #expect(String(decoding: check.stdout, as: UTF8.self).contains("5 charts, valid"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        let shard = try await CLIRunner.runAsync(["report", "jobs.yaml", "--shard", "1/2", "--summary", "-", "--quiet"], in: dir)
        #expect(shard.status == 0, "\(shard.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: shard.stdout)
        #expect(summary.charts.map(\.name) == ["c1", "c3"])
        #expect(shard.stderr.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted() == ["c1.png", "c3.png"])
        let only = try await CLIRunner.runAsync(["report", "jobs.yaml", "--only", "c4", "--only", "nope"], in: dir)
        #expect(only.status == 64)
        #expect(only.stderr.contains("there is no chart named \"nope\""))
        let badShard = try await CLIRunner.runAsync(["report", "jobs.yaml", "--shard", "2/2"], in: dir)
        #expect(badShard.status == 64)
    }
}

/// Reads a PDF's page tree: enough to count pages without a PDF library.
enum PDFProbe {
    /// The number of page objects (`/Type /Page`, not `/Pages`).
    static func pageCount(_ pdf: String) -> Int {
        pdf.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }
}
