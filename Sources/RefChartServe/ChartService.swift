public import Foundation
public import RefChart
public import RefChartReport

/// Charts on request, for every front end that stays up (`refchart serve`'s HTTP routes, `refchart mcp`'s
/// tools): a configured chart with query overrides, or a body's chart over the config's sources, rendered
/// in this process, cached by request and source versions, at most `concurrency` at once and `queue`
/// waiting, each within the deadline. Front ends turn its ``Answer`` or ``Problem`` into their protocol.
public struct ChartService: Sendable {
    /// A rendered chart: its bytes, media type, entity tag, layout report (JSON) and a summary in words.
    public struct Answer: Sendable {
        public var bytes: [UInt8]
        public var contentType: String
        public var etag: String
        public var layout: [UInt8]
        /// One paragraph: the series, the references and where they went, the impact numbers.
        public var summary: String
        /// Whether the cache held it.
        public var cached = false
    }

    /// Why there is no chart: an HTTP status (its meaning for every front end), the field at fault, words.
    public struct Problem: Error, Sendable {
        public var status: Int
        public var field: String?
        public var message: String
        /// Seconds to wait before asking again (a 503 or 429).
        public var retryAfter: Int?

        init(_ status: Int, field: String? = nil, _ message: String, retryAfter: Int? = nil) {
            (self.status, self.field, self.message, self.retryAfter) = (status, field, message, retryAfter)
        }
    }

    public let job: ReportJob
    public let settings: ServeSettings
    private let charts: [String: ChartRequest]
    private let cache: RenderCache
    private let gate: RenderGate
    private let epochs: SourceEpochs
    private let parsed = ParsedSources()
    let metrics = ServeMetrics()

