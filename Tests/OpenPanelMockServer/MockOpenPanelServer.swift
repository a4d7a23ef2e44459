import FlyingFox
import FlyingSocks
public import Foundation

/// Serves a ``MockOpenPanel`` over real HTTP on 127.0.0.1, on a port the system picks.
public final class MockOpenPanelServer: Sendable {
    public let api: MockOpenPanel
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    /// The base URL to give a client, path prefix included.
    public let baseURL: URL

    /// Starts serving `api` under `prefix` (e.g. "/api", as a self-hosted server does; "" for none).
    public init(api: MockOpenPanel, prefix: String = "") async throws {
        self.api = api
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        await server.appendRoute("*") { [api] request in
            var headers: [String: String] = [:]
            for key in request.headers.keys { headers[key.rawValue.lowercased()] = request.headers[key] }
            var query: [String: String] = [:]
            for item in request.query { query[item.name] = item.value }
            let body = String(decoding: try await request.bodyData, as: UTF8.self)
            var path = request.path
            if !prefix.isEmpty {
                guard path.hasPrefix(prefix + "/") else {
                    // Fastify's answer for a route it does not have.
                    let body = #"{"message":"Route \#(request.method.rawValue):\#(path) not found","error":"Not Found","statusCode":404}"#
                    return HTTPResponse(statusCode: .notFound, headers: [HTTPHeader("content-type"): "application/json"], body: Data(body.utf8))
                }
                path.removeFirst(prefix.count)
            }
            let segments = path.split(separator: "/").map(String.init)
            let answer = await api.handle(method: request.method.rawValue, path: segments, query: query, headers: headers, body: body)
            var responseHeaders = HTTPHeaders()
            for (name, value) in answer.headers { responseHeaders[HTTPHeader(name)] = value }
            return HTTPResponse(
                statusCode: HTTPStatusCode(answer.status, phrase: "Status"), headers: responseHeaders,
                body: Data(answer.body.utf8))
        }
        self.server = server
        task = Task { try await server.run() }
        // Not FlyingFox's 5 s: CI machines have stalled ~60 s under a full parallel test run.
        try await server.waitUntilListening(timeout: 120)
        let address = await server.listeningAddress
        guard case .ip4(_, port: let port)? = address else { throw URLError(.cannotConnectToHost) }
        baseURL = URL(string: "http://127.0.0.1:\(port)\(prefix)")!
    }

    /// Stops the server.
    public func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }
}
