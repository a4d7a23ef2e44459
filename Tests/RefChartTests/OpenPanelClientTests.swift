import Foundation
import OpenPanel
import OpenPanelMockServer
import RefChartCore
import Testing

@Suite(.serialized)
struct OpenPanelClientTests {
    @Test func everyEndpointWorksEndToEnd() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client()
        let launch = try await client.create(
            ReferenceDraft(
                projectId: "acme-web", title: "Product Launch", description: "Version 2.0", datetime: "2024-01-15T05:00:00-05:00"))
        #expect(launch.title == "Product Launch")
        #expect(ISO8601.string(from: launch.date) == "2024-01-15T10:00:00.000Z")
        let campaign = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Campaign", datetime: "2024-01-20"))
        _ = try await client.create(ReferenceDraft(projectId: "acme-app", title: "Other", datetime: "2024-01-21T00:00:00Z"))

        let fetched = try await client.get(id: launch.id)
        #expect(fetched == launch)
        let web = try await client.list(projectId: "acme-web")
        #expect(web.map(\.title) == ["Campaign", "Product Launch"])  // newest created first
        #expect(try await client.list().count == 3)

        let renamed = try await client.update(
            id: campaign.id,
            ReferencePatch(
                title: "Campaign start", description: .set("Q1"), datetime: "2024-01-21T09:00:00Z"))
        #expect(renamed.title == "Campaign start" && renamed.description == "Q1")
        #expect(ISO8601.string(from: renamed.date) == "2024-01-21T09:00:00.000Z")

        try await client.delete(id: campaign.id)
        await #expect(throws: OpenPanelError.self) { try await client.get(id: campaign.id) }

