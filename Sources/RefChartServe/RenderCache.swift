import Foundation

/// Rendered images by request, the least recently used dropped past `limit` entries. The key holds the
/// chart, its overrides, the format and the versions (modification time and size) of the files it reads,
/// so an edited CSV or references file is a new entry, never a stale answer.
actor RenderCache {
    typealias Image = ChartService.Answer

    private let limit: Int
    private var entries: [String: Image] = [:]
    private var order: [String] = []
    private(set) var hits = 0
    private(set) var misses = 0

    init(limit: Int) { self.limit = limit }

    func image(_ key: String) -> Image? {
        guard let image = entries[key] else {
            misses += 1
            return nil
        }
        hits += 1
        if let index = order.lastIndex(of: key) { order.remove(at: index) }
        order.append(key)
        return image
    }

    func store(_ image: Image, for key: String) {
        guard limit > 0 else { return }
        if entries.updateValue(image, forKey: key) == nil { order.append(key) }
        while entries.count > limit, let oldest = order.first {
            order.removeFirst()
            entries[oldest] = nil
        }
    }
}
