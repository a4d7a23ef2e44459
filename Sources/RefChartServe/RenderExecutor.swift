import Dispatch

/// Threads of their own for renders. A render is seconds of CPU work without a suspension point (layout,
/// Cairo, deflate); on Swift's cooperative pool (one thread per core) two renders on two cores left no
/// thread to answer anything else: with 64 connections on this 2-core machine the 503s that should go at
/// once waited behind renders (p99 1.4 s, 135 wrk time-outs). On these threads the pool stays free for
/// the event loop's handlers, the cache and the probes; ``RenderGate`` still bounds how many run.
final class RenderExecutor: TaskExecutor {
    static let shared = RenderExecutor()

    private let queue = DispatchQueue(label: "refchart.render", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
