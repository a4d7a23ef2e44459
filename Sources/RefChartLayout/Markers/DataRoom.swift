import RefChartCore

/// Where the data leaves room for labels inside the plot's top: for each pixel column of the plot, the
/// largest value drawn there (and in the columns beside it, which the line's segments reach).
///
/// A label in lane `k` inside the plot covers the top `2 + (k + 1) · laneHeight` pixels plus a margin; it
/// fits where every column under it stays below that, in the value scale of the layout so far. The final
/// layout is checked again (``ChartComposer/inPlotLabelsClear()``), since the scale can still move.
///
/// A class: the label ladder asks it through closures thousands of times per pass, and each ask copied the
/// struct's arrays in and out (80,000 copies, 13 M instructions, at 5,000 references).
final class DataRoom {
    /// The largest value per plot column; -∞ where nothing is drawn.
    let columns: [Double]
    let left: Double
    let plotHeight: Double
    /// The value axis as it stands (linear or logarithmic).
    let scale: LinearScale
    /// The right axis's columns and scale, when series are on it.
    let right: (columns: [Double], scale: LinearScale)?
    /// With lanes inside the plot's bottom (``ChartComposer/labelsAtBottom``): the smallest value per column
    /// with its axis's scale, for each axis.
    let floors: [(values: [Double], scale: LinearScale)]?
    let laneHeight: Double
    /// At most this many lanes inside the plot: they may cover ~40 % of its height.
    let lanes: Int

    /// Pixels kept clear between a label and the line under it.
    static let margin = 4.0

    /// The room in the composer's current layout; `nil` before a plot exists.
    init?(composer: ChartComposer) {
        guard let columns = composer.dataColumns, composer.plot.height > 0 else { return nil }
        self.columns = columns
        left = composer.plot.minX
        plotHeight = composer.plot.height
        scale = composer.valueScale()
        right = composer.rightDataColumns.map { ($0, composer.valueScale(rightAxis: true)) }
        floors = composer.labelsAtBottom ? composer.floorsWithScales() : nil
        laneHeight = composer.laneHeight
        lanes = max(0, min(6, Int(0.4 * plotHeight / laneHeight)))
    }

    /// Whether a label spanning `span` fits in lane `k` inside the plot.
    func fits(lane k: Int, span: ClosedRange<Double>) -> Bool {
        let covered = (2 + Double(k + 1) * laneHeight + Self.margin) / plotHeight
        guard let under = Self.columns(under: span, left: left, count: columns.count) else { return false }
        if let floors {
            // Lane k counts up from the bottom: the data under the span must stay above it.
            return !floors.contains { floor in under.contains { floor.values[$0] < .infinity && floor.scale.fraction(floor.values[$0]) <= covered } }
        }
        let reaches = { (columns: [Double], scale: LinearScale) in
            under.contains { columns[$0] > -.infinity && scale.fraction(columns[$0]) >= 1 - covered }
        }
        return !reaches(columns, scale) && !(right.map { reaches($0.columns, $0.scale) } ?? false)
    }

    /// The plot columns under `span` (x in output pixels), 2 px wider each side; `nil` when none.
    static func columns(under span: ClosedRange<Double>, left: Double, count: Int) -> ClosedRange<Int>? {
        let first = max(0, Int((span.lowerBound - left).rounded(.down)) - 2)
        let last = min(count - 1, Int((span.upperBound - left).rounded(.up)) + 2)
        return first <= last ? first...last : nil
    }
}

extension ChartComposer {
    /// The largest value drawn in each pixel column of the plot (dilated by a column each side), of the
    /// series on the left axis or on the right.
    func computeDataColumns(rightAxis: Bool) -> [Double] {
        if spec.chartType == .bar || (spec.chartType == .area && spec.stacked) {
            // What is drawn is each bucket's (stacked) top across the bucket's width.
            let count = max(1, Int(plot.width.rounded(.up)) + 1)
            var columns = [Double](repeating: -.infinity, count: count)
            let shapes = shapes()
            let tops = spec.stacked ? shapes.stacked().last ?? [] : shapes.sums.reduce(into: [Double]()) { best, values in
                best = best.isEmpty ? values : zip(best, values).map { max($0.isNaN ? -.infinity : $0, $1.isNaN ? -.infinity : $1) }
            }
            for (k, top) in tops.enumerated() where !top.isNaN {
                let first = max(0, Int(xScale(shapes.starts[k]) - plot.minX))
                let last = min(count - 1, Int(xScale(shapes.starts[k] + shapes.width) - plot.minX))
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
                    for i in start..<end where !values[i].isNaN {
                        let column = min(count - 1, max(0, Int(times[i] * slope + offset)))
                        columns[column] = pick(columns[column], values[i])
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
