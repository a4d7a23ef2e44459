/// A piece of work against a deadline: its result, or that the deadline came first. The work is not
/// cancelled (a render cannot stop half-way); it finishes in the background and frees its slot then.
enum Race<Value: Sendable> {
    enum Outcome: Sendable {
        case finished(Result<Value, any Error>)
        case timedOut
    }

    /// Resumes its continuation once, whichever comes first.
    private actor Once {
        var continuation: CheckedContinuation<Outcome, Never>?
        init(_ continuation: CheckedContinuation<Outcome, Never>) { self.continuation = continuation }
        func finish(_ outcome: Outcome) {
            continuation?.resume(returning: outcome)
            continuation = nil
        }
    }

    /// - Parameter executor: Where the work runs (``RenderExecutor``), not the cooperative pool.
    static func within(
        _ seconds: Double, on executor: (any TaskExecutor)? = nil, _ work: @escaping @Sendable () async throws -> Value
    ) async -> Outcome {
        await withCheckedContinuation { continuation in
            let once = Once(continuation)
            Task(executorPreference: executor) {
                do {
                    let value = try await work()
                    await once.finish(.finished(.success(value)))
                } catch {
                    await once.finish(.finished(.failure(error)))
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                await once.finish(.timedOut)
            }
        }
    }
}
