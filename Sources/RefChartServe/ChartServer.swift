public import Foundation
import Hummingbird
import NIOCore
public import RefChart
public import RefChartReport

/// `refchart serve`: a jobs file's charts over HTTP (Hummingbird 2), answered by a ``ChartService``.
///
/// Routes: `GET /` (a gallery of the charts with controls), `GET /v1/charts` (the names),
/// `GET /v1/charts/NAME.png|svg|pdf` with query overrides (``ChartOverrides``), `GET /v1/charts/NAME/layout`
/// (the layout report), `POST /v1/render?format=png` (a chart in the body over the config's sources),
/// `GET /healthz`, `GET /readyz`, `GET /metrics` (Prometheus text). Bearer tokens and the rate limit
/// guard `/v1/…`; one access-log line per request. SIGTERM or SIGINT stops accepting and lets in-flight
/// renders finish (Hummingbird's service lifecycle).
public struct ChartServer: Sendable {
    public let service: ChartService
    private var settings: ServeSettings { service.settings }
    private let limiter: RateLimiter?
    private let log: AccessLog

    /// A server for `job`'s charts, as its `serve:` section (or the defaults) says.
    public init(job: ReportJob) {
        service = ChartService(job: job)
        limiter = service.settings.rateLimit.map(RateLimiter.init(perMinute:))
        log = AccessLog(service.settings.accessLog)
    }