        // Content-Type only when there is a body; both headers on every request.
        let log = await fixture.api.log
        for entry in log {
            #expect((entry.headers["content-type"] != nil) == (entry.method == "POST" || entry.method == "PATCH"))
            #expect(entry.headers["openpanel-client-id"] == OpenPanelFixture.rootId)
        }
    }

    @Test func serverErrorsBecomeClearMessages() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client()
        let missing = await failure { try await client.get(id: "1af09627-2dd7-4b37-9e5c-6ffa7e450e85") }
        #expect(missing.kind == .notFound && missing.status == 404)
        #expect(missing.description == "OpenPanel answered 404: Reference not found — check the id with `refchart references list`")

        let project = await failure { try await client.list(projectId: "someone-elses") }
        #expect(project.kind == .notFound)
        #expect(project.description.contains("Project not found — check the project id"))

        let wrong = await failure { try await fixture.client(secret: "wrong").list() }
        #expect(wrong.kind == .unauthorized && wrong.status == 401)
        #expect(wrong.description.contains("Manage: Invalid client id or secret — use a root client's id and secret"))

        let notRoot = await failure { try await fixture.client(id: "app-client", secret: "app-secret").list() }
        #expect(notRoot.message == "Manage: Only root clients are allowed to manage resources")

        // The live server's 400 shape: one message.
        let reference = try await client.create(ReferenceDraft(projectId: "acme-web", title: "A", datetime: "2024-01-01"))
        await fixture.api.inject(
            .status(400, body: #"{"status":400,"error":"Error","message":"body/title Too small: expected string to have >=1 characters"}"#))
        let refused = await failure { try await client.update(id: reference.id, ReferencePatch(title: "B")) }
        #expect(refused.kind == .rejected && refused.status == 400)
        #expect(refused.message == "body/title Too small: expected string to have >=1 characters")
        // Where the server accepts null (as documented), clearing sends null and works.
        await fixture.api.setRejectsNullDescription(false)
        _ = try await client.update(id: reference.id, ReferencePatch(description: .set("x")))
        #expect(try await client.update(id: reference.id, ReferencePatch(description: .clear)).description == nil)

        // The documented 400 shape with per-field details, and a plain-text 500.
        await fixture.api.inject(
            .status(
                400,
                body:
                    #"{"error":"Bad Request","message":"Invalid request body","details":[{"path":["title"],"message":"String must contain at least 1 character(s)"}]}"#
            ))
        let documented = await failure { try await client.list() }
        #expect(documented.details == [OpenPanelError.FieldProblem(path: "title", message: "String must contain at least 1 character(s)")])
        #expect(documented.description == "OpenPanel answered 400: Invalid request body (title: String must contain at least 1 character(s))")
        // A GET answered 500 is retried like a 503; when every attempt gets one, the server's words show.
        for _ in 0..<5 { await fixture.api.inject(.status(500, body: "Internal server error")) }
        let crash = await failure { try await client.list() }
        #expect(crash.kind == .serverError && crash.message == "Internal server error (after 5 attempts)")
        await fixture.api.inject(.status(500, body: "Internal server error"))
        #expect(try await client.list().count >= 1)
    }

    @Test func badInputIsRefusedBeforeAnyRequest() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client()
        let cases: [(String, () async throws -> Void)] = [
            ("not an ISO 8601 date", { _ = try await client.create(.init(projectId: "acme-web", title: "A", datetime: "yesterday")) }),
            ("not an ISO 8601 date", { _ = try await client.create(.init(projectId: "acme-web", title: "A", datetime: "2024-01-15T10:00:00")) }),
            ("the title is empty", { _ = try await client.create(.init(projectId: "acme-web", title: "  ", datetime: "2024-01-15")) }),
            ("is not a reference id", { _ = try await client.get(id: "42") }),
            ("is not a reference id", { try await client.delete(id: "../../etc") }),
            ("nothing to update", { _ = try await client.update(id: UUID().uuidString, ReferencePatch()) }),
        ]
        for (message, call) in cases {
            let error = await failure(call)
            #expect(error.kind == .invalidInput)
            #expect(error.message.contains(message), "\(error)")
        }
        #expect(await fixture.api.log.isEmpty)
    }

    @Test func aBurstStaysUnderTheLimit() async throws {
        // The server allows 10 per second; 60 concurrent calls must all succeed without one 429.
        let fixture = try await OpenPanelFixture.start(limit: 10, window: 1)
        defer { Task { await fixture.stop() } }
        let client = fixture.client(limit: 10, window: 1)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<60 { group.addTask { try await client.list().count } }
            for try await _ in group {}
        }
        let elapsed = ContinuousClock.now - started
        #expect(await fixture.api.count(status: 429) == 0)
        #expect(await fixture.api.count(status: 200) == 60)
        #expect(elapsed >= .seconds(5))  // 60 calls at 10 per second cannot finish sooner
    }

    @Test func a429IsAnsweredByWaiting() async throws {
        // The client believes it may send 100 per second; the server allows 3.
        let fixture = try await OpenPanelFixture.start(limit: 3, window: 1)
        defer { Task { await fixture.stop() } }
        let client = fixture.client(limit: 100, window: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try await client.list() } }
            try await group.waitForAll()
        }
        #expect(await fixture.api.count(status: 429) > 0)
        #expect(await fixture.api.count(status: 200) == 8)
    }

    @Test func a503AndATimeoutAreRetried() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client(timeout: 1)
        await fixture.api.inject(.status(503, body: "Service Unavailable"), for: "GET")
        #expect(try await client.list().isEmpty)
        await fixture.api.inject(.delay(1.5), for: "GET")
        #expect(try await client.list().isEmpty)
        try await Task.sleep(for: .seconds(0.8))  // the timed-out request is logged when its delay ends
        #expect(await fixture.api.log.filter { $0.method == "GET" }.count == 4)
        // Bounded: a server that keeps failing ends in a clear error.
        for _ in 0..<3 { await fixture.api.inject(.status(503, body: "Service Unavailable"), for: "GET") }
        let error = await failure { try await fixture.client(attempts: 3).list() }
        #expect(error.kind == .serverError && error.description.contains("after 3 attempts"))
    }

    @Test func aCreateWhoseAnswerIsLostIsNotDuplicated() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client(timeout: 1)
        await fixture.api.inject(.applyThenStall(3), for: "POST")
        let created = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Release 2.3", datetime: "2024-03-01T09:00:00Z"))
        #expect(created.title == "Release 2.3")
        #expect(await fixture.api.referenceCount == 1)
        #expect(await fixture.api.log.filter { $0.method == "POST" }.count == 1)
        // A 503 on create was not applied: the client checks, then sends it once more.
        await fixture.api.inject(.status(503, body: "Service Unavailable"), for: "POST")
        _ = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Release 2.4", datetime: "2024-03-02T09:00:00Z"))
        #expect(await fixture.api.referenceCount == 2)
        #expect(await fixture.api.log.filter { $0.method == "POST" }.count == 3)
    }

    @Test func aCreateAnswered500AfterItWasStoredIsReportedAsStored() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client()
        await fixture.api.inject(.applyThenStatus(500, body: "Internal server error"), for: "POST")
        let created = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Release 3", datetime: "2024-03-01T09:00:00Z"))
        #expect(created.title == "Release 3")
        #expect(await fixture.api.referenceCount == 1)
        #expect(await fixture.api.log.filter { $0.method == "POST" }.count == 1)
        // A 500 that stored nothing: checked, then sent once more.
        await fixture.api.inject(.status(500, body: "Internal server error"), for: "POST")
        _ = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Release 4", datetime: "2024-03-02T09:00:00Z"))
        #expect(await fixture.api.referenceCount == 2)
    }

    @Test func anOlderIdenticalReferenceIsNotTakenForALostCreate() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client()
        _ = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Nightly", datetime: "2024-03-01T09:00:00Z"))
        try await Task.sleep(for: .seconds(OpenPanelClient.clockSkew + 0.5))
        // The same reference again; its answer is lost before it was applied: it must be sent again, not
        // matched to the first one.
        await fixture.api.inject(.status(503, body: "Service Unavailable"), for: "POST")
        let second = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Nightly", datetime: "2024-03-01T09:00:00Z"))
        #expect(await fixture.api.referenceCount == 2)
        #expect(second.createdAt != nil)
    }

    @Test func aRetriedDeleteAnswered404Succeeded() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client(timeout: 1)
        let reference = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Gone", datetime: "2024-03-01T09:00:00Z"))
        await fixture.api.inject(.applyThenStall(3), for: "DELETE")
        try await client.delete(id: reference.id)
        #expect(await fixture.api.referenceCount == 0)
        // A first attempt answered 404 is a real "no such reference".
        let missing = await failure { try await client.delete(id: reference.id) }
        #expect(missing.kind == .notFound)
    }

    @Test func clearingADescriptionWorksAgainstTheLiveServersRules() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let client = fixture.client()
        let reference = try await client.create(ReferenceDraft(projectId: "acme-web", title: "T", description: "notes", datetime: "2024-03-01"))
        // The mock, like the live server, refuses null; the client falls back to an empty description.
        let cleared = try await client.update(id: reference.id, ReferencePatch(description: .clear))
        #expect(cleared.description == nil)
        #expect(try await client.get(id: reference.id).description == nil)
    }

    @Test func aWrongPathPrefixSaysToCheckTheURL() async throws {
        let fixture = try await OpenPanelFixture.start(prefix: "/api")
        defer { Task { await fixture.stop() } }
        var configuration = fixture.client().configuration
        configuration.baseURL = configuration.baseURL.deletingLastPathComponent()  // the /api left out
        let client = OpenPanelClient(
            credentials: OpenPanelCredentials(clientId: OpenPanelFixture.rootId, clientSecret: OpenPanelFixture.secret),
            configuration: configuration)
        let error = await failure { try await client.list() }
        #expect(error.kind == .notFound && error.hint?.description.contains("check the API URL") == true, "\(error)")
    }

    @Test func waitsAndRetriesAreToldOncePerWait() async throws {
        let fixture = try await OpenPanelFixture.start(limit: 3, window: 2)
        defer { Task { await fixture.stop() } }
        let heard = Heard()
        let client = OpenPanelClient(
            credentials: OpenPanelCredentials(clientId: OpenPanelFixture.rootId, clientSecret: OpenPanelFixture.secret),
            configuration: OpenPanelConfiguration(baseURL: fixture.server.baseURL, requestsPerWindow: 3, rateWindow: 2, retryBaseDelay: 0.05),
            onWait: { heard.add($0) })
        await fixture.api.inject(.status(503, body: "Service Unavailable"))
        for _ in 0..<4 { _ = try await client.list() }
        let lines = heard.all
        #expect(lines.contains { $0.hasPrefix("HTTP 503, retrying in") && $0.contains("(attempt 2 of 5)") }, "\(lines)")
        #expect(lines.filter { $0.hasPrefix("rate limited, waiting") }.count == 1, "\(lines)")
    }

    @Test func redirectsAreNotFollowedWithTheSecret() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let elsewhere = fixture.server.baseURL.absoluteString + "/manage/references?followed=yes"
        await fixture.api.inject(.redirect(to: elsewhere))
        let error = await failure { try await fixture.client().list() }
        #expect(error.status == 301)
        #expect(error.message == "the API redirects to \(elsewhere)")
        #expect(await fixture.api.log.allSatisfy { $0.query["followed"] == nil })
    }

    @Test func aPathPrefixIsKept() async throws {
        let fixture = try await OpenPanelFixture.start(prefix: "/api")
        defer { Task { await fixture.stop() } }
        #expect(fixture.server.baseURL.path == "/api")
        #expect(try await fixture.client().list().isEmpty)
        #expect(await fixture.api.log.first?.path == "/manage/references")
    }

    @Test func theSecretNeverShows() async throws {
        let fixture = try await OpenPanelFixture.start()
        defer { Task { await fixture.stop() } }
        let credentials = OpenPanelCredentials(clientId: "id", clientSecret: OpenPanelFixture.secret)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in ["\(credentials)", String(reflecting: credentials), dumped] {
            #expect(!text.contains(OpenPanelFixture.secret))
        }
        let client = fixture.client()
        var dumpedClient = ""
        dump(client, to: &dumpedClient)
        #expect(!"\(client)".contains(OpenPanelFixture.secret))
        #expect(!dumpedClient.contains(OpenPanelFixture.secret))
        for error in [
            await failure { try await fixture.client(secret: "wrong").list() },
            await failure { try await client.get(id: UUID().uuidString) },
            await failure { try await fixture.client(timeout: 0.5, attempts: 1).list(projectId: "nope") },
        ] {
            #expect(!"\(error)".contains(OpenPanelFixture.secret))
            #expect(!String(reflecting: error).contains(OpenPanelFixture.secret))
        }
    }

    private func failure<T>(_ call: () async throws -> T) async -> OpenPanelError {
        do {
            _ = try await call()
        } catch let error as OpenPanelError {
            return error
        } catch {
            return OpenPanelError(kind: .badResponse, message: "unexpected \(error)")
        }
        return OpenPanelError(kind: .badResponse, message: "no error")
    }
}

/// The real limit at full scale: 100 calls against 20 per 10 s. Takes ~45 s, so it runs only when
/// REFCHART_SLOW_TESTS is set; it prints the wall time and the 429s the server saw.
struct OpenPanelFullScaleTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REFCHART_SLOW_TESTS"] != nil))
    func aHundredCallsAtTheRealLimit() async throws {
        let fixture = try await OpenPanelFixture.start(limit: 20, window: 10)
        defer { Task { await fixture.stop() } }
        let client = fixture.client()
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for k in 0..<100 {
                group.addTask {
                    _ = try await client.create(ReferenceDraft(projectId: "acme-web", title: "Batch \(k)", datetime: "2024-01-01"))
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - started
        let rejected = await fixture.api.count(status: 429)
        print("100 creates at 20 per 10 s: \(elapsed), 429s seen by the server: \(rejected), references: \(await fixture.api.referenceCount)")
        #expect(rejected == 0)
        #expect(await fixture.api.referenceCount == 100)
    }
}

/// Collects what a client says, from any task.
final class Heard: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
