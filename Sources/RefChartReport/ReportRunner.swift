public import Foundation
public import RefChart

/// Runs a ``ReportJob``: renders its charts concurrently (bounded), through one ``ChartPipeline`` (so
/// one OpenPanel client and pacer, each project's references fetched once, each CSV URL downloaded
/// once), isolating failures: a chart that fails is recorded and every other chart still renders.
public struct ReportRunner: Sendable {
    /// How one chart ended, as it ends: for progress lines.
    public struct Progress: Sendable {
        /// The chart that just finished.
        public var chart: ReportSummary.Chart
        /// Charts finished so far, this one included.
        public var done: Int
        /// Charts failed so far.
        public var failed: Int
        /// Charts in this run.
        public var total: Int

        package init(chart: ReportSummary.Chart, done: Int, failed: Int, total: Int) {
            (self.chart, self.done, self.failed, self.total) = (chart, done, failed, total)
        }
    }

    /// The jobs file.
    public var job: ReportJob
    /// How many charts render at once.
    public var concurrency: Int
    /// The run's instant: `last` windows end here, `{date}` is its day.
    public var now: Date

    /// Creates a runner; `concurrency` defaults to the number of cores.
    public init(job: ReportJob, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date = Date()) {
        self.job = job
        self.concurrency = max(1, concurrency)
        self.now = now
    }

    /// Renders the selected charts and, when the job asks, the combined PDF.
    /// - Parameters:
    ///   - selection: Which charts (`--only`, `--shard`).
    ///   - openPanel: Makes the shared OpenPanel client on first use (default: the job's `openpanel`
    ///     settings, then the environment).
    ///   - onWait: Hears of each wait for OpenPanel's rate limit or before a retry.
    ///   - progress: Called as each chart finishes, from any task.
    /// - Throws: ``JobFileError`` only for a selection the file cannot satisfy; chart failures are in the
    ///   summary.
    public func run(
        _ selection: ReportSelection = ReportSelection(), openPanel: (@Sendable () throws -> OpenPanelClient)? = nil,
        onWait: @escaping @Sendable (String) -> Void = { _ in }, progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> ReportSummary {
        let charts = try selection.charts(of: job)
        let settings = job.openPanel
        let pipeline = ChartPipeline(
            now: now,
            openPanel: openPanel ?? {
                try OpenPanelClient.configured(apiURL: settings.apiUrl, credentialsFile: settings.credentialsFile, onWait: onWait)
            })
        let started = Date()
        var outcomes = [(ReportSummary.Chart, Scene?)?](repeating: nil, count: charts.count)
        var (done, failed) = (0, 0)
        await withTaskGroup(of: (Int, ReportSummary.Chart, Scene?).self) { group in
            var next = 0
            func startNext() {
                guard next < charts.count else { return }
                let (index, request) = (next, charts[next])
                next += 1
                group.addTask { [keepPages = job.pdf != nil || job.html != nil, digest = job.digestsInputs] in
                    let (chart, page) = await Self.render(request, with: pipeline, keepingPage: keepPages, digestingInputs: digest)
                    return (index, chart, page)
                }
            }
            for _ in 0..<min(concurrency, charts.count) { startNext() }
            for await (index, chart, page) in group {
                outcomes[index] = (chart, page)
                done += 1
                if chart.status == .failed { failed += 1 }
                progress(Progress(chart: chart, done: done, failed: failed, total: charts.count))
                startNext()
            }
        }
        let finished = outcomes.compactMap { $0 }
        // A shard's pages make the combined PDF only with the others' (``ReportAssembly``); a run of charts
        // by name (`--only`) leaves the whole one in place.
        var summary = ReportSummary(state: .complete, started: Self.stamp(started), finished: Self.stamp(Date()), charts: finished.map(\.0))
        if selection.shard == nil && selection.only.isEmpty {
            Self.writeDocuments(job: job, now: now, entries: finished.map { ($0.0, $0.1) }, into: &summary)
        }
        return summary
    }

    /// Renders and writes one chart; never throws: a failure is the chart's outcome.
    static func render(
        _ request: ChartRequest, with pipeline: ChartPipeline, keepingPage: Bool, digestingInputs: Bool = false
    ) async
        -> (ReportSummary.Chart, Scene?)
    {
        let clock = ContinuousClock.now
        var outcome = ReportSummary.Chart(
            name: request.name ?? "", status: .failed, outputs: [], seconds: 0, references: nil, error: nil, warnings: [])
        var page: Scene?
        do {
            let rendered = try await pipeline.render(request, keepingPage: keepingPage, digestingInputs: digestingInputs)
            try createFolders(for: rendered.writtenPaths)
            let chart = try pipeline.write(rendered)
            let report = chart.layoutReport
            outcome.status = .ok
            outcome.outputs = chart.writtenPaths
            outcome.references = .init(
                label: report.count(.label), badge: report.count(.badge), band: report.count(.band), outOfRange: report.count(.outOfRange))
            outcome.warnings = chart.warnings.map { $0.spelled(.keys) }
            let measured = report.references.compactMap { entry in
                entry.impact.map {
                    ReportSummary.Chart.Impact(
                        reference: entry.title, date: entry.date, before: $0.before, after: $0.after, change: $0.change, window: $0.window)
                }
            }
            if request.options.impact { outcome.impacts = measured.sorted { $0.date < $1.date } }
            page = chart.page
            outcome.inputDigest = rendered.inputDigest
        } catch {
            outcome.error = failure(error)
        }
        let elapsed = ContinuousClock.now - clock
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        outcome.seconds = (seconds * 1000).rounded() / 1000
        return (outcome, page)
    }

    /// Creates the folders outputs go to: a scheduled report's paths often name a new folder
    /// (`out/{date}/…`), and a report job has no shell step to make it.
    package static func createFolders(for paths: [String]) throws {
        for folder in Set(paths.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ChartError("cannot create the folder \(folder): \(AtomicFile.describe(error))", kind: .io)
            }
        }
    }

