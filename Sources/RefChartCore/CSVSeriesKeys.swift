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
    /// Each name's bytes, to find a cell's key without making a `String` (a long file repeats a handful of
    /// names a million times: 1M rows parsed in 0.84 s making Strings, see the notes).
    private var nameBytes: [[UInt8]] = []
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
        if Int(lastKey) < nameBytes.count, nameBytes[Int(lastKey)].elementsEqual(cell) {
            keys.append(lastKey)
            return
        }
        if nameBytes.count <= 32, let found = nameBytes.firstIndex(where: { $0.elementsEqual(cell) }) {
            lastKey = UInt32(found)
            keys.append(lastKey)
            return
        }
        append(String(decoding: cell, as: UTF8.self))
    }

    mutating func append(_ value: String) {
        guard tracking else { return }
        lastKey = id(value)
        keys.append(lastKey)
        if names.count > Self.maximumKeys {
            tracking = false
            keys = []
            index = [:]
            nameBytes = []
        }
    }

    private mutating func id(_ value: String) -> UInt32 {
        if let id = index[value] { return id }
        let id = UInt32(names.count)
        names.append(value)
        nameBytes.append(Array(value.utf8))
        index[value] = id
        return id
    }
}
