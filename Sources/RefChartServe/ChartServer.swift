public import Foundation
import Hummingbird
public import RefChart
public import RefChartReport

/// `refchart serve`: a jobs file's charts over HTTP, rendered in this process (no browser, no process
/// start per chart), cached by request and source versions, answered with an ETag (304 when it matches),
/// at most `concurrency` renders and `queue` waiting (503 beyond), each request within its deadline (504).
///
/// Routes: `GET /` (a gallery of the charts with controls), `GET /v1/charts` (the names), `GET /v1/charts/NAME.png|svg|pdf` with query overrides
/// (``ChartOverrides``), `GET /healthz`, `GET /readyz`, `GET /metrics` (Prometheus text). SIGTERM or
/// SIGINT stops accepting and lets in-flight renders finish (Hummingbird's service lifecycle).
public struct ChartServer: Sendable {
    public let job: ReportJob
    public let settings: ServeSettings
    private let charts: [String: ChartRequest]
    private let cache: RenderCache
    private let gate: RenderGate
    private let counters = ServeCounters()
    private let openPanel: @Sendable () throws -> OpenPanelClient

    /// A server for `job`'s charts, as its `serve:` section (or the defaults) says.
    public init(job: ReportJob) {
        self.job = job
        settings = job.serve ?? ServeSettings()
        charts = Dictionary(job.charts.map { ($0.name ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        cache = RenderCache(limit: settings.cacheEntries)
        gate = RenderGate(concurrency: settings.concurrency ?? ProcessInfo.processInfo.activeProcessorCount, queue: settings.queue)
        // One OpenPanel client (one rate-limit pacer) for every request; its error, if it has none, for
        // the charts that need it.
        let made = Result { try OpenPanelClient.configured(apiURL: job.openPanel.apiUrl, credentialsFile: job.openPanel.credentialsFile) }
        openPanel = { try made.get() }
    }

    /// Serves until SIGTERM or SIGINT; `onListening` hears the address once the socket is bound.
    public func run(host: String? = nil, port: Int? = nil, onListening: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        router.get("/") { _, _ in
            let title = job.reportTitle
            let page = GalleryPage.html(title: title, names: job.charts.compactMap(\.name), protected: !settings.tokenHashes.isEmpty)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ in "ready\n" }
        router.get("/metrics") { _, _ in await self.metrics() }
        router.get("/v1/charts") { request, _ in self.authorized(request) ?? self.listing() }
        router.get("/v1/charts/{file}") { request, context in
            if let refused = self.authorized(request) { return refused }
            return await self.chart(request, file: context.parameters.get("file") ?? "")
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host ?? settings.host, port: port ?? settings.port), serverName: "refchart"),
            onServerRunning: { channel in
                let address = channel.localAddress
                onListening("http://\(address?.ipAddress ?? host ?? settings.host):\(address?.port ?? 0)")
            })
        try await app.runService()
    }

    /// `nil` when the request may ask for charts (no tokens configured, or a bearer token whose SHA-256
    /// is one of them, compared in constant time); else the 401 to answer.
    private func authorized(_ request: Request) -> Response? {
        guard !settings.tokenHashes.isEmpty else { return nil }
        let header = request.headers[.authorization] ?? ""
        if header.hasPrefix("Bearer ") {
            let digest = SHA256.hex(SHA256.hash(Array(header.dropFirst(7).utf8)))
            // Every hash compared whole, whatever matches: the time says nothing about which.
            var accepted = false
            for hash in settings.tokenHashes where Self.sameBytes(hash, digest) { accepted = true }
            if accepted { return nil }
        }
        var refused = Self.problem(.unauthorized, field: nil, "a bearer token is needed: Authorization: Bearer TOKEN")
        refused.headers[.wwwAuthenticate] = "Bearer"
        return refused
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
        let names = job.charts.compactMap(\.name)
        return Self.json(.ok, ["charts": names.map { ["name": $0, "url": "/v1/charts/\($0).png"] }])
    }

    /// One chart: the cache, else a render within the gate and the deadline.
    private func chart(_ request: Request, file: String) async -> Response {
        let started = ContinuousClock.now
        let dot = file.lastIndex(of: ".")
        let (name, ext) = dot.map { (String(file[..<$0]), String(file[file.index(after: $0)...])) } ?? (file, "")
        guard let format = ChartFormat(rawValue: ext.lowercased()) else {
            return await counted(Self.problem(.notFound, field: nil, "ask for NAME.png, NAME.svg or NAME.pdf"), cached: false, started)
        }
        guard let base = charts[name] else {
            return await counted(Self.problem(.notFound, field: nil, "no chart \(quoted(name)); GET /v1/charts lists them"), cached: false, started)
        }
        let overrides: ChartOverrides
        let chart: ChartRequest
        do {
            overrides = try ChartOverrides(request.uri.queryParameters.map { (String($0.key), String($0.value)) })
            chart = try overrides.apply(to: base)
        } catch let problem as ChartOverrides.Problem {
            return await counted(Self.problem(.badRequest, field: problem.field, problem.message), cached: false, started)
        } catch {
            return await counted(Self.problem(.badRequest, field: nil, "\(error)"), cached: false, started)
        }
        let key = "\(name).\(format.rawValue)?\(overrides.canonical)#\(Self.versions(of: chart))"
        if let image = await cache.image(key) {
            return await counted(Self.answer(image, request: request), cached: true, started)
        }
        guard await gate.enter() else {
            var busy = Self.problem(.serviceUnavailable, field: nil, "busy: every render slot and the queue are taken; try again")
            busy.headers[.retryAfter] = "1"
            return await counted(busy, cached: false, started)
        }
        let outcome = await Race.within(settings.deadline) { [openPanel, gate] in
            // The slot is given back before the answer goes: the client's next request finds it free.
            do {
                var drawn = chart
                (drawn.formats, drawn.output, drawn.layoutReport, drawn.footnotesFile) = ([format], "-", nil, nil)
                let rendered = try await ChartPipeline(now: Date(), openPanel: openPanel).render(drawn)
                guard let bytes = rendered.image(format) else { throw ChartError("no \(format.rawValue) was rendered") }
                await gate.leave()
                return bytes
            } catch {
                await gate.leave()
                throw error
            }
        }
        switch outcome {
        case .finished(.success(let bytes)):
            let image = RenderCache.Image(bytes: bytes, contentType: format.mediaType, etag: "\"\(SHA256.hex(SHA256.hash(bytes)).prefix(32))\"")
            await cache.store(image, for: key)
            return await counted(Self.answer(image, request: request), cached: false, started)
        case .finished(.failure(let error)):
            // The message names the chart's problem, never a stack trace; paths are the config's own.
            let message = (error as? any RefChartFailure)?.message(spelling: .keys) ?? "\(error)"
            return await counted(Self.problem(.unprocessableContent, field: nil, message), cached: false, started)
        case .timedOut:
            return await counted(
                Self.problem(.gatewayTimeout, field: nil, "the chart took longer than \(settings.deadline) s (serve.deadline)"), cached: false,
                started)
        }
    }

    private static func answer(_ image: RenderCache.Image, request: Request) -> Response {
        var headers: HTTPFields = [.eTag: image.etag, .cacheControl: "public, max-age=60"]
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == image.etag }) == true {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = image.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: image.bytes)))
    }

    /// What a chart reads, as versions (modification time and size): an edit is a new cache entry.
    private static func versions(of chart: ChartRequest) -> String {
        (([chart.csv].compactMap { $0 }) + chart.references).map { path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(modified):\(attributes?[.size] as? Int ?? -1)"
        }.joined(separator: ",")
    }

    /// A JSON error body: `{"error": …, "field": …}`.
    private static func problem(_ status: HTTPResponse.Status, field: String?, _ message: String) -> Response {
        var body: [String: Any] = ["error": message]
        if let field { body["field"] = field }
        return json(status, body)
    }

    private static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: Array(data))))
    }

    private func counted(_ response: Response, cached: Bool, _ started: ContinuousClock.Instant) async -> Response {
        let elapsed = ContinuousClock.now - started
        await counters.record(
            status: response.status.code, cached: cached, seconds: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        return response
    }

    private func metrics() async -> Response {
        let text = await counters.prometheus(queueDepth: gate.depth, running: gate.active, cache: (await cache.hits, await cache.misses))
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension ChartFormat {
    /// The answer's Content-Type.
    var mediaType: String {
        switch self {
        case .png: return "image/png"
        case .svg: return "image/svg+xml"
        case .pdf: return "application/pdf"
        }
    }
}
