/// Values by key, the least recently used dropped once there are more than `limit` (0: nothing is kept).
/// A linear list of the order: the servers' caches hold hundreds of entries, where this costs less than
/// the answer it keeps.
package struct LeastRecentlyUsed<Key: Hashable, Value> {
    package let limit: Int
    private var entries: [Key: Value] = [:]
    private var order: [Key] = []

    package init(limit: Int) { self.limit = limit }

    /// The value at `key`, now the most recently used; `nil` when there is none.
    package mutating func value(for key: Key) -> Value? {
        guard let value = entries[key] else { return nil }
        if let index = order.lastIndex(of: key) { order.remove(at: index) }
        order.append(key)
        return value
    }

    /// Keeps `value` at `key`, dropping the least recently used past the limit.
    package mutating func store(_ value: Value, for key: Key) {
        guard limit > 0 else { return }
        if entries.updateValue(value, forKey: key) == nil { order.append(key) }
        while entries.count > limit, let oldest = order.first {
            order.removeFirst()
            entries[oldest] = nil
        }
    }

    /// Drops every entry whose key `stale` says.
    package mutating func removeAll(where stale: (Key) -> Bool) {
        order.removeAll(where: stale)
        entries = entries.filter { !stale($0.key) }
    }
}

extension LeastRecentlyUsed: Sendable where Key: Sendable, Value: Sendable {}
