public import Foundation
import RefChart

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a report's charts in a supervised worker process (`refchart report-worker`, see ``ReportWorker``)
/// so that no chart can take the others down: a chart whose worker dies is `crashed` (with the signal), a
/// chart past its deadline is `timeout` (its worker is killed), and a new worker takes the rest. The
/// summary and the combined PDF are always made.
///
/// One worker renders up to `concurrency` charts at once through one pipeline (one OpenPanel client and
/// its pacing, each project's references fetched once), as ``ReportRunner`` does in process. When a worker
/// dies holding several charts, each is run again alone, so only the one that kills its worker is marked.
///
/// Its state is behind a lock: ``stop(_:reason:)`` may be called from a signal handler's thread while
/// ``run(progress:)`` runs.
public final class ReportSupervisor: Sendable {
    /// The jobs file.
    public let job: ReportJob
    /// Positions in ``job``'s charts of the charts this run renders, in file order.
    public let selected: [Int]
    /// The `refchart` executable to start workers from.
    public let executable: URL
    /// How many charts render at once.
    public let concurrency: Int
    /// The longest one chart may take, waits and retries included.
    public let chartTimeout: Double
    /// The run's instant: `last` windows end here, `{date}` is its day.
    public let now: Date
    /// The shard this run renders, if it is one: it leaves the combined PDF to the assembly.
    public let shard: ReportSelection.Shard?
    /// Whether the run renders only some charts by name (`--only`): it leaves the combined PDF as it is,
    /// whole from the last full run, rather than replace it with a PDF of a few pages under the same name.
    public let byName: Bool
    private let state = Mutex()

    /// Creates a supervisor for the charts `selection` keeps.
    /// - Throws: ``JobFileError`` for a selection the file cannot satisfy.
    public init(
        job: ReportJob, selection: ReportSelection = ReportSelection(), executable: URL, concurrency: Int, chartTimeout: Double,
        now: Date = Date()
    ) throws {
        let names = try selection.charts(of: job).map(\.name)
        self.job = job
        selected = names.compactMap { name in job.charts.firstIndex { $0.name == name } }
        self.executable = executable
        self.concurrency = max(1, concurrency)
        self.chartTimeout = chartTimeout
        self.now = now
        shard = selection.shard
        byName = !selection.only.isEmpty
        state.withLock { $0.started = Date() }
    }

    /// Renders every selected chart, then the combined PDF when the job asks for one.
    /// - Parameter progress: Called as each chart ends.
    public func run(progress: @escaping @Sendable (ReportRunner.Progress) -> Void = { _ in }) async -> ReportSummary {
        signal(SIGPIPE, SIG_IGN)  // a worker that died must not take the supervisor with it
        var pending = selected
        var suspects: [Int] = []
        while !(pending.isEmpty && suspects.isEmpty), !state.withLock({ $0.stopped }) {
            let alone = !suspects.isEmpty
            let worker: WorkerProcess
            do {
                worker = try WorkerProcess(
                    executable: executable,
                    arguments: [
                        job.workerFile, "--now", String(now.timeIntervalSince1970), "--named", job.file, "--folder", job.folder,
                        "--parent", String(getpid()),
                    ])
            } catch {
                for index in pending + suspects {
                    record(index, status: .failed, kind: "internal", "cannot start a report worker (\(executable.path)): \(error)", progress)
                }
                break
            }
            state.withLock { $0.worker = worker }
            var given: [Int] = alone ? [suspects.removeFirst()] : []
            func feed() {
                if alone {
                    if let index = given.popLast() { start(index, on: worker) }
                    worker.finishInput()
                    return
                }
                while state.withLock({ $0.running.count }) < concurrency, !pending.isEmpty { start(pending.removeFirst(), on: worker) }
                if pending.isEmpty { worker.finishInput() }
            }
            feed()
            var ended = 0
            for await event in worker.events {
                switch event {
                case .message(let message):
                    guard state.withLock({ $0.running.removeValue(forKey: message.index) }) != nil else { continue }
                    finish(message.index, message.chart, page: message.page, progress)
                    ended += 1
                    if !alone { feed() }
                case .tick:
                    let late = state.withLock { state in state.running.filter { $0.value.elapsed > chartTimeout }.map(\.key) }
                    guard !late.isEmpty else { continue }
                    for index in late {
                        state.withLock { _ = $0.running.removeValue(forKey: index) }
                        record(
                            index, status: .timeout, kind: "timeout",
                            "took longer than the chart deadline of \(Self.seconds(chartTimeout)) (chartTimeout, --chart-timeout): stopped; nothing of it was written",
                            progress)
                    }
                    // The others this worker held start again on the next one.
                    pending.insert(contentsOf: state.withLock { state in state.running.keys.sorted() }, at: 0)
                    state.withLock { $0.running = [:] }
                    ended += late.count
                    worker.kill()
                case .ended(let status, let signal):
                    let held = state.withLock { state in
                        defer { state.running = [:] }
                        return state.running.keys.sorted()
                    }
                    if held.isEmpty && ended == 0 && !(pending.isEmpty && suspects.isEmpty) {
                        // A worker that cannot even start (a broken install): say so rather than retry forever.
                        for index in pending + suspects {
                            record(
                                index, status: .failed, kind: "internal", "the report worker exited (status \(status)) before rendering anything",
                                progress)
                        }
                        (pending, suspects) = ([], [])
                    }
                    guard !held.isEmpty else { continue }
                    ended += held.count
                    if alone || held.count == 1 {
                        let how = signal.map { "signal \($0) (\(Self.signalName($0)))" } ?? "exit status \(status)"
                        for index in held {
                            record(
                                index, status: .crashed, kind: "crashed", "the process rendering it died of \(how); the other charts went on",
                                progress)
                        }
                    } else {
                        suspects += held
                    }
                }
            }
        }
        return finalSummary()
    }

