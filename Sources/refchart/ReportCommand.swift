import ArgumentParser
import Foundation
import RefChart
import RefChartReport

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

    @Option(help: "How many charts render at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Render only this chart; repeat for several.", valueName: "name"))
    var only: [String] = []

    @Option(help: ArgumentHelp("Render one shard of the charts: I/N renders those whose position is I mod N (0 ≤ I < N).", valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Write the run's summary as JSON to this file; - for standard output.", valueName: "file"))
    var summary: String?

    @Flag(help: "Check the jobs file and exit without rendering.")
    var check = false

    @Flag(help: "Print only failures.")
    var quiet = false

    @Option(help: ArgumentHelp("Give up on the whole run after this many seconds (exit 5; default 3600).", valueName: "seconds"))
    var timeout = 3600.0

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 7 * 86_400 else {
            throw ValidationError("--timeout \(timeout) is out of range: use more than 0 and at most 604800 seconds")
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs \(jobs) is out of range: use 1 to 256") }
        if let shard, ReportSelection.Shard(shard) == nil {
            throw ValidationError("--shard \(shard) is not a shard: use I/N with 0 ≤ I < N, e.g. 0/4")
        }
    }

    func run() async throws {
        Watchdog.arm(seconds: timeout)
        let job: ReportJob
        let charts: [ChartRequest]
        let selection = ReportSelection(only: only, shard: shard.flatMap(ReportSelection.Shard.init))
        do {
            job = try ReportJob.load(path: jobsFile)
            charts = try selection.charts(of: job)
        } catch let error as JobFileError {
            throw fail(error.description, status: error.exitStatus)
        }
        if let summary {
            var paths = job.paths
            if let earlier = paths.add(PathUse("the summary (--summary)", path: summary, writes: true)) {
                let collision = PathCollision(use: PathUse("--summary", path: summary, writes: true), earlier: earlier)
                throw fail(collision.message(spelling: .flags), status: collision.exitStatus)
            }
        }
        if check {
            if !quiet { print("\(jobsFile): \(job.charts.count) charts, valid; this run would render \(charts.count)") }
            return
        }
        let runner = ReportRunner(job: job, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let printer = ProgressPrinter(quiet: quiet)
        let result = try await runner.run(selection, onWait: { printer.line("refchart: \($0)") }, progress: { printer.finished($0) })
        printer.close()
        if let pdf = result.pdf {
            if let error = pdf.error {
                printer.line("refchart: error: combined PDF \(pdf.path): \(error)")
            } else if !quiet {
                printer.line("wrote \(pdf.path) (\(pdf.pages) pages)")
            }
        }
        if let summary {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try await reportingErrors {
                try AtomicFile.write(Array(try encoder.encode(result)) + [0x0A], to: summary, allowingStandardOutput: true)
            }
        }
        if !quiet || result.failed > 0 {
            printer.line("\(result.ok) of \(result.charts.count) charts rendered\(result.failed > 0 ? ", \(result.failed) failed" : "")")
        }
        if !result.succeeded { throw ExitCode(ExitStatus.failure) }
    }
}
