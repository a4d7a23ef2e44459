import Foundation
import RefChartCore

extension MetricTable {
    /// Keeps the series ``ChartRequest/series`` names (all when empty) and drops those
    /// ``ChartRequest/excludeSeries`` names. A name matches a series' whole name, or either half of a long
    /// file's `column (key)`: `--series Approve` keeps `pct_estimate (Approve)` and `lo (Approve)`.
    /// - Throws: ``ChartRequestError`` for a name no series has, listing the names there are.
    mutating func select(_ request: ChartRequest) throws {
        let names = series.map(\.name)
        func matches(_ name: String, _ wanted: String) -> Bool {
            let wanted = wanted.lowercased()
            let name = name.lowercased()
            guard name != wanted else { return true }
            guard name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) else { return false }
            return name[..<open.lowerBound] == wanted || name[open.upperBound..<name.index(before: name.endIndex)] == wanted
        }
        for (key, wanted) in [(ChartKey.series, request.series), (.excludeSeries, request.excludeSeries)] {
            for name in wanted where !names.contains(where: { matches($0, name) }) {
                let shown = names.prefix(12).map { quoted($0, limit: 40) }.joined(separator: ", ")
                throw ChartRequestError(
                    key, "\(quoted(name)) is not a series of the data: it has \(shown)\(names.count > 12 ? " and \(names.count - 12) more" : "")")
            }
        }
        series.removeAll { s in
            (!request.series.isEmpty && !request.series.contains { matches(s.name, $0) })
                || request.excludeSeries.contains { matches(s.name, $0) }
        }
    }
}
