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

    @Option(help: "The supervising report's process id: the worker ends when it is gone.")
    var parent: Int32?

    func run() async throws {
        Self.endWithParent(parent ?? getppid())
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

    /// Ends this worker when the `report` that started it is gone, even killed with SIGKILL (which gives it
    /// no chance to stop its workers): a worker in the middle of a chart (up to its deadline, 120 s) would
    /// otherwise keep drawing into the outputs of a run that no longer exists. Checked twice a second: the
    /// parent's pid changes when the process is reparented (`PR_SET_PDEATHSIG` is a variadic C call Swift
    /// cannot make). The supervisor passes its pid: one killed before this worker got here has already
    /// left it reparented, and `getppid()` read now would take the new parent for the old.
    private static func endWithParent(_ parent: Int32) {
        Thread.detachNewThread {
            while getppid() == parent { Thread.sleep(forTimeInterval: 0.5) }
            _exit(70)
        }
    }
}
