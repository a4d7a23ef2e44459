/// One text column's value on every row, as small integer keys: the candidate series column of a long
/// ("tidy") export such as `year,source,value`, where each distinct `source` is a series.
///
/// Four bytes a row. A column with more than ``maximumKeys`` distinct values is no series column (an id, a
/// free-text note): it stops being tracked and its memory is released.
struct CSVSeriesKeys {
    static let maximumKeys = 1_000

    /// The column's distinct values in first-seen order.
    private(set) var names: [String] = []
    private var index: [String: UInt32] = [:]
    /// The names' bytes end to end, and where each lies in them, to find a cell's key without making a
    /// `String` (a long file repeats a handful of names a million times: 1M rows parsed in 0.84 s making
    /// Strings, see the notes; an array per name cost a retain and a generic comparison per row).
    private var nameBytes: [UInt8] = []
    private var nameSpans: [Range<Int>] = []
    /// For each key, the key of the row after the last row that had it.
    private var successors: [UInt32?] = []
    private var lastKey: UInt32 = 0
    /// Each row's key.
    private(set) var keys: [UInt32] = []
    /// False once the column had too many distinct values.
    private(set) var tracking = true

    /// Starts tracking at row `rows` (earlier rows, read before the column turned out to be text, get the
    /// empty key).
    init(startingAt rows: Int) {
        if rows > 0 { keys = Array(repeating: id(""), count: rows) }
    }

    /// Appends a row's key from the cell's bytes.
    mutating func append(bytes cell: UnsafeBufferPointer<UInt8>) {
        guard tracking else { return }
        if let found = knownKey(cell) {
            lastKey = found
            keys.append(found)
            return
        }
        append(String(decoding: cell, as: UTF8.self))
    }

    /// The key of a cell among the first 32 names, by comparing bytes: first the last row's key, then the
    /// key that followed it last time (a long file in time order cycles through its series in one order),
    /// then each in turn. The guesses hit on nearly every row; a scan with `memcmp` calls was 7 % of a
    /// long file's parse.
    private mutating func knownKey(_ cell: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let previous = Int(lastKey)
        let found: UInt32? = nameBytes.withUnsafeBufferPointer { names in
            func matches(_ key: Int) -> Bool {
                let span = nameSpans[key]
                guard span.count == cell.count else { return false }
                for k in 0..<span.count where names[span.lowerBound + k] != cell[k] { return false }
                return true
            }
            if previous < nameSpans.count && matches(previous) { return lastKey }
            if previous < successors.count, let next = successors[previous], matches(Int(next)) { return next }
            return (0..<min(nameSpans.count, 32)).first(where: matches).map { UInt32($0) }
        }
        if let found, previous < successors.count, successors[previous] != found { successors[previous] = found }
        return found
    }

    /// Forgets the keys of rows from `rows` on (a row refused after its keys were read).
    mutating func truncate(to rows: Int) {
        if keys.count > rows { keys.removeLast(keys.count - rows) }
    }

    mutating func append(_ value: String) {
        guard tracking else { return }
        lastKey = id(value)
        keys.append(lastKey)
        if names.count > Self.maximumKeys { stopTracking() }
    }

    private mutating func stopTracking() {
        tracking = false
        keys = []
        index = [:]
        nameBytes = []
        nameSpans = []
        successors = []
    }

    /// Makes room for `rows` keys.
    mutating func reserve(rows: Int) {
        if tracking { keys.reserveCapacity(rows) }
    }

    /// The same names, no rows: for a reader of a later part of the file.
    func withoutRows() -> CSVSeriesKeys {
        var copy = self
        copy.keys = []
        return copy
    }

    /// Appends the rows of a reader of the next part of the file, whose keys number its own names.
    mutating func append(contentsOf other: CSVSeriesKeys) {
        guard tracking else { return }
        guard other.tracking else { return stopTracking() }
        let remap = other.names.map { id($0) }
        if names.count > Self.maximumKeys { return stopTracking() }
        keys.reserveCapacity(keys.count + other.keys.count)
        keys.append(contentsOf: other.keys.lazy.map { remap[Int($0)] })
    }

    /// The key of `name`, numbered next when it is new (a reader of a later part of the file met it first).
    mutating func key(for name: String) -> UInt32 { id(name) }

    private mutating func id(_ value: String) -> UInt32 {
        if let id = index[value] { return id }
        let id = UInt32(names.count)
        names.append(value)
        nameSpans.append(nameBytes.count..<(nameBytes.count + value.utf8.count))
        successors.append(nil)
        nameBytes.append(contentsOf: value.utf8)
        index[value] = id
        return id
    }
}