    /// Serves until SIGTERM or SIGINT; `onListening` hears the address once the socket is bound.
    public func run(host: String? = nil, port: Int? = nil, onListening: @escaping @Sendable (String) -> Void) async throws {
        let router = Router(context: ServeContext.self)
        router.add(middleware: Accounting(server: self))
        router.get("/") { _, _ in
            let page = GalleryPage.html(
                title: service.job.reportTitle, names: service.names, protected: !settings.tokenHashes.isEmpty)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ in "ready\n" }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: service.metrics.text)))
        }
        router.get("/v1/charts") { request, context in
            try await guarded(request, context) { self.listing() }
        }
        router.get("/v1/charts/{file}") { request, context in
            try await guarded(request, context) { await self.chart(request, file: context.parameters.get("file") ?? "") }
        }
        router.get("/v1/charts/{file}/layout") { request, context in
            try await guarded(request, context) { await self.layout(request, name: context.parameters.get("file") ?? "") }
        }
        router.post("/v1/render") { request, context in
            try await guarded(request, context) { await self.render(request) }
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host ?? settings.host, port: port ?? settings.port), serverName: "refchart"),
            onServerRunning: { channel in
                let address = channel.localAddress
                onListening("http://\(address?.ipAddress ?? host ?? settings.host):\(address?.port ?? 0)")
            })
        try await app.runService()
    }

    /// The token check and the rate limit, then `answer`.
    private func guarded(_ request: Request, _ context: ServeContext, _ answer: () async throws -> Response) async throws -> Response {
        let caller: String
        switch authorized(request) {
        case .refused(let response): return response
        case .caller(let hash): caller = hash ?? context.remoteAddress?.ipAddress ?? "unknown"
        }
        if let limiter, let wait = await limiter.admit(caller) {
            return Self.problem(.init(429, "over serve.rateLimit (\(settings.rateLimit ?? 0) requests a minute): try again", retryAfter: wait))
        }
        return try await answer()
    }

    private enum Authorization {
        /// May go on: the token's hash (`nil` without tokens).
        case caller(String?)
        case refused(Response)
    }

    /// No tokens configured, or a bearer token whose SHA-256 is one of them (compared in constant time).
    private func authorized(_ request: Request) -> Authorization {
        guard !settings.tokenHashes.isEmpty else { return .caller(nil) }
        let header = request.headers[.authorization] ?? ""
        if header.hasPrefix("Bearer ") {
            let digest = SHA256.hex(SHA256.hash(Array(header.dropFirst(7).utf8)))
            // Every hash compared whole, whatever matches: the time says nothing about which.
            var accepted = false
            for hash in settings.tokenHashes where Self.sameBytes(hash, digest) { accepted = true }
            if accepted { return .caller(digest) }
        }
        var refused = Self.problem(.init(401, "a bearer token is needed: Authorization: Bearer TOKEN"))
        refused.headers[.wwwAuthenticate] = "Bearer"
        return .refused(refused)
    }

    /// Equal strings, compared in time that depends only on their length.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for k in x.indices { difference |= x[k] ^ y[k] }
        return difference == 0
    }

    private func listing() -> Response {
        Self.json(
            .ok,
            ["charts": service.names.map { ["name": $0, "url": "/v1/charts/\($0).png", "layout": "/v1/charts/\($0)/layout"] }])
    }

    /// `NAME.png|svg|pdf`.
    private func chart(_ request: Request, file: String) async -> Response {
        let dot = file.lastIndex(of: ".")
        let (name, ext) = dot.map { (String(file[..<$0]), String(file[file.index(after: $0)...])) } ?? (file, "")
        guard let format = ChartFormat(rawValue: ext.lowercased()) else {
            return Self.problem(.init(404, "ask for NAME.png, NAME.svg or NAME.pdf"))
        }
        do {
            return Self.image(try await service.chart(named: name, format: format, query: Self.query(request)), request: request)
        } catch {
            return Self.problem(error)
        }
    }

    /// The layout report of `name` as drawn as a PNG with the query's overrides.
    private func layout(_ request: Request, name: String) async -> Response {
        do {
            let answer = try await service.chart(named: name, format: .png, query: Self.query(request))
            var response = Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: answer.layout)))
            response.headers[Self.cacheHeader] = answer.cached ? "hit" : "miss"
            return response
        } catch {
            return Self.problem(error)
        }
    }

    /// `POST /v1/render?format=png`: the body (JSON or YAML, at most ``ServeSettings/largestBody`` bytes) is
    /// one chart over the config's sources.
    private func render(_ request: Request) async -> Response {
        let query = Self.query(request)
        guard query.allSatisfy({ $0.0 == "format" }), let format = ChartFormat(rawValue: query.first?.1 ?? "png") else {
            return Self.problem(.init(400, field: "format", "the query may only say format=png, svg or pdf"))
        }
        let body = request.body
        let bytes: ByteBuffer
        do {
            bytes = try await body.collect(upTo: ServeSettings.largestBody)
        } catch {
            return Self.problem(.init(413, "the body is over \(ServeSettings.largestBody >> 10) KiB"))
        }
        guard let text = bytes.getString(at: bytes.readerIndex, length: bytes.readableBytes) else {
            return Self.problem(.init(400, "the body is not UTF-8 text"))
        }
        do {
            return Self.image(try await service.chart(body: text, format: format), request: request)
        } catch {
            return Self.problem(error)
        }
    }

    private static func query(_ request: Request) -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    private static func image(_ answer: ChartService.Answer, request: Request) -> Response {
        var headers: HTTPFields = [.eTag: answer.etag, .cacheControl: "public, max-age=60"]
        headers[Self.cacheHeader] = answer.cached ? "hit" : "miss"
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == answer.etag }) == true {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = answer.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.bytes)))
    }

    /// A JSON error body: `{"error": …, "field": …}`, with Retry-After when the problem has one.
    private static func problem(_ problem: ChartService.Problem) -> Response {
        var body: [String: Any] = ["error": problem.message]
        if let field = problem.field { body["field"] = field }
        var response = json(HTTPResponse.Status(code: problem.status), body)
        if let wait = problem.retryAfter { response.headers[.retryAfter] = String(wait) }
        return response
    }

    private static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: Array(data))))
    }

    /// `X-Cache: hit|miss` on a chart's answer (the access log reads it back).
    static let cacheHeader = HTTPFields.Element.Name("X-Cache")!

    /// Counts every answer by route and status and writes its access-log line.
    private struct Accounting: RouterMiddleware {
        let server: ChartServer

        func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
            let started = ContinuousClock.now
            var response: Response
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError {
                response = ChartServer.problem(.init(error.status.code, error.status.reasonPhrase))
            }
            let elapsed = ContinuousClock.now - started
            let route = context.endpointPath ?? "unmatched"
            server.service.metrics.request(route: route, status: response.status.code)
            server.log.request(
                method: request.method.rawValue, route: route, path: request.uri.path, status: response.status.code,
                bytes: response.body.contentLength ?? 0,
                milliseconds: Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15,
                cache: response.headers[ChartServer.cacheHeader])
            return response
        }
    }
}

/// Each request's context: Hummingbird's, and the client's address (the rate limit's key without tokens).
struct ServeContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
