public import Foundation
import RefChart

/// The worker side of a supervised report (`refchart report-worker`, started by ``ReportSupervisor``):
/// reads chart positions in the jobs file, one per line, from standard input; renders each as it comes,
/// all through one ``ChartPipeline`` (one OpenPanel client, each project's references fetched once); and
/// writes a ``WorkerMessage`` line per chart as it ends. It returns when standard input closes and every
/// chart it was given has ended. The supervisor decides how many run at once by what it sends.
public enum ReportWorker {
    /// Serves `job`'s charts until standard input closes.
    /// - Parameters:
    ///   - now: The run's instant, as the supervisor fixed it (`{date}`, `last` windows).
    ///   - onWait: Hears of each wait for OpenPanel's rate limit or before a retry.
    public static func serve(job: ReportJob, now: Date, onWait: @escaping @Sendable (String) -> Void) async {
        let settings = job.openPanel
        let pipeline = ChartPipeline(
            now: now,
            openPanel: { try OpenPanelClient.configured(apiURL: settings.apiUrl, credentialsFile: settings.credentialsFile, onWait: onWait) })
        let (indices, feed) = AsyncStream.makeStream(of: Int.self)
        let reader = Thread {
            while let line = readLine() {
                if let index = Int(line), job.charts.indices.contains(index) { feed.yield(index) }
            }
            feed.finish()
        }
        reader.start()
        let output = MessageWriter()
        await withTaskGroup(of: Void.self) { group in
            for await index in indices {
                let request = job.charts[index]
                group.addTask {
                    Self.trapIfAsked(request.name)
                    let (chart, page) = await ReportRunner.render(
                        request, with: pipeline, keepingPage: job.pdf != nil || job.html != nil, digestingInputs: job.digestsInputs)
                    output.write(WorkerMessage(index: index, chart: chart, page: page))
                }
            }
        }
    }

    /// A debug build's way to test crash isolation: `REFCHART_DEBUG_TRAP_CHART=name` traps on that chart,
    /// `REFCHART_DEBUG_HANG_CHART=name` never finishes it. Release builds have neither.
    static func trapIfAsked(_ name: String?) {
        #if DEBUG
        let environment = ProcessInfo.processInfo.environment
        if let name, environment["REFCHART_DEBUG_TRAP_CHART"] == name { fatalError("REFCHART_DEBUG_TRAP_CHART: trapping on chart \(name)") }
        if let name, environment["REFCHART_DEBUG_HANG_CHART"] == name {
            while true { sleep(3600) }
        }
        #endif
    }

    /// Writes whole JSON lines to standard output, one at a time.
    private final class MessageWriter: Sendable {
        private let lock = NSLock()

        func write(_ message: WorkerMessage) {
            guard let data = try? JSONEncoder().encode(message) else { return }
            lock.withLock { FileHandle.standardOutput.write(data + Data([0x0A])) }
        }
    }
}
