/// Puts rows in time order and merges rows that share a timestamp.
enum CSVRowOrder {
    /// Sorts `times` and every column of `values` by time (stable: equal times keep file order), then merges
    /// runs of equal times by `policy`.
    /// - Returns: The number of rows merged away, and the lines of the first few of them.
    /// - Throws: ``InputError`` for a duplicate when `policy` is `.error` (`lines` holds each row's line).
    static func sortAndMerge(
        times: inout [Double], values: inout [[Double]], lines: [Int32],
        policy: CSVOptions.DuplicatePolicy, source: String
    ) throws -> (merged: Int, lines: [Int]) {
        var order = Array(times.indices)
        order.sort { times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1 }
        var runs: [Range<Int>] = []  // ranges into `order` of equal times
        var start = 0
        for k in 1...order.count where k == order.count || times[order[k]] != times[order[start]] {
            runs.append(start..<k)
            start = k
        }
        if policy == .error, let run = runs.first(where: { $0.count > 1 }) {
            let first = Int(lines[order[run.lowerBound]])
            let second = Int(lines[order[run.lowerBound + 1]])
            throw InputError(
                source: source, line: second,
                message: "the timestamp \(ISO8601.string(fromSeconds: times[order[run.lowerBound]])) "
                    + "already appeared on line \(first)",
                hint: "remove the duplicate, or choose \(option: .duplicates, "last"), sum or mean")
        }
        let mergedLines = runs.lazy.filter { $0.count > 1 }.flatMap { run in run.dropFirst().map { Int(lines[order[$0]]) } }
            .prefix(5)
        let firstLines = Array(mergedLines).sorted()
        times = runs.map { times[order[$0.lowerBound]] }
        for s in values.indices {
            let column = values[s]
            values[s] = runs.map { run in
                run.count == 1 ? column[order[run.lowerBound]] : merge(run.map { column[order[$0]] }, policy: policy)
            }
        }
        return (order.count - runs.count, firstLines)
    }

    private static func merge(_ values: [Double], policy: CSVOptions.DuplicatePolicy) -> Double {
        guard values.count > 1 else { return values[0] }
        switch policy {
        case .last, .error:
            return values[values.count - 1]
        case .first:
            return values[0]
        case .sum, .mean:
            let present = values.filter { !$0.isNaN }
            guard !present.isEmpty else { return .nan }
            let sum = present.reduce(0, +)
            return policy == .sum ? sum : sum / Double(present.count)
        }
    }
}
