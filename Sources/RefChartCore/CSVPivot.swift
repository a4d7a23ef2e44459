/// Long ("tidy") files: one series per distinct value of a series column, and finding that column when the
/// file does not say.
enum CSVPivot {
    /// How many rows repeat an earlier row's time (and key, when `keys` are given). Linear for a file in
    /// time order (equal times are neighbours); a sort otherwise.
    static func repeats(times: [Double], sorted: Bool, keys: [UInt32]?) -> Int {
        guard sorted else { return repeatsBySorting(times: times, keys: keys) }
        var count = 0
        // The keys of the current run of equal times: few (a long file's series), so an array beats a Set.
        var seen: [UInt32] = []
        for row in times.indices {
            if row > 0 && times[row] == times[row - 1] {
                guard let keys else {
                    count += 1
                    continue
                }
                if seen.contains(keys[row]) { count += 1 } else { seen.append(keys[row]) }
            } else if let keys {
                seen.removeAll(keepingCapacity: true)
                seen.append(keys[row])
            }
        }
        return count
    }

    private static func repeatsBySorting(times: [Double], keys: [UInt32]?) -> Int {
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
        let timeRepeats = repeats(times: times, sorted: sorted, keys: nil)
        guard timeRepeats > 0 else { return nil }
        return candidates.first { candidate in
            candidate.keys.tracking && candidate.keys.names.count > 1 && candidate.keys.keys.count == times.count
                && repeats(times: times, sorted: sorted, keys: candidate.keys.keys) < timeRepeats
        }?.name
    }

    /// Splits rows by key: for each key in first-seen order, its rows (ascending) as a range of one
    /// order array — a counting sort, 4 bytes a row. An index array per key (8 bytes a row, grown by
    /// appends) made a 1M-row long file's split a tenth of its parse, mostly page faults.
    static func groups(by keys: CSVSeriesKeys) -> (order: [Int32], groups: [(name: String, rows: Range<Int>)]) {
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
        let groups = keys.names.indices.compactMap { k -> (name: String, rows: Range<Int>)? in
            let rows = starts[k]..<starts[k + 1]
            return rows.isEmpty ? nil : (keys.names[k].isEmpty ? "(empty)" : keys.names[k], rows)
        }
        return (order, groups)
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
}
