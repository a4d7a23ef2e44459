/// At most `concurrency` renders at once and `queue` waiting: beyond that a request is turned away at
/// once (a 503 with Retry-After), so a burst cannot pile up unbounded work and memory.
actor RenderGate {
    private let concurrency: Int
    private let queue: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(concurrency: Int, queue: Int) { (self.concurrency, self.queue) = (max(1, concurrency), max(0, queue)) }

    /// Requests currently waiting.
    var depth: Int { waiting.count }
    /// Renders running now.
    var active: Int { running }

    /// Waits for a render slot; `false` when the queue is full (the caller answers 503).
    func enter() async -> Bool {
        if running < concurrency {
            running += 1
            return true
        }
        guard waiting.count < queue else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// Gives the slot to the next waiting request, or frees it.
    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
