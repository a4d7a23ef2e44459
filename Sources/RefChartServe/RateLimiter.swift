import Foundation

/// `serve.rateLimit`: requests a minute per caller (a token's hash, or a client address without tokens),
/// as a token bucket refilled continuously, so a burst up to the minute's allowance passes and a steady
/// stream is held to the rate. Beyond it: 429 with Retry-After.
actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let perMinute: Double
    private var buckets: [String: Bucket] = [:]
    /// Callers kept at most: past this, full buckets (idle callers) are forgotten, so many addresses
    /// cannot grow memory without bound.
    private let limit = 10_000

    init(perMinute: Int) { self.perMinute = Double(perMinute) }

    /// `nil` when `caller` may go on now; else the seconds until it may.
    func admit(_ caller: String) -> Int? {
        let now = ContinuousClock.now
        var bucket = buckets[caller] ?? Bucket(tokens: perMinute, updated: now)
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(perMinute, bucket.tokens + seconds * perMinute / 60)
        bucket.updated = now
        defer {
            buckets[caller] = bucket
            if buckets.count > limit { buckets = buckets.filter { $0.value.tokens < perMinute - 1 } }
        }
        guard bucket.tokens >= 1 else { return Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up)) }
        bucket.tokens -= 1
        return nil
    }
}
