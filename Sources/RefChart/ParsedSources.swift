package import Foundation
package import RefChartCore

/// Local files already read, kept for the next chart that reads them again (a process that stays up:
/// `refchart serve`). An entry is found by the file's path, how it is read, and its version (modification
/// time and size), so an edited file is read again, never answered stale.
///
/// Bounded: files over ``largestFile`` bytes are not kept (a long CSV is reduced while it is read, which
/// a kept table would forgo), and past the limit of entries the least recently used goes.
///
/// A class, shared by every pipeline of a server. A lock, not an actor: the work it guards is a dictionary
/// lookup, and a render must not wait behind another render's read. Sendable because every stored property is guarded by `lock`.
package final class ParsedSources: @unchecked Sendable {
    private struct Key: Hashable {
        var path: String
        /// How it is read: a CSV's options, or a references file's zone.
        var reading: Reading
        var modified: Double
        var size: Int
    }

    private enum Reading: Hashable {
        case csv(CSVOptions)
        case references(zone: String)
    }

    private enum Entry {
        case table(MetricTable)
        case references([Reference])
    }

    package let largestFile: Int
    private let lock = NSLock()
    private var entries: LeastRecentlyUsed<Key, Entry>

    /// - Parameters:
    ///   - limit: Files kept at most.
    ///   - largestFile: Bytes a file may have to be kept (by default 32 MB: ~1M rows of a two-column CSV).
    package init(limit: Int = 64, largestFile: Int = 32 << 20) {
        entries = LeastRecentlyUsed(limit: limit)
        self.largestFile = largestFile
    }

    /// The CSV at `path` read with `options` (without a reduction: a kept table serves every window).
    /// `nil` when the file is too large to keep: read it as usual.
    package func table(path: String, options: CSVOptions, read: (CSVOptions) throws -> MetricTable) throws -> MetricTable? {
        var plain = options
        plain.reduction = nil
        guard let key = key(path: path, reading: .csv(plain)) else { return nil }
        if case .table(let table)? = lookUp(key) { return table }
        let table = try read(plain)
        keep(.table(table), for: key)
        return table
    }

    /// The references file at `path` read in `zone`.
    package func references(path: String, zone: TimeZone, read: () throws -> [Reference]) throws -> [Reference] {
        guard let key = key(path: path, reading: .references(zone: zone.identifier)) else { return try read() }
        if case .references(let references)? = lookUp(key) { return references }
        let references = try read()
        keep(.references(references), for: key)
        return references
    }

    /// The key of a file small enough to keep; `nil` for one too large, or one that cannot be read
    /// (whose reader then says why).
    private func key(path: String, reading: Reading) -> Key? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, size <= largestFile,
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
        else { return nil }
        return Key(path: path, reading: reading, modified: modified, size: size)
    }

    private func lookUp(_ key: Key) -> Entry? {
        lock.withLock { entries.value(for: key) }
    }

    private func keep(_ entry: Entry, for key: Key) {
        lock.withLock {
            // An older version of the same file (same path and reading) goes at once.
            entries.removeAll { $0.path == key.path && $0.reading == key.reading && $0 != key }
            entries.store(entry, for: key)
        }
    }
}
