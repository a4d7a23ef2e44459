import Foundation
import OpenPanel
import OpenPanelMockServer
import RefChart
import Testing

/// Metrics from OpenPanel's Export API, against the mock's `/export/charts` (local labels in the
/// organization's zone, an exclusive fill end, no series for an event without data).
@Suite(.serialized)
struct ExportTests {
    static func date(_ iso: String) -> Date { Date(timeIntervalSince1970: TestSupport.seconds(iso)) }

    /// A fixture whose organization is in Stockholm, with screen views over three days of March 2024.
    static func stockholm() async throws -> OpenPanelFixture {
        let fixture = try await OpenPanelFixture.start()
        await fixture.api.setOrgZone(TimeZone(identifier: "Europe/Stockholm")!)
        // 2024-03-11 00:30 Stockholm is 2024-03-10T23:30Z: it belongs to the 11th there.
        let times = [
            "2024-03-10T23:30:00Z", "2024-03-11T10:00:00Z", "2024-03-12T09:00:00Z", "2024-03-12T22:59:00Z",
            "2024-03-13T12:00:00Z",
        ].map { TestSupport.seconds($0) }
        await fixture.api.addEvents(projectId: "acme-web", name: "screen_view", at: times)
        return fixture
    }

    @Test func labelsAreReadInTheOrganizationsZoneAndEveryBucketIsFilled() async throws {
        let fixture = try await Self.stockholm()
        defer { Task { await fixture.stop() } }
        let zone = TimeZone(identifier: "Europe/Stockholm")!
        let series = try await fixture.client().exportSeries(
            projectId: "acme-web", events: ["screen_view", "sign_up"], interval: .day,
            window: Self.date("2024-03-10T23:00:00Z")...Self.date("2024-03-13T20:00:00Z"), orgZone: zone,
            now: Self.date("2024-04-01T00:00:00Z"))
        #expect(series.map(\.name) == ["screen_view", "sign_up"])
        // A Stockholm midnight is 23:00Z the day before. The window ends during the 13th: that day is a
        // bucket, asked for up to the next midnight since the server's fill stops before its end bucket.
        let days = ["2024-03-10T23:00:00Z", "2024-03-11T23:00:00Z", "2024-03-12T23:00:00Z"]
        #expect(series[0].times == days.map { TestSupport.seconds($0) })
        #expect(series[0].values == [2, 2, 1])
        // An event with no data comes back as no series: zeros on every bucket.
        #expect(series[1].times == series[0].times && series[1].values == [0, 0, 0])
        // Dates went out with explicit offsets (`+` as %2B, or the server would read a space).
        let sent = try #require(await fixture.api.log.last)
        #expect(sent.path == "/export/charts")
        #expect(sent.query["startDate"] == "2024-03-11T00:00:00+01:00")
        #expect(sent.query["endDate"] == "2024-03-14T00:00:00+01:00")
        #expect(sent.query["interval"] == "day")
    }

    @Test func bucketsAfterNowAreLeftOut() async throws {
        let fixture = try await Self.stockholm()
        defer { Task { await fixture.stop() } }
        let series = try await fixture.client().exportSeries(
            projectId: "acme-web", events: ["screen_view"], interval: .day,
            window: Self.date("2024-03-10T23:00:00Z")...Self.date("2024-03-20T23:00:00Z"),
            orgZone: TimeZone(identifier: "Europe/Stockholm")!, now: Self.date("2024-03-12T12:00:00Z"))
        #expect(series[0].times.last == TestSupport.seconds("2024-03-11T23:00:00Z"))
    }

    @Test func tooManyBucketsAreRefusedBeforeAnyRequest() async throws {
        let fixture = try await Self.stockholm()
        defer { Task { await fixture.stop() } }
        do {
            // Minutes over ten months: 432,000 buckets, which the server fails to build (500, every time).
            _ = try await fixture.client().exportSeries(
                projectId: "acme-web", events: ["screen_view"], interval: .minute,
                window: Self.date("2024-01-01T00:00:00Z")...Self.date("2024-11-01T00:00:00Z"), orgZone: .gmt)
            Issue.record("no error")
        } catch let error as OpenPanelError {
            #expect(error.kind == .invalidInput)
            #expect(error.message.contains("would be 439200 points per event: at most 100000"), "\(error.message)")
            #expect(error.hint?.description.contains("(hour)") == true)
        }
        #expect(await fixture.api.log.isEmpty)
    }

