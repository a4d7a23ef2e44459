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

    /// Splits rows by key: for each key in first-seen order, the rows that have it.
    static func rows(by keys: CSVSeriesKeys) -> [(name: String, rows: [Int])] {
        var rows = Array(repeating: [Int](), count: keys.names.count)
        for (row, key) in keys.keys.enumerated() { rows[Int(key)].append(row) }
        return zip(keys.names, rows).filter { !$0.1.isEmpty }.map { ($0.0.isEmpty ? "(empty)" : $0.0, $0.1) }
    }
}
