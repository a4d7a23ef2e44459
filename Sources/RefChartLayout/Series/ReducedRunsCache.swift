/// The series' reduced runs (indices of the points drawn, ``M4Reducer``) by column count; a class so copies
/// of a layout in progress share it. The runs do not depend on the value scale, so the attempts at placing
/// labels inside the plot (each draws the series to see where they leave room) reduce each series once: at
/// 1M rows a reduction takes ~15 ms, and a layout with 40 references made ten.
final class ReducedRunsCache {
    private var byColumns: [Int: [[[Int]]]] = [:]

    func runs(columns: Int, make: () -> [[[Int]]]) -> [[[Int]]] {
        if let runs = byColumns[columns] { return runs }
        let runs = make()
        byColumns[columns] = runs
        return runs
    }
}
