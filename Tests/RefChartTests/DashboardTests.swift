import Foundation
import OpenPanel
import OpenPanelMockServer
import RefChart
import RefChartReport
import Testing

/// A saved OpenPanel dashboard rendered as it is saved, against the mock's dashboards, reports and report
/// data (openpanel-dashboards-api.md): display names and formulas as served, breakdowns, the org zone, the
/// types that are not time series named with their reason, and the calls it costs.
@Suite(.serialized)
struct DashboardTests {
    /// `Growth` in acme-web: a formula report, a 3-value breakdown, a metric, a funnel and a retention report.
    static func fixture() async throws -> OpenPanelFixture {
        let fixture = try await OpenPanelFixture.start()
        await fixture.api.setOrgZone(TimeZone(identifier: "Europe/Stockholm")!)
        await fixture.api.seed(projectId: "acme-web", title: "Launch", date: "2024-03-03T08:00:00.000Z")
        let days = (1...7).map { "2024-03-0\($0) 00:00:00" }
        func points(_ values: [Double]) -> String {
            zip(days, values).map { "{\"date\":\"\($0)\",\"count\":\($1)}" }.joined(separator: ",")
        }
        func data(_ id: String, _ name: String, _ type: String, _ series: String) -> String {
            """
            {"id":"\(id)","name":"\(name)","chartType":"\(type)","range":"7d","interval":"day",
             "startDate":"2024-03-01 00:00:00","endDate":"2024-03-08 00:00:00","data":{"series":[\(series)],"metrics":{"sum":0}}}
            """
        }
        func listing(_ id: String, _ name: String, _ type: String, formula: Bool = false, breakdown: Bool = false) -> String {
            let extra = formula ? #",{"type":"event","id":"sU9p","name":"sign_up"},{"type":"formula","id":"fx03","formula":"B/A*100"}"# : ""
            let breakdowns = breakdown ? #"{"id":"bd01","name":"country"}"# : ""
            return """
                {"id":"\(id)","name":"\(name)","chartType":"\(type)","range":"7d","interval":"day","metric":"sum",
                 "series":[{"type":"event","id":"vS1t","name":"screen_view","displayName":"Visitors","segment":"event"}\(extra)],"breakdowns":[\(breakdowns)]}
                """
        }
        let formula = data(
            "11111111-1111-4111-8111-111111111111", "Visitors and sign-ups", "linear",
            """
            {"id":"screenview-vs1t","names":["(A) Visitors"],"event":{"id":"vS1t","name":"screen_view"},"data":[\(points([200, 210, 190, 250, 240, 230, 220]))]},
            {"id":"signup-su9p","names":["(B) sign_up"],"event":{"id":"sU9p","name":"sign_up"},"data":[\(points([10, 12, 8, 20, 18, 15, 11]))]},
            {"id":"formula-fx03-default","names":["(C) B/A*100"],"event":{"id":"fx03","name":"B/A*100"},"data":[\(points([5, 5.71, 4.21, 8, 7.5, 6.52, 5]))]}
            """)
        let breakdown = data(
            "22222222-2222-4222-8222-222222222222", "Visitors by country", "bar",
            ["SE", "DE", "US"].enumerated().map { k, country in
                "{\"id\":\"sv-\(country)\",\"names\":[\"screen_view\",\"\(country)\"],\"event\":{\"id\":\"sv\",\"name\":\"screen_view\",\"breakdowns\":{\"country\":\"\(country)\"}},\"data\":[\(points((0..<7).map { Double(100 - 30 * k + $0) }))]}"
            }.joined(separator: ","))
        let plain = data(
            "66666666-6666-4666-8666-666666666666", "Screen views", "area",
            "{\"id\":\"sv\",\"names\":[\"Visitors\"],\"event\":{\"id\":\"vS1t\",\"name\":\"screen_view\"},\"data\":[\(points([200, 210, 190, 250, 240, 230, 220]))]}"
        )
        let metric = data(
            "33333333-3333-4333-8333-333333333333", "Purchases", "metric",
            """
            {"id":"purchase-purchase-0","names":["purchase"],"event":{"id":"pu05","name":"purchase"},
             "metrics":{"sum":66,"average":66,"min":66,"max":66,"previous":{"sum":{"diff":25.8,"state":"negative","value":83}}},
             "data":[{"date":"2024-03-01 00:00:00","count":66}]}
            """)
        let step = { (id: String, name: String, shown: String, count: Int, percent: Double) in
            "{\"event\":{\"type\":\"event\",\"id\":\"\(id)\",\"name\":\"\(name)\",\"displayName\":\"\(shown)\"},\"count\":\(count),\"percent\":\(percent)}"
        }
        let funnel = """
            {"id":"44444444-4444-4444-8444-444444444444","name":"Sign-up funnel","chartType":"funnel","range":"7d","interval":"day",
             "startDate":"2024-03-01 00:00:00","endDate":"2024-03-08 00:00:00",
             "data":[{"id":"none","breakdowns":[],"steps":[\(step("fa01", "session_start", "session_start", 300, 100)),\(step("fa02", "sign_up", "Signed up", 158, 52.666666666666664)),\(step("fa03", "purchase", "purchase", 12, 4))],"totalSessions":300}]}
            """
        await fixture.api.addDashboard(
            projectId: "acme-web", id: "growth", name: "Growth",
            reports: [
                (listing("11111111-1111-4111-8111-111111111111", "Visitors and sign-ups", "linear", formula: true), formula),
                (listing("22222222-2222-4222-8222-222222222222", "Visitors by country", "bar", breakdown: true), breakdown),
                (listing("33333333-3333-4333-8333-333333333333", "Purchases", "metric"), metric),
                (listing("44444444-4444-4444-8444-444444444444", "Sign-up funnel", "funnel"), funnel),
                (listing("55555555-5555-4555-8555-555555555555", "Retention", "retention"), "{}"),
                (listing("66666666-6666-4666-8666-666666666666", "Screen views", "area"), plain),
            ])
        // Events for the Export API, which draws the plain report over another window.
        // 24 from Sweden, 16 from Germany, 8 with no country (direct traffic's empty value).
        let times = (0..<48).map { TestSupport.seconds("2024-02-01T10:00:00Z") + Double($0) * 21_600 }
        await fixture.api.addEvents(projectId: "acme-web", name: "screen_view", at: Array(times[..<24]), properties: ["country": "SE"])
        await fixture.api.addEvents(projectId: "acme-web", name: "screen_view", at: Array(times[24..<40]), properties: ["country": "DE"])
        await fixture.api.addEvents(projectId: "acme-web", name: "screen_view", at: Array(times[40...]))
        await fixture.api.addDashboard(projectId: "acme-web", id: "main", name: "Main", reports: [])
        return fixture
    }