    @Test func aHugeErrorAnswerIsOneShortLineWithEscapesShown() async throws {
        let fixture = try await Self.stockholm()
        defer { Task { await fixture.stop() } }
        let message = "bad query \u{1B}[31mred\u{1B}[0m\nsecond line " + String(repeating: "x", count: 1_000_000)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["status": 400, "message": message]), as: UTF8.self)
        await fixture.api.inject(.status(400, body: body), for: "GET")
        do {
            _ = try await fixture.client().exportSeries(
                projectId: "acme-web", events: ["screen_view"], interval: .day,
                window: Self.date("2024-03-10T00:00:00Z")...Self.date("2024-03-12T00:00:00Z"), orgZone: .gmt)
            Issue.record("no error")
        } catch let error as OpenPanelError {
            #expect(error.kind == .rejected)
            #expect(error.message.hasPrefix("bad query \\u{1B}[31mred\\u{1B}[0m second line xxx"), "\(error.message.prefix(80))")
            #expect(error.message.count < 400 && !error.message.contains("\n") && !error.message.contains("\u{1B}"))
        }
    }

    @Test func aWriteClientIsToldToUseAReadClient() async throws {
        let fixture = try await Self.stockholm()
        defer { Task { await fixture.stop() } }
        do {
            _ = try await fixture.client(id: "app-client", secret: "app-secret").exportSeries(
                projectId: "acme-web", events: ["screen_view"], interval: .day,
                window: Self.date("2024-03-10T00:00:00Z")...Self.date("2024-03-12T00:00:00Z"), orgZone: .gmt)
            Issue.record("no error")
        } catch let error as OpenPanelError {
            #expect(error.kind == .unauthorized && error.message == "Export: Client is not allowed to export")
            #expect(error.hint?.description.contains("read (or root) client") == true)
        }
    }

    @Test func renderAndInspectDrawTheExportWithTheProjectsReferences() async throws {
        let fixture = try await Self.stockholm()
        defer { Task { await fixture.stop() } }
        await fixture.api.seed(projectId: "acme-web", title: "Launch", date: "2024-03-12T08:00:00.000Z")
        let dir = try TestSupport.temporaryDirectory()
        var environment = fixture.environment
        environment["OPENPANEL_ORG_TIMEZONE"] = "Europe/Stockholm"
        let png = dir.appendingPathComponent("chart.png").path
        let window = ["--from", "2024-03-11T00:00:00+01:00", "--to", "2024-03-14T00:00:00+01:00"]
        let rendered = try await CLIRunner.runAsync(
            [
                "render", "--openpanel-project", "acme-web", "--event", "screen_view", "--interval", "hour", "-o", png,
                "--impact", "--impact-window", "1d", "--title", "screen_view from OpenPanel, Stockholm time",
                "--layout-report", dir.appendingPathComponent("r.json").path,
            ] + window, environment: environment)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(RenderTests.pngSize(try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))).map { [$0.0, $0.1] } == [1200, 600])
        let report = try JSONDecoder().decode(LayoutReport.self, from: Data(contentsOf: dir.appendingPathComponent("r.json")))
        #expect(report.references.map(\.title) == ["Launch"] && report.references[0].state == .label)
        // Launch at 2024-03-12T08:00Z: the day before has 2 events in 24 hourly buckets, the day after 2.
        #expect(report.references[0].impact?.before != nil && report.references[0].impact?.window == "1d")
        print("export chart with impact numbers: \(png)")
        // One export and one list: the whole chart is two requests.
        #expect(await fixture.api.log.count == 2)
        let inspected = try await CLIRunner.runAsync(
            ["inspect", "--openpanel-project", "acme-web", "--event", "screen_view", "--interval", "day", "--json"] + window,
            environment: environment)
        #expect(inspected.status == 0, "\(inspected.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: inspected.stdout) as? [String: Any])
        let series = try #require((json["series"] as? [[String: Any]])?.first)
        #expect(series["first"] as? String == "2024-03-10T23:00:00Z" && series["points"] as? Int == 3)
        #expect(series["max"] as? Double == 2)
    }

    @Test func theIntervalSuitsTheWindowAndTheWidth() {
        #expect(ExportInterval.suiting(windowSeconds: 30 * 86_400, width: 1200) == .hour)
        #expect(ExportInterval.suiting(windowSeconds: 6 * 3600, width: 1200) == .minute)
        #expect(ExportInterval.suiting(windowSeconds: 365 * 86_400, width: 1200) == .day)
        #expect(ExportInterval.suiting(windowSeconds: 10 * 365 * 86_400, width: 800) == .week)
        #expect(ExportInterval.suiting(windowSeconds: 100 * 365 * 86_400, width: 800) == .month)
    }
}