    /// Writes `job`'s combined PDF of `pages`; never throws: a failure is in the outcome.
    /// Writes the whole-report files the job asks for — the PDF document (`pdf:`) and the HTML page
    /// (`html:`) — from the charts' outcomes and pages, in file order, and notes in `summary` what became
    /// of each, the period the charts cover and (for `deliver:`) the digest of what they drew.
    static func writeDocuments(job: ReportJob, now: Date, entries: [(chart: ReportSummary.Chart, page: Scene?)], into summary: inout ReportSummary) {
        let pages = entries.compactMap(\.page)
        if let span = ReportDocumentContent.span(of: pages) {
            summary.period =
                ISO8601.string(fromSeconds: span.lowerBound, fractionalSeconds: false) + "/"
                + ISO8601.string(fromSeconds: span.upperBound, fractionalSeconds: false)
            summary.periodText = ReportDocumentContent.period(span, zone: TimeZone(identifier: job.timezone) ?? .gmt)
        }
        if job.digestsInputs {
            // What the charts are drawn from, chart by chart: `onlyIfChanged` compares it with the last send.
            let parts = entries.map { "\($0.chart.name)=\($0.chart.inputDigest ?? $0.chart.status.rawValue)" }
            summary.digest = SHA256.hex(SHA256.hash(Array(parts.joined(separator: "\n").utf8)))
        }
        guard job.pdf != nil || job.html != nil else { return }
        let document = ReportDocumentContent(job: job, now: now, entries: entries).document
        let nothing = "no chart rendered, so there is nothing to put in it"
        var pdf: ReportSummary.CombinedPDF?
        if job.pdf != nil {
            let path = ((try? job.pdfPath(now: now)) ?? nil) ?? job.pdf ?? ""
            var result = ReportSummary.CombinedPDF(path: path, pages: 0, error: nil)
            do {
                guard !pages.isEmpty else { throw ChartError(OptionText(nothing)) }
                let (bytes, count) = try CombinedPDF.render(
                    document: document, subject: pages.map(\.accessibleTitle).filter { !$0.isEmpty }.joined(separator: "; "),
                    date: now.timeIntervalSince1970.rounded(.down))
                result.pages = count
                try Self.createFolders(for: [path])
                try AtomicFile.write(bytes, to: path)
            } catch {
                result.error = "\(error)"
            }
            pdf = result
        }
        var html: ReportSummary.HTMLReport?
        if job.html != nil {
            let path = ((try? job.htmlPath(now: now)) ?? nil) ?? job.html ?? ""
            var result = ReportSummary.HTMLReport(path: path, charts: pages.count, error: nil)
            do {
                guard !pages.isEmpty else { throw ChartError(OptionText(nothing)) }
                let warnings = entries.flatMap { entry in entry.chart.warnings.map { (chart: entry.chart.name, text: $0) } }
                try Self.createFolders(for: [path])
                try AtomicFile.write(Array(ReportHTML.page(document, warnings: warnings).utf8), to: path)
            } catch {
                result.error = "\(error)"
            }
            html = result
        }
        (summary.pdf, summary.html) = (pdf, html)
    }

    /// The summary's kind and message for an error: the failure's ``FailureKind`` and its message with
    /// options spelled as a jobs file writes them (`lenient: true`); `internal` for anything else.
    package static func failure(_ error: any Error) -> ReportSummary.Chart.Failure {
        guard let failure = error as? any RefChartFailure else { return .init(kind: "internal", message: String(describing: error)) }
        return .init(kind: failure.failureKind.rawValue, message: failure.message(spelling: .keys))
    }

    /// An instant as a summary writes it: ISO 8601, UTC, whole seconds.
    public static func stamp(_ date: Date) -> String {
        ISO8601.string(from: date, fractionalSeconds: false)
    }
}