    /// A service for `job`'s charts, as its `serve:` section (or the defaults) says.
    public init(job: ReportJob) {
        self.job = job
        settings = job.serve ?? ServeSettings()
        charts = Dictionary(job.charts.map { ($0.name ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        cache = RenderCache(limit: settings.cacheEntries)
        gate = RenderGate(concurrency: settings.concurrency ?? ProcessInfo.processInfo.activeProcessorCount, queue: settings.queue)
        // One OpenPanel client (one rate-limit pacer) for every request; its error, if it has none, for
        // the charts that need it.
        let metrics = self.metrics
        let made = Result {
            try OpenPanelClient.configured(
                apiURL: job.openPanel.apiUrl, credentialsFile: job.openPanel.credentialsFile, onAnswer: { metrics.openPanel(status: $0) })
        }
        epochs = SourceEpochs(ttl: settings.openPanelTTL, makeClient: { try made.get() })
    }

    /// The configured charts' names, in file order.
    public var names: [String] { job.charts.compactMap(\.name) }

    /// The configured chart `name` as `format`, with `query`'s overrides (``ChartOverrides``).
    public func chart(named name: String, format: ChartFormat, query: [(String, String)]) async throws(Problem) -> Answer {
        guard let base = charts[name] else {
            throw Problem(404, "no chart \(quoted(name, limit: 80)); GET /v1/charts lists them")
        }
        let overrides: ChartOverrides
        let chart: ChartRequest
        do {
            overrides = try ChartOverrides(query)
            chart = try overrides.apply(to: base)
        } catch let problem as ChartOverrides.Problem {
            throw Problem(400, field: problem.field, problem.message)
        } catch {
            throw Problem(400, "\(error)")
        }
        return try await render(chart, format: format, key: "chart:\(name).\(format.rawValue)?\(overrides.canonical)")
    }

    /// The chart a request body asks for (``ReportJob/renderRequest(body:)``) as `format`.
    public func chart(body: String, format: ChartFormat) async throws(Problem) -> Answer {
        let chart: ChartRequest
        do {
            chart = try job.renderRequest(body: body)
        } catch let problem as JobFileError {
            var where_ = ""
            if let line = problem.line { where_ = "line \(line)" + (problem.column.map { ", column \($0)" } ?? "") + ": " }
            throw Problem(400, field: problem.field, where_ + problem.message)
        } catch {
            throw Problem(400, "\(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let canonical = SHA256.hex(SHA256.hash(Array((try? encoder.encode(chart)) ?? Data())))
        return try await render(chart, format: format, key: "body:\(canonical).\(format.rawValue)")
    }

    /// The cache, else a render within the gate and the deadline.
    private func render(_ chart: ChartRequest, format: ChartFormat, key base: String) async throws(Problem) -> Answer {
        let now = Date()
        let epoch = await epochs.current(now)
        // OpenPanel data, a downloaded CSV and a window relative to now change without a file changing:
        // their images are keyed by the TTL's window too.
        let moving = chart.openpanelProject != nil || !chart.events.isEmpty || chart.last != nil || MetricSource.isURL(chart.csv ?? "")
        let key = "\(base)#\(Self.versions(of: chart))" + (moving ? "@\(epoch.index)" : "")
        if var answer = await cache.image(key) {
            metrics.cache(hit: true)
            answer.cached = true
            return answer
        }
        metrics.cache(hit: false)
        guard await gate.enter() else {
            throw Problem(503, "busy: every render slot and the queue are taken; try again", retryAfter: 1)
        }
        await reportGate()
        let started = ContinuousClock.now
        let outcome = await Race.within(settings.deadline, on: RenderExecutor.shared) { [gate, parsed] in
            // The slot is given back before the answer goes: the client's next request finds it free.
            do {
                var drawn = chart
                (drawn.formats, drawn.output, drawn.layoutReport, drawn.footnotesFile) = ([format], "-", nil, nil)
                let rendered = try await ChartPipeline(now: now, sources: epoch.sources, parsed: parsed).render(drawn)
                await gate.leave()
                return rendered
            } catch {
                await gate.leave()
                throw error
            }
        }
        await reportGate()
        switch outcome {
        case .finished(.success(let rendered)):
            metrics.rendered(in: ContinuousClock.now - started)
            guard let bytes = rendered.image(format) else { throw Problem(500, "no \(format.rawValue) was rendered") }
            let answer = Answer(
                bytes: bytes, contentType: format.mediaType, etag: "\"\(SHA256.hex(SHA256.hash(bytes)).prefix(32))\"",
                layout: Array((try? rendered.layoutReport.json()) ?? Data()), summary: Self.summary(of: rendered))
            await cache.store(answer, for: key)
            return answer
        case .finished(.failure(let error)):
            // The message names the chart's problem, never a stack trace; paths are the config's own.
            let message = (error as? any RefChartFailure)?.message(spelling: .keys) ?? "\(error)"
            throw Problem(422, message)
        case .timedOut:
            throw Problem(504, "the chart took longer than \(settings.deadline) s (serve.deadline)")
        }
    }

    private func reportGate() async {
        metrics.gate(depth: await gate.depth, running: await gate.active)
    }

    /// What a chart reads, as versions (modification time and size): an edit is a new cache entry.
    private static func versions(of chart: ChartRequest) -> String {
        (([chart.csv].compactMap { $0 }) + chart.references).map { path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(modified):\(attributes?[.size] as? Int ?? -1)"
        }.joined(separator: ",")
    }

    /// `pageviews: 12 references (9 labels, 3 badges). Impact: Launch (2024-02-01) +35 % over 7d; …`
    static func summary(of rendered: RenderedChart) -> String {
        let report = rendered.layoutReport
        var text = "\(rendered.request.name ?? "chart")"
        let states = LayoutReport.State.allCases.compactMap { state -> String? in
            let count = report.count(state)
            return count == 0 ? nil : "\(count) \(state == .outOfRange ? "out of range" : state.rawValue + (count == 1 ? "" : "s"))"
        }
        text += ": \(report.references.count) reference\(report.references.count == 1 ? "" : "s")"
        if !states.isEmpty { text += " (" + states.joined(separator: ", ") + ")" }
        let impacts = report.references.compactMap { entry -> String? in
            guard let change = entry.impact?.text else { return nil }
            return "\(entry.title) (\(entry.date.prefix(10))) \(change) over \(entry.impact!.window)"
        }
        if !impacts.isEmpty { text += ". Impact: " + impacts.prefix(20).joined(separator: "; ") }
        if impacts.count > 20 { text += "; and \(impacts.count - 20) more" }
        return text + "."
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
