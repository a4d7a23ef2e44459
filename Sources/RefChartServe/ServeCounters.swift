/// What `/metrics` says: requests by status, cache hits and misses, the queue's depth, answer times.
actor ServeCounters {
    private var byStatus: [Int: Int] = [:]
    private var seconds = 0.0
    private var answered = 0

    func record(status: Int, cached: Bool, seconds: Double) {
        byStatus[status, default: 0] += 1
        self.seconds += seconds
        answered += 1
    }

    /// The Prometheus text exposition.
    func prometheus(queueDepth: Int, running: Int, cache: (hits: Int, misses: Int)) -> String {
        var lines = ["# TYPE refchart_chart_requests_total counter"]
        for (status, count) in byStatus.sorted(by: { $0.key < $1.key }) {
            lines.append("refchart_chart_requests_total{status=\"\(status)\"} \(count)")
        }
        lines += [
            "# TYPE refchart_chart_seconds summary", "refchart_chart_seconds_sum \(seconds)", "refchart_chart_seconds_count \(answered)",
            "# TYPE refchart_cache_hits_total counter", "refchart_cache_hits_total \(cache.hits)",
            "# TYPE refchart_cache_misses_total counter", "refchart_cache_misses_total \(cache.misses)",
            "# TYPE refchart_queue_depth gauge", "refchart_queue_depth \(queueDepth)",
            "# TYPE refchart_renders_running gauge", "refchart_renders_running \(running)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
