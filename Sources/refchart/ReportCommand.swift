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

            The whole file is checked first: an unknown key, a bad value or a duplicate name exits 64 naming \
            its line and column, and nothing renders. Then charts render --jobs at a time; one OpenPanel \
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

    @Option(help: ArgumentHelp("Write the run's summary as JSON to this file; - for standard output.", valueName: "file"))
    var summary: String?

    @Flag(help: "Check the jobs file and exit without rendering.")
    var check = false

    @Flag(help: "Print only failures.")
    var quiet = false

    @Option(help: ArgumentHelp("Give up on the whole run after this many seconds (exit 5; default 3600).", valueName: "seconds"))
    var timeout = 3600.0

    @Option(
        help: ArgumentHelp(
            "Give up on one chart after this many seconds, waits and retries included (default: the file's chartTimeout, else 120).",
            valueName: "seconds"))
    var chartTimeout: Double?

    func validate() throws {
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
        do {
            job = try loadJob()
            charts = try selection.charts(of: job)
            if let summary {
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
                    "\(shownPath(jobsFile)): \(job.charts.count) chart\(job.charts.count == 1 ? "" : "s"), valid; this run would render \(charts.count)"
                )
            }
            return
        }
        let supervisor = try ReportSupervisor(
            job: job, selection: selection, executable: Self.executable, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            chartTimeout: chartTimeout ?? job.chartTimeout ?? 120)
        let printer = ProgressPrinter(quiet: quiet)
        if let summary, summary != "-" {
            // Before anything renders: a run that is killed outright leaves "running", never last week's summary.
            try? AtomicFile.write(
                ReportSummary(state: .running, started: ReportRunner.stamp(started), finished: nil, charts: []).json(), to: summary)
        }
        LastWords.set { [summary] reason in
            let result: ReportSummary
            switch reason {
            case .signal(let signal):
                result = supervisor.stop(.interrupted, reason: "stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM")")
            case .timeout(let seconds):
                result = supervisor.stop(.timeout, reason: "gave up after \(Int(seconds)) s (--timeout)")
            }
            if let summary { try? AtomicFile.write(try result.json(), to: summary, allowingStandardOutput: true) }
        }
        let result = await supervisor.run { printer.finished($0) }
        guard LastWords.withdraw() else {
            // A signal or the deadline stopped the run: its handler writes the summary and exits.
            while true { try? await Task.sleep(for: .seconds(60)) }
        }
        printer.close()
        if let pdf = result.pdf {
            if let error = pdf.error {
                printer.line("refchart: error: combined PDF \(pdf.path): \(error)")
            } else if !quiet {
                printer.line("wrote \(pdf.path) (\(pdf.pages) pages)")
            }
        }
        if let summary {
            try await reportingErrors { try AtomicFile.write(try result.json(), to: summary, allowingStandardOutput: true) }
        }
        if !quiet || result.failed > 0 {
            printer.line("\(result.ok) of \(result.charts.count) charts rendered\(result.failed > 0 ? ", \(result.failed) failed" : "")")
        }
        if !result.succeeded { throw ExitCode(ExitStatus.failure) }
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
        guard let summary else { return }
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
