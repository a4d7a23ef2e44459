import FlyingFox
import FlyingSocks
public import Foundation

/// A webhook receiver on 127.0.0.1 (a port the system picks): records every POST and answers the
/// statuses it is told to, in order (then 200), so tests see what was delivered, how often, and retries.
public final class MockWebhookServer: Sendable {
    /// One request as received.
    public struct Received: Sendable {
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: Data
    }

    private actor Book {
        var received: [Received] = []
        var statuses: [Int] = []
        func record(_ request: Received) -> Int {
            received.append(request)
            return statuses.isEmpty ? 200 : statuses.removeFirst()
        }
        func answer(_ statuses: [Int]) { self.statuses += statuses }
    }

    private let book = Book()
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    /// The base URL, e.g. `http://127.0.0.1:40123`.
    public let baseURL: URL

    public init() async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        let book = book
        await server.appendRoute("*") { request in
            var headers: [String: String] = [:]
            for key in request.headers.keys { headers[key.rawValue.lowercased()] = request.headers[key] }
            let status = await book.record(Received(path: request.path, headers: headers, body: try await request.bodyData))
            return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status"), body: Data("ok".utf8))
        }
        self.server = server
        task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 120)
        guard case .ip4(_, port: let port)? = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// What was received so far.
    public var received: [Received] { get async { await book.received } }

    /// Answers the next requests with these statuses, in order.
    public func answer(_ statuses: [Int]) async { await book.answer(statuses) }

    public func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }
}
