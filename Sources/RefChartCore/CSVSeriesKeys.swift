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
    /// Each row's key.
    private(set) var keys: [UInt32] = []
    /// False once the column had too many distinct values.
    private(set) var tracking = true

    /// Starts tracking at row `rows` (earlier rows, read before the column turned out to be text, get the
    /// empty key).
    init(startingAt rows: Int) {
        if rows > 0 { keys = Array(repeating: id(""), count: rows) }
    }

    mutating func append(_ value: String) {
        guard tracking else { return }
        keys.append(id(value))
        if names.count > Self.maximumKeys {
            tracking = false
            keys = []
            index = [:]
        }
    }

    private mutating func id(_ value: String) -> UInt32 {
        if let id = index[value] { return id }
        let id = UInt32(names.count)
        names.append(value)
        index[value] = id
        return id
    }
}
