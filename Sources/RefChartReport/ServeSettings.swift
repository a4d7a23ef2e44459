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
public struct ServeSettings: Sendable, Hashable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var concurrency: Int?
    public var queue = 16
    public var cacheEntries = 256
    public var deadline = 10.0
    /// SHA-256 (lower-case hex) of each accepted bearer token; empty: no token needed. Hashes, not tokens,
    /// so the config file gives no one access.
    public var tokenHashes: [String] = []

    static let keys: Set<String> = ["listen", "concurrency", "queue", "cacheEntries", "deadline", "tokens"]

    public init() {}
}