    /// Stops the run now (a signal, the run's deadline): kills the worker and returns the summary as it
    /// stands, charts not finished marked `not-run` (or `timeout`, for a run that timed out).
    public func stop(_ runState: ReportSummary.State, reason: String) -> ReportSummary {
        let worker = state.withLock { state -> WorkerProcess? in
            state.stopped = true
            return state.worker
        }
        worker?.kill()
        return summary(runState, error: reason)
    }

    /// Each selected chart that ended, in file order, with its page of the combined PDF: a shard's part.
    package func entries() -> [ReportShardPart.Entry] {
        state.withLock { state in
            selected.compactMap { index in state.ended[index].map { ReportShardPart.Entry(index: index, chart: $0.0, page: $0.1) } }
        }
    }

    private func start(_ index: Int, on worker: WorkerProcess) {
        state.withLock { $0.running[index] = ContinuousClock.now }
        worker.send(index)
    }

    private func record(
        _ index: Int, status: ReportSummary.Chart.Status, kind: String, _ message: String,
        _ progress: @Sendable (ReportRunner.Progress) -> Void
    ) {
        var chart = ReportSummary.Chart(
            name: job.charts[index].name ?? "", status: status, outputs: [], seconds: 0, references: nil, error: nil, warnings: [])
        chart.error = .init(kind: kind, message: message)
        finish(index, chart, page: nil, progress)
    }

    private func finish(_ index: Int, _ chart: ReportSummary.Chart, page: Scene?, _ progress: @Sendable (ReportRunner.Progress) -> Void) {
        let counts = state.withLock { state -> (Int, Int) in
            state.ended[index] = (chart, page)
            return (state.ended.count, state.ended.values.count { $0.0.status != .ok })
        }
        progress(ReportRunner.Progress(chart: chart, done: counts.0, failed: counts.1, total: selected.count))
    }

    private func finalSummary() -> ReportSummary {
        if state.withLock({ $0.stopped }) { return summary(.interrupted, error: nil) }
        var result = summary(.complete, error: nil)
        if shard == nil && !byName {
            let entries = state.withLock { state in selected.compactMap { state.ended[$0].map { (chart: $0.0, page: $0.1) } } }
            ReportRunner.writeDocuments(job: job, now: now, entries: entries, into: &result)
        }
        return result
    }

    private func summary(_ runState: ReportSummary.State, error: String?) -> ReportSummary {
        state.withLock { state in
            let charts = selected.map { index -> ReportSummary.Chart in
                if let (chart, _) = state.ended[index] { return chart }
                var chart = ReportSummary.Chart(
                    name: job.charts[index].name ?? "", status: .notRun, outputs: [], seconds: 0, references: nil, error: nil, warnings: [])
                if let began = state.running[index] {
                    chart.status = runState == .timeout ? .timeout : .notRun
                    chart.seconds = (began.elapsed * 1000).rounded() / 1000
                    chart.error = .init(
                        kind: runState == .timeout ? "timeout" : "interrupted",
                        message: "was rendering when the run \(runState == .timeout ? "timed out" : "was stopped"); nothing of it was written")
                }
                return chart
            }
            return ReportSummary(
                state: runState, error: error, started: ReportRunner.stamp(state.started), finished: ReportRunner.stamp(Date()), charts: charts)
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func signalName(_ signal: Int32) -> String {
        [
            SIGILL: "SIGILL, a trap", SIGTRAP: "SIGTRAP, a trap", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL",
            SIGTERM: "SIGTERM", SIGFPE: "SIGFPE",
        ][signal] ?? "a signal"
    }

    /// The supervisor's state, behind one lock.
    private struct State {
        var started = Date()
        var worker: WorkerProcess?
        /// Charts given to the worker and not ended, with when they started.
        var running: [Int: ContinuousClock.Instant] = [:]
        var ended: [Int: (ReportSummary.Chart, Scene?)] = [:]
        var stopped = false
    }

    // Unchecked: every access to `value` is under `lock`.
    private final class Mutex: @unchecked Sendable {
        private let lock = NSLock()
        private var value = State()

        func withLock<T>(_ body: (inout State) -> T) -> T {
            lock.withLock { body(&value) }
        }
    }
}

extension ContinuousClock.Instant {
    /// Seconds since this instant.
    var elapsed: Double {
        let duration = ContinuousClock.now - self
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
