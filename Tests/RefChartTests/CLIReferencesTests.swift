import Foundation
import OpenPanelMockServer
import Testing

/// The `references` subcommands and `render --openpanel-project`, run as a user would, against the mock.
@Suite(.serialized)
struct CLIReferencesTests {
    @Test func createListGetUpdateDelete() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let env = fixture.environment
        let created = try CLIRunner.run(
            [
                "references", "create", "--project", "acme-web", "--title", "Release 2.3",
                "--description", "Deploy pipeline", "--date", "2024-03-01T10:00:00+01:00", "--json",
            ], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: created.stdout) as? [String: Any])
        let id = try #require(object["id"] as? String)
        #expect(object["date"] as? String == "2024-03-01T09:00:00.000Z")
        #expect(object["projectId"] as? String == "acme-web")

        let list = try CLIRunner.run(["references", "list", "--project", "acme-web", "--timezone", "Europe/Berlin"], environment: env)
        #expect(list.status == 0)
        let table = String(decoding: list.stdout, as: UTF8.self)
        #expect(table.contains("DATE (Europe/Berlin)"))
        let row = try #require(table.split(separator: "\n").first { $0.contains(id) })
        #expect(row.hasPrefix("2024-03-01 10:00 "))
        #expect(
            row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                == ["2024-03-01", "10:00", "Release", "2.3", "Deploy", "pipeline", id])

        let updated = try CLIRunner.run(["references", "update", id, "--title", "Release 2.3.1", "--json"], environment: env)
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(String(decoding: updated.stdout, as: UTF8.self).contains("\"title\" : \"Release 2.3.1\""))

        let got = try CLIRunner.run(["references", "get", id, "--json"], environment: env)
        #expect(String(decoding: got.stdout, as: UTF8.self).contains("Release 2.3.1"))

        let deleted = try CLIRunner.run(["references", "delete", id], environment: env)
        #expect(deleted.status == 0)
        let gone = try CLIRunner.run(["references", "get", id], environment: env)
        #expect(gone.status == 4)
        #expect(gone.stderr.contains("OpenPanel answered 404: Reference not found"))

        for result in [created, list, updated, got, deleted, gone] {
            #expect(!String(decoding: result.stdout, as: UTF8.self).contains(OpenPanelFixture.secret))
            #expect(!result.stderr.contains(OpenPanelFixture.secret))
        }
    }

    @Test func errorsHaveHintsAndExitCodes() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        var env = fixture.environment
        let none = try CLIRunner.run(["references", "list"], environment: ["OPENPANEL_API_URL": fixture.server.baseURL.absoluteString])
        #expect(none.status == 3)
        #expect(none.stderr.contains("no OpenPanel credentials"))

        env["OPENPANEL_CLIENT_SECRET"] = "wrong-secret"
        let wrong = try CLIRunner.run(["references", "list"], environment: env)
        #expect(wrong.status == 3)
        #expect(wrong.stderr.contains("use a root client's id and secret"))
        #expect(!wrong.stderr.contains("wrong-secret"))

        let badDate = try CLIRunner.run(
            ["references", "create", "--project", "acme-web", "--title", "X", "--date", "tomorrow"],
            environment: fixture.environment)
        #expect(badDate.status == 1)
        #expect(badDate.stderr.contains("datetime \"tomorrow\" is not an ISO 8601 date"))

        let usage = try CLIRunner.run(["references", "update", "1af09627-2dd7-4b37-9e5c-6ffa7e450e85"], environment: fixture.environment)
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("nothing to update"))

        let refused = try CLIRunner.run(
            ["references", "list"],
            environment: [
                "OPENPANEL_CLIENT_ID": "a", "OPENPANEL_CLIENT_SECRET": "b",
                "OPENPANEL_API_URL": "http://127.0.0.1:1",
            ])
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("connection refused"))
        #expect(await fixture.api.log.allSatisfy { $0.method == "GET" })
    }

    @Test func credentialsFileAndAPIURLFlag() async throws {
        let fixture = try await OpenPanelFixture.start(prefix: "/api")
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("openpanel.json")
        try #"{"clientId": "\#(OpenPanelFixture.rootId)", "clientSecret": "\#(OpenPanelFixture.secret)"}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run([
            "references", "list", "--credentials-file", file.path, "--api-url",
            fixture.server.baseURL.absoluteString,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(String(decoding: result.stdout, as: UTF8.self) == "no references\n")
    }

    @Test func renderFetchesAProjectsReferencesAndACSVByURL() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let csv = try String(contentsOfFile: TestSupport.sample("pageviews.csv"), encoding: .utf8)
        await fixture.api.serve(csv, at: "/exports/pageviews.csv")
        await fixture.api.seed(projectId: "acme-web", title: "Live launch", date: "2024-10-08T10:00:00.000Z")
        await fixture.api.seed(projectId: "acme-app", title: "Other project", date: "2024-10-09T10:00:00.000Z")
        let dir = try TestSupport.temporaryDirectory()
        let report = dir.appendingPathComponent("r.json").path
        let result = try CLIRunner.run(
            [
                "render", "--csv", fixture.server.baseURL.appendingPathComponent("exports/pageviews.csv").absoluteString,
                "--openpanel-project", "acme-web", "-o", dir.appendingPathComponent("c.png").path, "--layout-report", report,
            ], environment: fixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try RenderTests.report(Data(contentsOf: URL(fileURLWithPath: report)))
        let titles = (json["references"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
        #expect(titles == ["Live launch"])

        let missing = try CLIRunner.run(
            [
                "render", "--csv", fixture.server.baseURL.appendingPathComponent("exports/nope.csv").absoluteString,
                "-o", dir.appendingPathComponent("d.png").path,
            ], environment: fixture.environment)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("the server answered HTTP"))
    }

    @Test func aCSVURLWithNoAnswerOrAServerErrorExitsFiveAndA404ExitsOne() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("c.png").path
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        let refused = try CLIRunner.run(["render", "--csv", "http://127.0.0.1:1/metrics.csv", "-o", out])
        #expect(refused.status == 5, "\(refused.stderr)")
        #expect(refused.stderr.contains("download failed"))
        await fixture.api.inject(.status(503, body: "busy"), for: "GET")
        let failing = try CLIRunner.run(
            ["render", "--csv", fixture.server.baseURL.appendingPathComponent("exports/pageviews.csv").absoluteString, "-o", out],
            environment: fixture.environment)
        #expect(failing.status == 5, "\(failing.stderr)")
        #expect(failing.stderr.contains("the server answered HTTP 503"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aServerThatNeverAnswersEndsAtTheTimeout() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        await fixture.api.inject(.delay(25), for: "GET")
        let started = Date()
        let result = try await CLIRunner.runAsync(["references", "list", "--timeout", "2"], environment: fixture.environment)
        #expect(result.status == 5)
        #expect(result.stderr.contains("gave up after 2 s (--timeout)"))
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(!result.stderr.contains(OpenPanelFixture.secret))
    }
}
