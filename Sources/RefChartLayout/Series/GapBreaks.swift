import RefChartCore

/// Where a line breaks for missing data: after each point whose step to the next is more than ``factor``×
/// the series' median step (a daily series missing 42 days is not drawn as a straight line across them),
/// as Grafana's "connect null values" threshold. Found on the series' own points, so the M4-reduced line
/// breaks at the same places. A series reduced while it was read keeps its step in its tally: its kept
/// points are up to a grid bucket apart (1M minute rows: 30 steps), which is no gap, and two kept points
/// more than a bucket apart were neighbours in the file.
struct GapBreaks {
    /// Steps over this many median steps are gaps.
    static let factor = 5.0

    /// The indices `g` with a gap between point `g` and `g + 1`, ascending.
    let after: [Int]

    init(times: [Double], tally: SeriesTally? = nil) {
        guard times.count > 2 else {
            after = []
            return
        }
        let step = tally?.typicalStep ?? SeriesShapes.typicalSpacing(times)
        let threshold = max(Self.factor * step, tally?.resolution ?? 0)
        var after: [Int] = []
        for g in 0..<(times.count - 1) where times[g + 1] - times[g] > threshold { after.append(g) }
        self.after = after
    }

    /// `runs` of point indices, split wherever a gap lies between two neighbours.
    func split(_ runs: [[Int]]) -> [[Int]] {
        guard !after.isEmpty else { return runs }
        var pieces: [[Int]] = []
        for run in runs {
            var start = 0
            for k in run.indices.dropFirst() where hasGap(from: run[k - 1], to: run[k]) {
                pieces.append(Array(run[start..<k]))
                start = k
            }
            pieces.append(Array(run[start...]))
        }
        return pieces
    }

    /// Whether a gap follows any of the points `i..<j`.
    private func hasGap(from i: Int, to j: Int) -> Bool {
        var (low, high) = (0, after.count)
        while low < high {
            let middle = (low + high) / 2
            if after[middle] < i { low = middle + 1 } else { high = middle }
        }
        return low < after.count && after[low] < j
    }
}
