import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `refchart report-worker` child: chart positions go in on its standard input, ``WorkerMessage``
/// lines come back on its standard output, and its end (an exit status, or the signal that killed it) is
/// the last event. A ticker adds an event every ``tick`` so the supervisor can enforce deadlines.
// Unchecked: `Process` and `FileHandle` are not marked Sendable, but each is only started once, then
// signalled, written or closed, which both allow from any thread.
final class WorkerProcess: @unchecked Sendable {
    enum Event: Sendable {
        case message(WorkerMessage)
        case tick
        /// The worker ended: its exit status, or the signal that killed it.
        case ended(status: Int32, signal: Int32?)
    }

    /// How often deadlines are checked.
    static let tick = Duration.milliseconds(200)

    let events: AsyncStream<Event>
    private let process: Process
    private let input: FileHandle
    private let ticker: Task<Void, Never>

    /// Starts `executable report-worker arguments…`.
    /// - Throws: When the process cannot be started.
    init(executable: URL, arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["report-worker"] + arguments
        var environment = ProcessInfo.processInfo.environment
        // A worker that traps prints a whole backtrace; the supervisor reports the crash in one line.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        process.environment = environment
        let (toWorker, fromWorker) = (Pipe(), Pipe())
        process.standardInput = toWorker
        process.standardOutput = fromWorker
        let (events, sink) = AsyncStream.makeStream(of: Event.self)
        try process.run()
        self.process = process
        self.events = events
        input = toWorker.fileHandleForWriting
        ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.tick)
                sink.yield(.tick)
            }
        }
        let output = fromWorker.fileHandleForReading
        let ticker = ticker
        Thread {
            var buffer = Data()
            while case let chunk = output.availableData, !chunk.isEmpty {
                buffer += chunk
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer = Data(buffer[buffer.index(after: newline)...])
                    if let message = try? JSONDecoder().decode(WorkerMessage.self, from: line) { sink.yield(.message(message)) }
                }
            }
            process.waitUntilExit()
            ticker.cancel()
            let signaled = process.terminationReason == .uncaughtSignal
            sink.yield(.ended(status: process.terminationStatus, signal: signaled ? process.terminationStatus : nil))
            sink.finish()
        }.start()
    }

    /// Hands the worker the chart at `index` of the jobs file.
    func send(_ index: Int) {
        try? input.write(contentsOf: Data("\(index)\n".utf8))
    }

    /// Tells the worker no more charts are coming: it exits when those it has are done.
    func finishInput() {
        try? input.close()
    }

    /// Kills the worker at once (a chart past its deadline, an interrupted run).
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    }
}
