import RefChartCore

/// Rendered images by request, the least recently used dropped past `limit` entries. The key holds the
/// chart, its overrides, the format and the versions (modification time and size) of the files it reads,
/// so an edited CSV or references file is a new entry, never a stale answer.
actor RenderCache {
    typealias Image = ChartService.Answer

    private var entries: LeastRecentlyUsed<String, Image>
    private(set) var hits = 0
    private(set) var misses = 0

    init(limit: Int) { entries = LeastRecentlyUsed(limit: limit) }

    func image(_ key: String) -> Image? {
        guard let image = entries.value(for: key) else {
            misses += 1
            return nil
        }
        hits += 1
        return image
    }

    func store(_ image: Image, for key: String) { entries.store(image, for: key) }
}
