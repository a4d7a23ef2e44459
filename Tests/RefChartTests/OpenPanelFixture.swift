import Foundation
import OpenPanel
import OpenPanelMockServer

/// A mock OpenPanel on loopback with a root client, a non-root client and two projects.
struct OpenPanelFixture {
    static let rootId = "root-client-id"
    static let secret = "sk-test-Very-Secret-9f3b2c"
    static let projects: Set<String> = ["acme-web", "acme-app"]

    let server: MockOpenPanelServer
    var api: MockOpenPanel { server.api }

    /// Starts a server limiting each client to `limit` requests per `window` seconds.
    static func start(limit: Int = 20, window: Double = 10, prefix: String = "") async throws -> OpenPanelFixture {
        let api = MockOpenPanel(
            clients: [.init(id: rootId, secret: secret), .init(id: "app-client", secret: "app-secret", root: false)],
            projects: projects, limit: limit, window: window)
        return OpenPanelFixture(server: try await MockOpenPanelServer(api: api, prefix: prefix))
    }

    /// A client for this server; by default paced like the real limit and quick to retry, and patient per
    /// request (120 s): tests count calls, and loaded CI machines have stalled ~60 s, so a 5 s request timeout
    /// was (rightly) retried. Tests of time-outs pass their own.
    func client(
        id: String = rootId, secret: String = secret, limit: Int = 20, window: Double = 10, timeout: Double = 120,
        attempts: Int = 5
    ) -> OpenPanelClient {
        OpenPanelClient(
            credentials: OpenPanelCredentials(clientId: id, clientSecret: secret),
            configuration: OpenPanelConfiguration(
                baseURL: server.baseURL, requestsPerWindow: limit, rateWindow: window, maxAttempts: attempts,
                deadline: max(60, 2 * timeout), requestTimeout: timeout, retryBaseDelay: 0.05))
    }

    /// The environment the CLI needs to reach this server.
    var environment: [String: String] {
        ["OPENPANEL_CLIENT_ID": Self.rootId, "OPENPANEL_CLIENT_SECRET": Self.secret, "OPENPANEL_API_URL": server.baseURL.absoluteString]
    }

    func stop() async { await server.stop() }
}
