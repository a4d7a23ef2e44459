/// How `refchart serve` serves a jobs file's charts (`serve:` at its top; with it, charts need no
/// `output`):
///
///     serve:
///       listen: 127.0.0.1:8080   # host:port (port 0: any free one, said on stderr)
///       concurrency: 2           # renders at once (default: the cores)
///       queue: 16                # requests waiting for a render; beyond: 503 with Retry-After
///       cacheEntries: 256        # rendered images kept (least recently used go first)
///       deadline: 10             # seconds a request may take; beyond: 504
///       tokens: [9f86d0…]        # optional: SHA-256 (hex) of the bearer tokens that may ask for charts
///       rateLimit: 600           # requests a minute per token (per client address without tokens); 429
///       sources:                 # what POST /v1/render may draw, by id (a client never names a path)
///         pageviews: pageviews.csv
///         launches: references.json
///       projects: [my-project]   # OpenPanel projects a POST may name (beside the charts' own)
///       openPanelTTL: 300        # seconds OpenPanel data (references, exports) is reused
///       accessLog: json          # json, text or off: one line per request on stderr
public struct ServeSettings: Sendable, Hashable {
    /// The access log's form.
    public enum AccessLog: String, Sendable, Hashable, CaseIterable {
        case json, text, off
    }

    public var host = "127.0.0.1"
    public var port = 8080
    public var concurrency: Int?
    public var queue = 16
    public var cacheEntries = 256
    public var deadline = 10.0
    /// SHA-256 (lower-case hex) of each accepted bearer token; empty: no token needed. Hashes, not tokens,
    /// so the config file gives no one access.
    public var tokenHashes: [String] = []
    /// Requests a minute one token (or, without tokens, one client address) may make; `nil`: no limit.
    public var rateLimit: Int?
    /// The data sources a `POST /v1/render` body may name, by id: a CSV or references file's absolute path,
    /// or a CSV URL, all from the config.
    public var sources: [String: String] = [:]
    /// OpenPanel projects a `POST /v1/render` body may name, beside those of the configured charts.
    public var projects: [String] = []
    /// Seconds OpenPanel's answers (references, exports) are reused before they are asked for again.
    public var openPanelTTL = 300.0
    public var accessLog = AccessLog.json
    /// The largest request body accepted (bytes); beyond: 413.
    public static let largestBody = 64 << 10

    static let keys: Set<String> = [
        "listen", "concurrency", "queue", "cacheEntries", "deadline", "tokens", "rateLimit", "sources", "projects", "openPanelTTL",
        "accessLog",
    ]

    public init() {}
}