    @Test func theDashboardsTimeSeriesReportsBecomeChartsAsServed() async throws {
        let fixture = try await Self.fixture()
        defer { Task { await fixture.stop() } }
        let stockholm = TimeZone(identifier: "Europe/Stockholm")!
        // A long request timeout: this test counts calls, and a loaded CI machine once stalled a listing past
        // 5 s, so it was (rightly) asked again: 9 calls, not 8.
        let report = try await DashboardReport.load(
            client: fixture.client(timeout: 60), projectId: "acme-web", dashboard: "growth", base: ChartOptions(), orgZone: stockholm)
        #expect(report.dashboard.name == "Growth")
        #expect(
            report.pages.map(\.report.name) == [
                "Visitors and sign-ups", "Visitors by country", "Purchases", "Sign-up funnel", "Retention", "Screen views",
            ])
        let first = try #require(report.pages[0].chart)
        // Display names and the formula as served, the "(A) " position prefix dropped.
        #expect(first.series.map(\.name) == ["Visitors", "sign_up", "B/A*100"])
        #expect(first.series[2].values == [5, 5.71, 4.21, 8, 7.5, 6.52, 5])
        #expect(first.rightAxis == ["B/A*100"], "the rate gets its own axis beside the counts")
        // "2024-03-01 00:00:00" is Stockholm's midnight: 23:00 UTC the day before.
        #expect(first.series[0].times.first == TestSupport.seconds("2024-02-29T23:00:00Z"))
        #expect(first.window?.lowerBound == Date(timeIntervalSince1970: TestSupport.seconds("2024-02-29T23:00:00Z")))
        #expect(first.references.map(\.title) == ["Launch"])
        let second = try #require(report.pages[1].chart)
        #expect(second.series.map(\.name) == ["screen_view · SE", "screen_view · DE", "screen_view · US"] && second.type == .bar)
        // The metric as its headline: value, the previous window's, the change.
        guard case .headlines(let numbers)? = report.pages[2].summary?.content else {
            Issue.record("no headline page")
            return
        }
        #expect(numbers == [HeadlineNumber(name: "purchase", value: 66, previous: 83)])
        #expect(numbers[0].change.map { ($0 * 10).rounded() / 10 } == -20.5)
        guard case .funnel(let steps)? = report.pages[3].summary?.content else {
            Issue.record("no funnel page")
            return
        }
        #expect(steps.map(\.name) == ["session_start", "Signed up", "purchase"] && steps.map(\.count) == [300, 158, 12])
        #expect(report.pages[4].chart == nil && report.pages[4].summary == nil && !report.pages[4].failed)
        #expect(report.pages[4].skipped?.contains("raw event series") == true)
        // 1 dashboards + 1 reports + 1 references + 5 data calls: none for what is not drawn.
        let paths = await fixture.api.log.map(\.path)
        #expect(paths.count == 8, "\(paths)")
        #expect(paths.filter { $0.hasSuffix("/data") }.count == 5)
    }

    @Test func theCLIWritesAPageForEachDrawnReportAndNamesTheRest() async throws {
        let fixture = try await Self.fixture()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        let pdf = dir.appendingPathComponent("growth.pdf")
        let result = try await CLIRunner.runAsync(
            ["dashboard", "render", "--project", "acme-web", "--dashboard", "Growth", "-o", pdf.path, "--org-timezone", "Europe/Stockholm"],
            environment: fixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(PDFProbe.pageCount(String(decoding: try Data(contentsOf: pdf), as: UTF8.self)) == 6, "5 reports and the cover")
        #expect(result.stderr.contains("report \"Retention\" (retention) not drawn"), "\(result.stderr)")
        #expect(!result.stderr.contains("Purchases") && !result.stderr.contains("Sign-up funnel"))
        let pngs = dir.appendingPathComponent("pngs")
        let png = try await CLIRunner.runAsync(
            ["dashboard", "render", "--project", "acme-web", "--dashboard", "growth", "--format", "png", "-o", pngs.path],
            environment: fixture.environment)
        #expect(png.status == 0, "\(png.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: pngs.path).sorted() == [
                "01-visitors-and-sign-ups.png", "02-visitors-by-country.png", "03-purchases.png", "04-sign-up-funnel.png",
                "06-screen-views.png",
            ])
        let list = try await CLIRunner.runAsync(["dashboard", "list", "--project", "acme-web"], environment: fixture.environment)
        let listed = String(decoding: list.stdout, as: UTF8.self)
        #expect(list.status == 0 && listed.contains("growth\tGrowth") && listed.contains("\tfunnel\t7d\tSign-up funnel"), "\(listed)")
    }

    /// Another window: the reports' event series come from the Export API over it, breakdowns included; the
    /// reports that need the saved-report engine (a formula, a metric, a funnel) are refused, saying why, exit 1.
    @Test func anotherWindowDrawsEventsThroughTheExportAndRefusesWhatOnlyTheSavedReportComputes() async throws {
        let fixture = try await Self.fixture()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        let pdf = dir.appendingPathComponent("february.pdf")
        let result = try await CLIRunner.runAsync(
            [
                "dashboard", "render", "--project", "acme-web", "--dashboard", "growth", "-o", pdf.path, "--from", "2024-02-01", "--to", "2024-02-13",
            ], environment: fixture.environment)
        #expect(result.status == 1)
        #expect(PDFProbe.pageCount(String(decoding: try Data(contentsOf: pdf), as: UTF8.self)) == 3, "2 reports and the cover")
        #expect(
            result.stderr.contains("\"Visitors and sign-ups\" (linear) not drawn: not drawn over the window asked for: its formula"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("\"Visitors by country\" (bar) not drawn"))
        #expect(result.stderr.contains("\"Purchases\" (metric) not drawn") && result.stderr.contains("\"Sign-up funnel\" (funnel) not drawn"))
        #expect(result.stderr.contains("OpenPanel does not list a saved report's filters"), "the override says what it cannot carry over")
        let exports = await fixture.api.log.filter { $0.path == "/export/charts" }
        #expect(exports.count == 2 && exports.allSatisfy { $0.query["interval"] == "day" && $0.query["startDate"]?.hasPrefix("2024-02-01") == true })
        #expect(exports.map { $0.query["breakdowns"] } == [#"[{"name":"country"}]"#, nil])
        #expect(await fixture.api.log.filter { $0.path.hasSuffix("/data") }.isEmpty)
        // The breakdown as the dashboard names it: display name and value, the largest first, the empty value
        // as the event's own series; every event in the window counted once (the 48th, at 04:00 on the
        // 13th, is past its end).
        let window =
            Date(
                timeIntervalSince1970: TestSupport.seconds("2024-02-01T00:00:00Z"))...Date(
                timeIntervalSince1970: TestSupport.seconds("2024-02-13T00:00:00Z"))
        let report = try await DashboardReport.load(
            client: fixture.client(timeout: 60), projectId: "acme-web", dashboard: "growth", base: ChartOptions(), orgZone: .gmt, window: window,
            only: ["Visitors by country"])
        let chart = try #require(report.pages.first?.chart, "\(report.pages.map(\.skipped))")
        #expect(report.pages.count == 1 && chart.type == .bar)
        #expect(chart.series.map(\.name) == ["Visitors · SE", "Visitors · DE", "Visitors"])
        #expect(chart.series.map { $0.values.reduce(0, +) } == [24, 16, 7])
    }

    /// `--report` draws the reports it names, `--exclude-report` leaves some out; a name the dashboard does
    /// not have is exit 4 naming those it has, before any data is fetched.
    @Test func reportsAreChosenByName() async throws {
        let fixture = try await Self.fixture()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        let pdf = dir.appendingPathComponent("some.pdf")
        let base = ["dashboard", "render", "--project", "acme-web", "--dashboard", "Growth", "-o", pdf.path, "--org-timezone", "Europe/Stockholm"]
        let chosen = try await CLIRunner.runAsync(base + ["--report", "screen views", "--report", "Purchases"], environment: fixture.environment)
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(PDFProbe.pageCount(String(decoding: try Data(contentsOf: pdf), as: UTF8.self)) == 3)
        #expect(await fixture.api.log.filter { $0.path.hasSuffix("/data") }.count == 2)
        let left = try await CLIRunner.runAsync(
            base + ["--exclude-report", "Retention", "--exclude-report", "Sign-up funnel", "--impact"], environment: fixture.environment)
        #expect(left.status == 0 && !left.stderr.contains("Retention"), "\(left.stderr)")
        #expect(PDFProbe.pageCount(String(decoding: try Data(contentsOf: pdf), as: UTF8.self)) == 5)
        let before = await fixture.api.log.count
        let unknown = try await CLIRunner.runAsync(base + ["--report", "Revenue"], environment: fixture.environment)
        #expect(unknown.status == 4, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("no report \"Revenue\" on dashboard \"Growth\"; reports: Visitors and sign-ups, Visitors by country"))
        #expect(await fixture.api.log.count - before == 2, "the two listings, no data")
    }

    /// A jobs file's `dashboards:` render after its charts, each one summary entry (the reports not drawn in
    /// its warnings); `--check` counts them; a typo in one is refused at its line and column.
    @Test func aJobsFileRendersItsDashboardsAfterItsCharts() async throws {
        let fixture = try await Self.fixture()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        try CLIReportTests.csv.write(to: dir.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        try """
        charts:
          - name: local
            csv: m.csv
            output: out/local.png
        dashboards:
          - name: growth
            project: acme-web
            dashboard: Growth
            orgTimezone: Europe/Stockholm
            output: out/growth.pdf
          - name: growth-pngs
            project: acme-web
            dashboard: growth
            format: png
            output: out/growth
            exclude: [Retention, Sign-up funnel]
            impact: true

        """.write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let check = try await CLIRunner.runAsync(["report", "jobs.yaml", "--check"], in: dir)
        #expect(String(decoding: check.stdout, as: UTF8.self).contains("1 chart and 2 dashboards, valid; this run would render 3"))
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "summary.json"], in: dir, environment: fixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(summary.charts.map(\.name) == ["local", "growth", "growth-pngs"] && summary.ok == 3)
        #expect(summary.charts[1].warnings.count == 1 && summary.charts[1].warnings[0].contains("\"Retention\" (retention) not drawn"))
        let pdf = try String(decoding: Data(contentsOf: dir.appendingPathComponent("out/growth.pdf")), as: UTF8.self)
        #expect(PDFProbe.pageCount(pdf) == 6)
        // The listings once for both entries (3 calls), the data for each (5, and 4 with the funnel excluded).
        let calls = await fixture.api.log.map(\.path)
        #expect(calls.count == 12, "\(calls)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out/growth").path).count == 4)
        #expect(summary.charts[2].warnings.isEmpty, "the excluded retention report is not a warning: \(summary.charts[2].warnings)")
        // --only a dashboard renders it alone.
        let alone = try await CLIRunner.runAsync(
            ["report", "jobs.yaml", "--only", "growth", "--summary", "-", "--quiet"], in: dir, environment: fixture.environment)
        let only = try JSONDecoder().decode(ReportSummary.self, from: alone.stdout)
        #expect(alone.status == 0 && only.charts.map(\.name) == ["growth"], "\(alone.stderr)")
        try "dashboards:\n  - name: g\n    project: acme-web\n    dashbord: Growth\n    output: g.pdf\n"
            .write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try await CLIRunner.runAsync(["report", "bad.yaml", "--check"], in: dir)
        let sample = try await CLIRunner.runAsync(["report", TestSupport.sample("dashboard.yaml"), "--check"])
        #expect(sample.status == 0 && String(decoding: sample.stdout, as: UTF8.self).contains("0 charts and 2 dashboards, valid"), "\(sample.stderr)")
        #expect(
            bad.status == 64 && bad.stderr.contains("bad.yaml:4:5: unknown dashboard key \"dashbord\" (did you mean \"dashboard\"?)"), "\(bad.stderr)"
        )
        try "dashboards:\n  - name: g\n    project: acme-web\n    dashboard: Growth\n    output: g.pdf\n    impact: maybe\n    impactWindow: 7x\n"
            .write(to: dir.appendingPathComponent("bad2.yaml"), atomically: true, encoding: .utf8)
        let bad2 = try await CLIRunner.runAsync(["report", "bad2.yaml", "--check"], in: dir)
        #expect(bad2.status == 64 && bad2.stderr.contains("bad2.yaml:6:13: \"impact\" must be true or false"), "\(bad2.stderr)")
    }

    /// Four dashboard entries of one run share a client: 3 listing calls and 20 data calls, within the
    /// limits (20 manage calls and 100 in all per 10 s, one counter per client): never a 429.
    @Test func fourDashboardsShareOneClientWithinTheRateLimit() async throws {
        let fixture = try await Self.fixture()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        let entries = (0..<4).map { "  - name: g\($0)\n    project: acme-web\n    dashboard: growth\n    output: out/g\($0).pdf\n" }.joined()
        try ("dashboards:\n" + entries).write(to: dir.appendingPathComponent("jobs.yaml"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner.runAsync(["report", "jobs.yaml", "--summary", "-", "--quiet"], in: dir, environment: fixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try JSONDecoder().decode(ReportSummary.self, from: result.stdout).ok == 4)
        #expect(await fixture.api.count(status: 429) == 0)
        let calls = await fixture.api.log.map(\.path)
        #expect(calls.count == 23 && calls.prefix(3).allSatisfy { !$0.hasSuffix("/data") }, "\(calls)")
    }

    @Test func anUnknownDashboardNamesTheOnesThereAre() async throws {
        let fixture = try await Self.fixture()
        defer { Task { await fixture.stop() } }
        let result = try await CLIRunner.runAsync(
            ["dashboard", "render", "--project", "acme-web", "--dashboard", "Marketing", "-o", "/tmp/never.pdf"], environment: fixture.environment)
        #expect(result.status == 4)
        #expect(
            result.stderr.contains("no dashboard \"Marketing\" in project \"acme-web\"; dashboards: Main (main), Growth (growth)"), "\(result.stderr)"
        )
        let foreign = try await CLIRunner.runAsync(["dashboard", "list", "--project", "someone-else"], environment: fixture.environment)
        #expect(foreign.status == 3 && foreign.stderr.contains("Project does not belong to your organization"), "\(foreign.stderr)")
    }
}
