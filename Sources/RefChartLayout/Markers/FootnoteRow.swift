import RefChartCore
import RefChartScene

/// One row of the footnote table under the plot: one reference, or (when there are more than the table
/// can hold) the references of one badge cluster, or a run of such clusters.
struct FootnoteRow {
    /// The footnote numbers the row stands for, ascending.
    var numbers: [Int]
    /// Indices into the layout's markers, in number order.
    var markers: [Int]
    var box: Rect

    /// The row's label: `5`, `4,6` or `4–9`.
    var label: String { Self.label(numbers) }

    /// How a badge or a footnote row names its numbers: `5`, `4,6` or `4–9`.
    static func label(_ numbers: [Int]) -> String {
        guard let parts = labelParts(numbers) else { return "" }
        var text = ASCIIText()
        text.append(parts.first)
        if let (separator, last) = parts.rest {
            text.append(separator)
            text.append(last)
        }
        return text.string
    }

    /// What ``label(_:)`` writes: the first number, then for more than one a separator (`,` for two, `–` for
    /// a range) and the last; `nil` for no numbers. (``SummedWidths`` sizes labels from these parts.)
    static func labelParts(_ numbers: [Int]) -> (first: Int, rest: (separator: StaticString, last: Int)?)? {
        guard let first = numbers.first, let last = numbers.last else { return nil }
        return (first, numbers.count > 1 ? (numbers.count == 2 ? "," : "–", last) : nil)
    }

    /// Splits numbered markers into at most `capacity` rows of consecutive numbers, as even as can be: for
    /// a table that may use all the room it has (a badge cluster's numbers still map to whole rows' ranges).
    static func chunk(_ numbered: [(number: Int, marker: Int)], capacity: Int) -> [[(number: Int, marker: Int)]] {
        guard numbered.count > capacity, capacity > 0 else { return numbered.map { [$0] } }
        let size = (numbered.count + capacity - 1) / capacity
        return stride(from: 0, to: numbered.count, by: size).map { Array(numbered[$0..<min($0 + size, numbered.count)]) }
    }

    /// Groups numbered markers into at most `capacity` rows: one per reference when they fit; otherwise one
    /// per badge cluster (`clusters`, lists of numbers), other references alone; otherwise runs of those.
    /// - Parameter numbered: (footnote number, marker index) pairs in ascending number order.
    static func group(
        _ numbered: [(number: Int, marker: Int)], clusters: [[Int]], capacity: Int
    ) -> [[(number: Int, marker: Int)]] {
        let singles = numbered.map { [$0] }
        guard numbered.count > capacity, capacity > 0 else { return singles }
        let byNumber = Dictionary(uniqueKeysWithValues: numbered.map { ($0.number, $0) })
        var clustered = Set<Int>()
        var groups: [[(number: Int, marker: Int)]] = clusters.map { cluster in
            clustered.formUnion(cluster)
            return cluster.compactMap { byNumber[$0] }
        }
        groups += singles.filter { !clustered.contains($0[0].number) }
        groups = groups.filter { !$0.isEmpty }.sorted { $0[0].number < $1[0].number }
        guard groups.count > capacity else { return groups }
        let size = (groups.count + capacity - 1) / capacity
        return stride(from: 0, to: groups.count, by: size).map { Array(groups[$0..<min($0 + size, groups.count)].joined()) }
    }
}
