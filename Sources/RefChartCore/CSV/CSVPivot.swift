import Dispatch

/// Long ("tidy") files: one series per distinct value of a series column, and finding that column when the
/// file does not say.
enum CSVPivot {
    /// How many rows repeat an earlier row's time (and key, when `keys` are given), by sorting.
    private static func repeats(times: [Double], keys: [UInt32]?) -> Int {
        var order = Array(times.indices)
        if let keys {
            order.sort { times[$0] != times[$1] ? times[$0] < times[$1] : keys[$0] < keys[$1] }
            return zip(order, order.dropFirst()).reduce(0) { $0 + (times[$1.0] == times[$1.1] && keys[$1.0] == keys[$1.1] ? 1 : 0) }
        }
        order.sort { times[$0] < times[$1] }
        return zip(order, order.dropFirst()).reduce(0) { $0 + (times[$1.0] == times[$1.1] ? 1 : 0) }
    }

    /// The first candidate column whose keys explain the repeated times: the time repeats, and the
    /// column varies among the rows of one time (fewer rows repeat both than repeat the time alone).
    static func detect(times: [Double], sorted: Bool, candidates: [(name: String, keys: CSVSeriesKeys)]) -> String? {
        let usable = candidates.filter { $0.keys.tracking && $0.keys.names.count > 1 && $0.keys.keys.count == times.count }
        guard sorted else {
            let timeRepeats = repeats(times: times, keys: nil)
            guard timeRepeats > 0 else { return nil }
            return usable.first { repeats(times: times, keys: $0.keys.keys) < timeRepeats }?.name
        }
        return usable.first { varies(times: times, keys: $0.keys.keys) }?.name
    }

    /// Whether, in a file in time order, some row repeats its neighbour's time with a key not yet seen at
    /// that time: exactly when fewer rows repeat time and key than repeat the time, found at the first
    /// such row (a long file's second row) instead of after two passes over a million (10 ms).
    private static func varies(times: [Double], keys: [UInt32]) -> Bool {
        var seen: [UInt32] = []
        for row in times.indices {
            if row > 0 && times[row] == times[row - 1] {
                if !seen.contains(keys[row]) { return true }
            } else {
                seen.removeAll(keepingCapacity: true)
                seen.append(keys[row])
            }
        }
        return false
    }

    /// Splits rows by key: for each key in first-seen order, its rows (ascending) as a range of one
    /// order array — a counting sort, 4 bytes a row. An index array per key (8 bytes a row, grown by
    /// appends) made a 1M-row long file's split a tenth of its parse, mostly page faults.
    static func groups(by keys: CSVSeriesKeys) -> (order: [Int32], groups: [(name: String, rows: Range<Int>)]) {
        let (order, starts) = order(by: keys)
        let groups = keys.names.indices.compactMap { k -> (name: String, rows: Range<Int>)? in
            let rows = starts[k]..<starts[k + 1]
            return rows.isEmpty ? nil : (keys.names[k].isEmpty ? "(empty)" : keys.names[k], rows)
        }
        return (order, groups)
    }

    /// The rows in key order (ascending within a key), and where each key's rows start in it (`starts[k]`
    /// up to `starts[k + 1]`): a counting sort.
    static func order(by keys: CSVSeriesKeys) -> (order: [Int32], starts: [Int]) {
        var starts = Array(repeating: 0, count: keys.names.count + 1)
        for key in keys.keys { starts[Int(key) + 1] += 1 }
        for k in 1..<starts.count { starts[k] += starts[k - 1] }
        var next = starts
        let order = [Int32](unsafeUninitializedCapacity: keys.keys.count) { buffer, count in
            for (row, key) in keys.keys.enumerated() {
                buffer[next[Int(key)]] = Int32(row)
                next[Int(key)] += 1
            }
            count = keys.keys.count
        }
        return (order, starts)
    }

    /// The elements of `column` at `rows`, in that order.
    static func gather<T>(_ column: [T], at rows: ArraySlice<Int32>) -> [T] {
        column.withUnsafeBufferPointer { source in
            [T](unsafeUninitializedCapacity: rows.count) { buffer, count in
                for (k, row) in rows.enumerated() { buffer.initializeElement(at: k, to: source[Int(row)]) }
                count = rows.count
            }
        }
    }

    /// Each group's times and value columns, gathered on all cores (a group per task): for a 1M-row long
    /// file, 17 ms on one core.
    static func gatherGroups(times: [Double], values: [[Double]], order: [Int32], groups: [Range<Int>]) -> [(times: [Double], values: [[Double]])] {
        let results = UnsafeMutableBufferPointer<(times: [Double], values: [[Double]])>.allocate(capacity: groups.count)
        defer { results.deallocate() }
        // Each task initializes its own element only; the buffer is read after all have returned.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            let members = order[groups[g]]
            (slots.baseAddress! + g).initialize(to: (gather(times, at: members), values.map { gather($0, at: members) }))
        }
        return (0..<groups.count).map { (results.baseAddress! + $0).move() }
    }
}
