import RefChartScene

/// M4 downsampling (Jugel et al., PVLDB 2014): per pixel column keep the first, last, minimum and maximum
/// point. A line through the kept points rasterises exactly like a line through all of them.
package enum M4Reducer {
    /// Buckets per device pixel column. One bucket per column is exact for aliased 1 px lines (the paper's
    /// case); with anti-aliased, wider strokes the zigzag inside a column shades edge pixels differently, so
    /// the layout uses 4 (measured on a 1M-point random walk: at most 48 of 255 levels, 0.25 % of pixels
    /// beyond 16 levels, against 206 levels and 1.7 % with one bucket).
    package static let bucketsPerPixel = 4

    /// Splits a series into unbroken runs (gaps break them) and reduces each run per pixel column.
    ///
    /// - Parameters:
    ///   - times: Ascending instants.
    ///   - values: Values; `.nan` is a gap.
    ///   - domain: The visible time range; one point either side of it is kept so lines reach the edges.
    ///   - columns: Pixel columns across the plot (device pixels); `0` disables reduction.
    ///   - keep: Indices that must survive (the points nearest each reference), ascending.
    /// - Returns: Index runs, each one unbroken line.
    /// - Complexity: O(n) in the number of points, one pass.
    package static func reduce(
        times: [Double], values: [Double], domain: ClosedRange<Double>, columns: Int, keep: [Int] = []
    ) -> [[Int]] {
        let lower = max(0, firstIndex(times, atLeast: domain.lowerBound) - 1)
        let upper = min(times.count, firstIndex(times, above: domain.upperBound) + 1)
        guard lower < upper else { return [] }
        let reduce = columns > 0 && upper - lower > 4 * columns
        let span = max(domain.upperBound - domain.lowerBound, .leastNormalMagnitude)
        var runs: [[Int]] = []
        var run: [Int] = []
        var keepCursor = keep.firstIndex { $0 >= lower } ?? keep.count
        var bucket = Bucket()

        func flush() {
            guard let first = bucket.first else { return }
            var picked = [first, bucket.minIndex, bucket.maxIndex, bucket.last]
            while keepCursor < keep.count, keep[keepCursor] <= bucket.last {
                if keep[keepCursor] >= first { picked.append(keep[keepCursor]) }
                keepCursor += 1
            }
            picked.sort()
            for index in picked where run.last != index { run.append(index) }
            bucket = Bucket()
        }

        for i in lower..<upper {
            let value = values[i]
            if value.isNaN {
                flush()
                if !run.isEmpty { runs.append(run) }
                run = []
                continue
            }
            guard reduce else {
                run.append(i)
                continue
            }
            let column = Int(((times[i] - domain.lowerBound) / span * Double(columns)).rounded(.down))
            if column != bucket.column { flush() }
            bucket.add(i, value: value, column: column)
        }
        flush()
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    private struct Bucket {
        var column = Int.min
        var first: Int?
        var last = 0
        var minIndex = 0
        var maxIndex = 0
        var minValue = Double.infinity
        var maxValue = -Double.infinity

        mutating func add(_ index: Int, value: Double, column: Int) {
            if first == nil {
                first = index
                self.column = column
            }
            last = index
            if value < minValue { (minValue, minIndex) = (value, index) }
            if value > maxValue { (maxValue, maxIndex) = (value, index) }
        }
    }

    /// The first index whose time is ≥ `value` (binary search).
    package static func firstIndex(_ times: [Double], atLeast value: Double) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let mid = (low + high) / 2
            if times[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first index whose time is > `value` (binary search).
    package static func firstIndex(_ times: [Double], above value: Double) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let mid = (low + high) / 2
            if times[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
