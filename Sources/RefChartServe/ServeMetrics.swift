import Prometheus

/// What `/metrics` says, in Prometheus' text format (swift-prometheus): requests by route and status,
/// render seconds, cache hits and misses, the queue's depth and renders running, OpenPanel calls by status
/// and its 429s.
///
/// Sendable: swift-prometheus' registry and metrics are (each guards its values with a lock or atomics).
struct ServeMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// Seconds from 1 ms to 10 s: a cached answer falls in the first buckets, an uncached one in ~10–50 ms.
    private let renderSeconds: DurationHistogram
    private let cacheHits: Counter
    private let cacheMisses: Counter
    private let queueDepth: Gauge
    private let running: Gauge
    private let openPanel429s: Counter

    init() {
        renderSeconds = registry.makeDurationHistogram(
            name: "refchart_render_seconds",
            buckets: [
                .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(50),
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
            ],
            help: "Seconds a chart took to render (cache misses only)")
        cacheHits = registry.makeCounter(name: "refchart_cache_hits_total", help: "Answers from the image cache")
        cacheMisses = registry.makeCounter(name: "refchart_cache_misses_total", help: "Charts rendered because the cache had none")
        queueDepth = registry.makeGauge(name: "refchart_queue_depth", help: "Requests waiting for a render slot")
        running = registry.makeGauge(name: "refchart_renders_running", help: "Renders running now")
        openPanel429s = registry.makeCounter(name: "refchart_openpanel_rate_limited_total", help: "OpenPanel answers that were 429")
    }

    /// One answered request. `route` is the route's pattern (`/v1/charts/{file}`), never the path asked for,
    /// so a client cannot grow the label set.
    func request(route: String, status: Int) {
        registry.makeCounter(
            name: "refchart_requests_total", labels: [("route", route), ("status", String(status))], help: "Requests answered"
        ).increment()
    }

    func cache(hit: Bool) { (hit ? cacheHits : cacheMisses).increment() }

    func rendered(in duration: Duration) { renderSeconds.record(duration) }

    func gate(depth: Int, running active: Int) {
        queueDepth.set(Double(depth))
        running.set(Double(active))
    }

    /// One OpenPanel attempt's status (`nil`: no answer).
    func openPanel(status: Int?) {
        registry.makeCounter(
            name: "refchart_openpanel_requests_total", labels: [("status", status.map(String.init) ?? "none")],
            help: "Requests sent to OpenPanel, by the status they got"
        ).increment()
        if status == 429 { openPanel429s.increment() }
    }

    var text: String { registry.emitToString() }
}
