import ArgumentParser
import Foundation
import RefChart
import RefChartReport

#if canImport(Glibc)
import Glibc
#endif

/// `refchart report`: every chart of a jobs file, unattended. Parses flags, runs ``ReportRunner``, prints.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render every chart of a jobs file (YAML or JSON), concurrently, failures isolated.",
        discussion: """
            Example:
              refchart report samples/weekly.yaml --summary -

            The whole file is checked first: every unknown key, bad value or duplicate name is reported with its \
            line and column (exit 64), and nothing renders. Then charts render --jobs at a time; one OpenPanel \
            client serves them all. A chart that fails is reported and leaves no file; the others still \
            render. Exit 0 when every chart rendered, 1 when any failed.
            """)

    @Argument(help: ArgumentHelp("The jobs file.", valueName: "jobs.yaml"))
    var jobsFile: String

    // `.unconditional`: a negative value reaches validate() and its range message, not "Missing value".
    @Option(parsing: .unconditional, help: "How many charts render at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Render only this chart; repeat for several.", valueName: "name"))
    var only: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Render one shard of the charts: I/N renders those whose position is I mod N (0 ≤ I < N).", valueName: "I/N"))
    var shard: String?

    @Option(
        name: .customLong("summary"),
        help: ArgumentHelp(
            "Write the run's summary as JSON to this file; - for standard output. {shard} in it becomes I-of-N for a shard's own summary, all for the assembled one.",
            valueName: "file"))
    var summaryFile: String?

    @Flag(help: "Print the run's summary as JSON on standard output (the same as --summary -).")
    var json = false

    /// Where the summary goes: `--summary`, or standard output for `--json`.
    private var summary: String? { json ? "-" : summaryFile }

    @Flag(
        help: ArgumentHelp(
            "Write the combined PDF and one summary from the parts the shards (--shard I/N) left; refuse, naming them, when a shard is missing, stale or failed. With --shard: the last shard to finish assembles."
        ))
    var assemble = false

    @Option(
        help: ArgumentHelp(
            "Where shards leave their parts for --assemble (default: .refchart-parts beside the combined PDF); every shard must reach it.",
            valueName: "folder"))
    var parts: String?

    @Flag(help: "Check the jobs file and exit without rendering.")
    var check = false

    @Flag(help: "Render, then say what each deliver: destination would be sent; send and record nothing.")
    var dryRun = false

    @Flag(help: "Print only failures.")
    var quiet = false

    @Flag(help: "Start every progress and error line with the time (ISO 8601, UTC), for a log file.")
    var timestamps = false

    @Option(help: ArgumentHelp("Give up on the whole run after this many seconds (exit 5; default 3600).", valueName: "seconds"))
    var timeout = 3600.0

    @Option(
        help: ArgumentHelp(
            "Give up on one chart after this many seconds, waits and retries included (default: the file's chartTimeout, else 120).",
            valueName: "seconds"))
    var chartTimeout: Double?

    func validate() throws {
        if json && summaryFile != nil { throw ValidationError("give --json or --summary, not both") }
        guard timeout.isFinite, timeout > 0, timeout <= 7 * 86_400 else {
            throw ValidationError("--timeout \(timeout) is out of range: use more than 0 and at most 604800 seconds")
        }
        if let chartTimeout, !(chartTimeout.isFinite && chartTimeout > 0 && chartTimeout <= 86_400) {
            throw ValidationError("--chart-timeout \(chartTimeout) is out of range: use more than 0 and at most 86400 seconds")
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs \(jobs) is out of range: use 1 to 256") }
        if let shard, ReportSelection.Shard(shard) == nil {
            throw ValidationError("--shard \(shard) is not a shard: use I/N with 0 ≤ I < N, e.g. 0/4")
        }
    }

    func run() async throws {
        let started = Date()
        Watchdog.arm(seconds: timeout)
        let job: ReportJob
        let selection = ReportSelection(only: only, shard: shard.flatMap(ReportSelection.Shard.init))
        let charts: [ChartRequest]
        let dashboards: [(index: Int, dashboard: DashboardJob)]
        do {
            job = try loadJob()
            if let unwritten = job.charts.first(where: { $0.output == nil }) {
                // Only a file that serves its charts (`serve:`) may leave outputs out.
                throw JobFileError(
                    file: job.file,
                    message:
                        "chart \(quoted(unwritten.name ?? "")) has no \"output\": this file serves its charts (serve:); give each an output to render it as a report"
                )
            }
            // --only names charts and dashboards alike; a shard renders its round of both.
            charts = try selection.charts(of: job)
            dashboards = try selection.dashboards(of: job)
            for summary in [ownSummary, assembledSummary].compactMap({ $0 }) {
                var paths = job.paths
                if let earlier = paths.add(PathUse("the summary (--summary)", path: summary, writes: true)) {
                    throw PathCollision(use: PathUse("--summary", path: summary, writes: true), earlier: earlier)
                }
            }
        } catch let error as any RefChartFailure {
            AtomicFile.removeTemporaryFiles()  // the copy of a jobs file read from standard input
            let message = error.message(spelling: .flags)
            writeInvalidSummary(message, started: started)
            throw fail(message, status: error.exitStatus)
        }
        defer { if job.workerFile != job.file { AtomicFile.forget(job.workerFile) } }
        if check {
            if !quiet {
                print(
                    "\(shownPath(jobsFile)): \(job.charts.count) chart\(job.charts.count == 1 ? "" : "s")"
                        + (job.dashboards.isEmpty ? "" : " and \(job.dashboards.count) dashboard\(job.dashboards.count == 1 ? "" : "s")")
                        + ", valid; this run would render \(charts.count + dashboards.count)"
                )
            }
            return
        }
        if assemble && shard == nil {
            try await assembleParts(of: job, count: nil, only: only)
            return
        }
        let supervisor = try ReportSupervisor(
            job: job, selection: selection, executable: Self.executable, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            chartTimeout: chartTimeout ?? job.chartTimeout ?? 120)
        let printer = ProgressPrinter(quiet: quiet, timestamps: timestamps)
        if supervisor.shard != nil, let pdf = try? job.pdfPath(now: supervisor.now), FileManager.default.fileExists(atPath: pdf) {
            // Last run's combined PDF goes first: only an assembly of every shard writes the next one.
            try? FileManager.default.removeItem(atPath: pdf)
        }
        if let summary = ownSummary, summary != "-" {
            // Before anything renders: a run that is killed outright leaves "running", never last week's summary.
            try? AtomicFile.write(
                ReportSummary(state: .running, started: ReportRunner.stamp(started), finished: nil, charts: []).json(), to: summary)
        }
        LastWords.set { [summary = ownSummary] reason in
            let result: ReportSummary
            switch reason {
            case .signal(let signal):
                result = supervisor.stop(.interrupted, reason: "stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM")")
            case .timeout(let seconds):
                result = supervisor.stop(.timeout, reason: "gave up after \(Int(seconds)) s (--timeout)")
            }
            if let summary { try? AtomicFile.write(try result.json(), to: summary, allowingStandardOutput: true) }
        }
        var result =
            charts.isEmpty
            ? ReportSummary(state: .complete, started: ReportRunner.stamp(started), finished: ReportRunner.stamp(Date()), charts: [])
            : await supervisor.run { printer.finished($0) }
        guard LastWords.withdraw() else {
            // A signal or the deadline stopped the run: its handler writes the summary and exits.
            while true { try? await Task.sleep(for: .seconds(60)) }
        }
        printer.close()
        for line in documentLines(result) { printer.line(line) }
        if supervisor.byName && supervisor.shard == nil && (job.pdf != nil || job.html != nil) && !quiet {
            let kept = [job.pdf.map { _ in "PDF" }, job.html.map { _ in "HTML report" }].compactMap { $0 }.joined(separator: " and ")
            printer.line(
                "the combined \(kept) \(kept.contains(" and ") ? "are left as they were" : "is left as it was"): --only renders part of the report")
        }
        var dashboardEntries: [ReportShardPart.Entry] = []
        if !dashboards.isEmpty {
            (result, dashboardEntries) = await renderDashboards(dashboards, of: job, after: result, printer: printer, now: supervisor.now)
        }
        if let shard = supervisor.shard {
            result.shard = "\(shard.index)/\(shard.count)"
            result.part = try await reportingErrors {
                try leavePart(of: job, shard: shard, summary: result, entries: supervisor.entries() + dashboardEntries, now: supervisor.now)
            }
            if !quiet { printer.line("wrote shard \(shard.index)/\(shard.count)'s part \(shownPath(result.part!))") }
        }
        if supervisor.shard == nil && !supervisor.byName && !job.deliveries.isEmpty {
            result.deliveries = await deliver(result, of: job, now: supervisor.now, say: { [quiet] line in if !quiet { printer.line(line) } })
        }
        if let summary = ownSummary {
            try await reportingErrors { try AtomicFile.write(try result.json(), to: summary, allowingStandardOutput: true) }
        }
        if !quiet || result.failed > 0 {
            printer.line(result.countsLine)
        }
        if assemble, let shard = supervisor.shard { try await assembleParts(of: job, count: shard.count, only: only, now: supervisor.now) }
        if !result.succeeded { throw ExitCode(ExitStatus.failure) }
    }

    /// Sends the finished report to the job's destinations; a failed one is an error line.
    private func deliver(
        _ summary: ReportSummary, of job: ReportJob, now: Date, say: @escaping @Sendable (String) -> Void
    ) async
        -> [ReportSummary.Delivery]
    {
        let outcomes = await ReportDelivery(job: job, dryRun: dryRun).deliver(summary, now: now, say: say)
        for outcome in outcomes where outcome.status == .failed {
            FileHandle.standardError.write(Data("refchart: error: delivery to \(outcome.destination) failed: \(outcome.detail)\n".utf8))
        }
        for outcome in outcomes where outcome.status == .skipped { say("not sent to \(outcome.destination): \(outcome.detail)") }
        return outcomes
    }

    /// Renders the jobs file's dashboards after its charts, through one OpenPanel client; the summary with
    /// an entry each, and those entries at their positions for a shard's part.
    private func renderDashboards(
        _ dashboards: [(index: Int, dashboard: DashboardJob)], of job: ReportJob, after result: ReportSummary, printer: ProgressPrinter,
        now: Date
    ) async -> (ReportSummary, [ReportShardPart.Entry]) {
        var entries: [ReportShardPart.Entry] = []
        func finished(_ index: Int, _ entry: ReportSummary.Chart) {
            entries.append(ReportShardPart.Entry(index: index, chart: entry, page: nil))
            printer.finished(
                ReportRunner.Progress(
                    chart: entry, done: entries.count, failed: entries.count { $0.chart.status != .ok }, total: dashboards.count))
        }
        do {
            let client = try OpenPanelClient.configured(apiURL: job.openPanel.apiUrl, credentialsFile: job.openPanel.credentialsFile) {
                printer.line("refchart: \($0)")
            }
            let listings = DashboardListings(client: client)
            for (index, dashboard) in dashboards { finished(index, await dashboard.run(client: client, listings: listings, now: now)) }
        } catch {
            // No client (credentials missing): every dashboard fails with why.
            for (index, dashboard) in dashboards { finished(index, dashboard.failed(error)) }
        }
        let summary = ReportSummary(
            state: result.state, error: result.error, started: result.started, finished: ReportRunner.stamp(Date()),
            charts: result.charts + entries.map(\.chart), pdf: result.pdf)
        return (summary, entries)
    }

    /// What became of the combined PDF and the HTML report: an error line each that failed, and unless
    /// `--quiet` a line each that was written.
    private func documentLines(_ summary: ReportSummary, from source: String? = nil) -> [String] {
        var lines: [String] = []
        let suffix = source.map { " from \($0)" } ?? ""
        if let pdf = summary.pdf {
            if let error = pdf.error {
                lines.append("refchart: error: combined PDF \(pdf.path): \(error)")
            } else if !quiet {
                lines.append("wrote \(pdf.path) (\(pdf.pages) page\(pdf.pages == 1 ? "" : "s"))\(suffix)")
            }
        }
        if let html = summary.html {
            if let error = html.error {
                lines.append("refchart: error: HTML report \(html.path): \(error)")
            } else if !quiet {
                lines.append("wrote \(html.path) (\(html.charts) chart\(html.charts == 1 ? "" : "s"))\(suffix)")
            }
        }
        return lines
    }

    /// `--summary` for this run's own summary (`{shard}` filled for a shard).
    private var ownSummary: String? {
        guard let summary else { return nil }
        guard let shard = shard.flatMap(ReportSelection.Shard.init) else {
            return assemble ? nil : summary.replacingOccurrences(of: "{shard}", with: "all")
        }
        return summary.replacingOccurrences(of: "{shard}", with: "\(shard.index)-of-\(shard.count)")
    }

    /// `--summary` for the assembled summary: the path itself when assembling alone, with `{shard}` as `all`
    /// after a shard (without `{shard}` a shard's own summary keeps the path, and the assembled one is not
    /// written).
    private var assembledSummary: String? {
        guard assemble, let summary else { return nil }
        guard shard != nil else { return summary.replacingOccurrences(of: "{shard}", with: "all") }
        return summary.contains("{shard}") ? summary.replacingOccurrences(of: "{shard}", with: "all") : nil
    }

    /// Writes a shard's part for the assembly; its path.
    private func leavePart(
        of job: ReportJob, shard: ReportSelection.Shard, summary: ReportSummary, entries: [ReportShardPart.Entry], now: Date
    ) throws -> String {
        let folder = ReportShardPart.folder(job: job, override: parts, now: now)
        let path = ReportShardPart.path(folder: folder, jobsFile: job.file, index: shard.index, count: shard.count)
        let part = ReportShardPart(
            shard: shard.index, shards: shard.count, only: only, jobsDigest: ReportShardPart.digest(ofFile: job.workerFile), summary: summary,
            entries: entries)
        try ReportRunner.createFolders(for: [path])
        try AtomicFile.write(Array(try JSONEncoder().encode(part)), to: path)
        return path
    }

    /// Assembles the shards' parts: alone (`count` unknown), every part must be there; after a shard, the
    /// parts still missing mean another shard will assemble.
    private func assembleParts(of job: ReportJob, count: Int?, only: [String], now: Date = Date()) async throws {
        let folder = ReportShardPart.folder(job: job, override: parts, now: now)
        guard let lock = AssemblyLock(folder: folder) else {
            try refuseAssembly(["cannot take the lock \(shownPath(folder))/.assemble.lock: is the folder writable?"])
        }
        defer { lock.release() }
        if let shard = shard.flatMap(ReportSelection.Shard.init),
            !FileManager.default.fileExists(atPath: ReportShardPart.path(folder: folder, jobsFile: job.file, index: shard.index, count: shard.count))
        {
            // Its part is gone: a shard that finished at the same time assembled the report with it.
            if !quiet { print("another shard assembled the report") }
            return
        }
        switch ReportAssembly.assemble(job: job, folder: folder, only: only, count: count, now: now) {
        case .assembled(var merged):
            for line in documentLines(merged, from: merged.shard ?? "the shards") { print(line) }
            if !job.deliveries.isEmpty {
                merged.deliveries = await deliver(merged, of: job, now: now, say: { [quiet] line in if !quiet { print(line) } })
            }
            if let path = assembledSummary {
                try await reportingErrors { try AtomicFile.write(try merged.json(), to: path, allowingStandardOutput: true) }
            }
            if !quiet || merged.failed > 0 {
                print("assembled: \(merged.countsLine)")
            }
            if !merged.succeeded { throw ExitCode(ExitStatus.failure) }
        case .incomplete(let missing, let count) where self.shard != nil:
            if !quiet {
                let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
                print("shard\(missing.count == 1 ? " \(names) has" : "s \(names) have") not finished: the last shard to finish assembles")
            }
        case .incomplete(let missing, let count):
            try refuseAssembly(missing.map { "shard \($0)/\(count) has left no part in \(shownPath(folder))" })
        case .refused(let problems):
            try refuseAssembly(problems)
        }
    }

    /// Says why the parts make no report, in the assembled summary too; exits 1.
    private func refuseAssembly(_ problems: [String]) throws -> Never {
        let message = "cannot assemble the report: " + problems.joined(separator: "; ")
        if let path = assembledSummary {
            let refused = ReportSummary(
                state: .invalid, error: message, started: ReportRunner.stamp(Date()), finished: ReportRunner.stamp(Date()), charts: [])
            try? AtomicFile.write(try refused.json(), to: path, allowingStandardOutput: true)
        }
        throw fail(message)
    }

    /// The jobs file, or standard input (`-`, `/dev/stdin`): read once, its relative paths from the current
    /// folder, and kept in a private copy for the workers (removed when the process ends).
    private func loadJob() throws -> ReportJob {
        guard ReportJob.namesStandardInput(jobsFile) else { return try ReportJob.load(path: jobsFile) }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("refchart-jobs-\(UUID().uuidString).yaml").path
        // Mode 0600 from the start: the file may name credentials files and URLs.
        guard FileManager.default.createFile(atPath: copy, contents: nil, attributes: [.posixPermissions: 0o600]),
            let out = FileHandle(forWritingAtPath: copy)
        else { throw JobFileError(file: ReportJob.standardInputName, message: "cannot keep a copy in \(shownPath(NSTemporaryDirectory()))") }
        AtomicFile.track(copy)
        var total = 0
        while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            total += chunk.count
            try? out.write(contentsOf: chunk)
            if total > 64 << 20 { break }
        }
        try? out.close()
        do {
            var job = try ReportJob.load(
                path: copy, named: ReportJob.standardInputName, folder: FileManager.default.currentDirectoryPath)
            job.workerFile = copy
            return job
        } catch {
            AtomicFile.forget(copy)
            throw error
        }
    }

    /// A refused run still replaces the summary, so it never describes an earlier run; not when the
    /// summary's path is what was refused or is the jobs file itself.
    private func writeInvalidSummary(_ message: String, started: Date) {
        guard let summary = ownSummary ?? assembledSummary else { return }
        var ledger = PathLedger()
        if !ReportJob.namesStandardInput(jobsFile) { _ = ledger.add(PathUse("the jobs file", path: jobsFile, writes: false)) }
        guard ledger.add(PathUse("the summary", path: summary, writes: true)) == nil, !message.contains("--summary") else { return }
        let result = ReportSummary(
            state: .invalid, error: message, started: ReportRunner.stamp(started), finished: ReportRunner.stamp(Date()), charts: [])
        try? AtomicFile.write(try result.json(), to: summary, allowingStandardOutput: true)
    }

    /// This executable, to start report workers from.
    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }
}
