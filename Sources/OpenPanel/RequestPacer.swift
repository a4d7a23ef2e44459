/// Spaces requests so a batch stays under the server's rate limit instead of provoking 429s.
///
/// Keeps the send times of the last `limit` requests: a request waits until fewer than `limit` were sent
/// in the last `window` (plus a small margin for network jitter, since the server counts arrivals in
/// fixed windows). The server's own counters (`x-ratelimit-remaining` / `-reset`) and 429 `retry-after`
/// pause everyone sharing this pacer.
actor RequestPacer {
    private let limit: Int
    private let window: Duration
    private let margin: Duration
    private var sent: [ContinuousClock.Instant] = []
    private var pausedUntil: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    init(limit: Int, window: Double) {
        self.limit = max(1, limit)
        self.window = .seconds(window)
        margin = .seconds(window * 0.05)
    }

    /// Waits for a slot, then claims it; a wait of a second or more is told to `report` (in seconds).
    func acquire(report: (Double) -> Void = { _ in }) async throws {
        while true {
            let now = clock.now
            if let pausedUntil, pausedUntil > now {
                tell(pausedUntil - now, report)
                try await Task.sleep(until: pausedUntil, clock: clock)
                continue
            }
            sent.removeAll { $0 + window + margin <= now }
            if sent.count < limit {
                sent.append(now)
                return
            }
            tell(sent[0] + window + margin - now, report)
            try await Task.sleep(until: sent[0] + window + margin, clock: clock)
        }
    }

    private func tell(_ wait: Duration, _ report: (Double) -> Void) {
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        if seconds >= 1 { report(seconds) }
    }

    /// Pauses every caller for `seconds` (a 429's `retry-after`, or a spent server window).
    func pause(seconds: Double) {
        guard seconds > 0 else { return }
        let until = clock.now + .seconds(seconds)
        if pausedUntil.map({ until > $0 }) ?? true { pausedUntil = until }
    }

    /// Takes in the server's counters from a response's headers.
    func observe(remaining: Int?, resetSeconds: Double?) {
        if remaining == 0, let resetSeconds { pause(seconds: resetSeconds) }
    }
}
