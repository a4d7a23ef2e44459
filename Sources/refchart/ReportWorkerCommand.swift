import ArgumentParser
import Foundation
import RefChart
import RefChartReport

/// `refchart report-worker JOBS --now T`: the worker a supervised `report` starts (``ReportWorker``).
/// Reads chart positions on standard input, writes one JSON line per chart on standard output. Hidden:
/// not for people.
struct ReportWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report-worker", shouldDisplay: false)

    @Argument var jobsFile: String

    @Option(help: "The run's instant, seconds since the epoch.")
    var now: Double

    @Option(help: "What messages call the jobs file.")
    var named: String?

    @Option(help: "Where the jobs file's relative paths start.")
    var folder: String?

    func run() async throws {
        let job: ReportJob
        do {
            job = try ReportJob.load(path: jobsFile, named: named, folder: folder)
        } catch let error as JobFileError {
            throw fail(error.description, status: error.exitStatus)
        }
        await ReportWorker.serve(job: job, now: Date(timeIntervalSince1970: now)) { message in
            FileHandle.standardError.write(Data("refchart: \(message)\n".utf8))
        }
    }
}
