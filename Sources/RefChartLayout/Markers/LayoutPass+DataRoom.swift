import RefChartCore
import RefChartScene

/// What the data covers inside the plot, per pixel column: where labels may sit (``DataRoom``).
extension LayoutPass {
    /// The largest value drawn in each pixel column of the plot (dilated by a column each side), of the
    /// series on the left axis or on the right.
    func computeDataColumns(rightAxis: Bool) -> [Double] {
        if spec.chartType == .bar || (spec.chartType == .area && spec.stacked) {
            // What is drawn is each bucket's (stacked) top across the bucket's width.
            let count = max(1, Int(plot.width.rounded(.up)) + 1)
            var columns = [Double](repeating: -.infinity, count: count)
            let shapes = shapes()
            // Stacked, the highest top is the positive total (negative values stack below zero).
            let tops = (spec.stacked ? shapes.stacked().map(\.tops) : shapes.sums)
                .reduce(into: [Double]()) { best, values in
                    best = best.isEmpty ? values : zip(best, values).map { max($0.isNaN ? -.infinity : $0, $1.isNaN ? -.infinity : $1) }
                }
            for (k, top) in tops.enumerated() where !top.isNaN {
                let first = max(0, Int(xScale(shapes.edges[k]) - plot.minX))
                let last = min(count - 1, Int(xScale(shapes.edges[k + 1]) - plot.minX))
                if first <= last { for c in first...last { columns[c] = max(columns[c], max(top, 0)) } }
            }
            return columns
        }
        return lineExtremes(of: spec.series[...], rightAxis: rightAxis, lowest: false)
    }

    /// The smallest value drawn in each pixel column of the plot (dilated by a column each side), of the
    /// series on the left axis or on the right; +∞ where nothing is. Lines only: what lanes inside the
    /// plot's bottom must clear.
    func computeDataFloor(rightAxis: Bool) -> [Double] {
        lineExtremes(of: spec.series.prefix(Legend.maximumEntries), rightAxis: rightAxis, lowest: true)
    }

    /// The highest (or lowest) value of `series` on one axis in each pixel column, dilated by a column each
    /// side; -∞ (+∞) where nothing is drawn.
    private func lineExtremes(of series: ArraySlice<MetricSeries>, rightAxis: Bool, lowest: Bool) -> [Double] {
        let count = max(1, Int(plot.width.rounded(.up)) + 1)
        var columns = [Double](repeating: lowest ? .infinity : -.infinity, count: count)
        let pick = { (a: Double, b: Double) in lowest ? min(a, b) : max(a, b) }
        // The x scale as one multiply-add, over raw buffers: a million points per series.
        let (slope, offset) = (xScale.slope, xScale(0) - plot.minX)
        for (s, series) in series.enumerated() where self.rightAxis.contains(s) == rightAxis {
            let start = M4Reducer.firstIndex(series.times, atLeast: domain.lowerBound)
            let end = M4Reducer.firstIndex(series.times, above: domain.upperBound)
            series.times.withUnsafeBufferPointer { times in
                series.values.withUnsafeBufferPointer { values in
                    // The line between two points crosses the columns between them: each gets the nearer
                    // extreme of the two (sparse data — 12 yearly points — left those columns empty, and a
                    // label inside the plot sat on the segment).
                    var last: (column: Int, value: Double)?
                    for i in max(0, start - 1)..<min(series.times.count, end + 1) where !values[i].isNaN {
                        let column = min(count - 1, max(0, Int(times[i] * slope + offset)))
                        if i >= start && i < end { columns[column] = pick(columns[column], values[i]) }
                        if let last, column > last.column + 1 {
                            let reach = pick(last.value, values[i])
                            for between in (last.column + 1)..<column { columns[between] = pick(columns[between], reach) }
                        }
                        last = (column, values[i])
                    }
                }
            }
        }
        var dilated = columns
        for c in columns.indices {
            if c > 0 { dilated[c] = pick(dilated[c], columns[c - 1]) }
            if c + 1 < columns.count { dilated[c] = pick(dilated[c], columns[c + 1]) }
        }
        return dilated
    }

    /// Each axis's floor columns with the axis's scale as it stands (bottom lanes only).
    func floorsWithScales() -> [(values: [Double], scale: LinearScale)]? {
        guard let left = dataFloor else { return nil }
        return [(left, valueScale())] + (rightDataFloor.map { [($0, valueScale(rightAxis: true))] } ?? [])
    }

    /// Whether every label inside the plot clears the data in the final layout.
    func inPlotLabelsClear() -> Bool {
        if labelsAtBottom, let floors = floorsWithScales() {
            for marker in markers {
                guard let lane = marker.lane else { continue }
                let top = geometry.laneTop(lane) + style.lanePadding / 2 - DataRoom.margin + 1
                let span = marker.left...(marker.left + marker.size.width)
                guard let under = DataRoom.columns(under: span, left: plot.minX, count: floors[0].values.count) else { return false }
                for floor in floors where under.contains(where: { floor.values[$0] < .infinity && floor.scale(floor.values[$0]) >= top }) {
                    return false
                }
            }
            return true
        }
        guard let columns = dataColumns else { return true }
        let right = rightDataColumns.map { ($0, valueScale(rightAxis: true)) }
        for marker in markers {
            guard let lane = marker.lane, lane >= lanes else { continue }
            let bottom = geometry.laneTop(lane) + marker.size.height + style.lanePadding / 2 + DataRoom.margin - 1
            let span = marker.left...(marker.left + marker.size.width)
            guard let under = DataRoom.columns(under: span, left: plot.minX, count: columns.count) else { return false }
            for (columns, scale) in [(columns, yScale)] + (right.map { [$0] } ?? []) {
                if under.contains(where: { columns[$0] > -.infinity && scale(columns[$0]) <= bottom }) { return false }
            }
        }
        return true
    }
}
