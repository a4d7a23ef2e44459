import Foundation
import RefChartCore
import RefChartScene

/// One attempt at a layout: where the plot, scales, ticks, markers, lanes, badges and footnotes went. A
/// small value (the shared, unchanging part is one ``LayoutContext`` reference), copied for each attempt at
/// moving labels inside the plot and kept when the attempt gives the data more room.
struct LayoutPass {
    let context: LayoutContext

    var width: Double
    var height: Double
    var plot = Rect(x: 0, y: 0, width: 0, height: 0)
    var xScale = LinearScale(domain: 0...1, range: 0...1)
    var yScale = LinearScale(domain: 0...1, range: 0...1, flipped: true)
    var valueTicks = ValueTicks(low: 0, high: 1, count: 5, includeZero: true)
    /// The second value axis's ticks, when series are on it (``ChartSpec/rightAxis``).
    var rightTicks: ValueTicks?
    /// The width the right axis's labels take (0 without one).
    var rightLabelWidth = 0.0
    var timeTicks = TimeTicks(rung: TimeTickRung.ladder[0], ticks: [])
    var markers: [MarkerPlan] = []
    var lanes = 0
    var badges: [BadgeRow.Badge] = []
    var footnotes: [FootnoteRow] = []
    var geometry = VerticalGeometry()
    /// The largest value per plot column, once the x scale is settled: where labels may sit inside the plot.
    var dataColumns: [Double]?
    /// The same for the series on the right axis, in its units.
    var rightDataColumns: [Double]?
    /// Extra value steps above the data's nice top, making room for labels inside the plot.
    var headroomSteps = 0
    /// Labels in lanes inside the plot's bottom, where the data leaves room under it, instead of above
    /// the plot or inside its top: the staircase then costs no height at all.
    var labelsAtBottom = false
    /// The smallest value drawn in each plot column (dilated), for lanes inside the plot's bottom; the
    /// second for the series on the right axis, in its units.
    var dataFloor: [Double]?
    var rightDataFloor: [Double]?
    /// The last pass without room inside the plot, for passes with room to replay (``LabelLadder.Replay``).
    var markerReplay: LabelLadder.Replay?

    init(context: LayoutContext) {
        self.context = context
        width = context.spec.size.width
        height = context.spec.size.height
    }

    /// Finds a consistent layout: the y-axis label width decides the plot's left edge, which moves the
    /// markers, which decide the lanes, which decide the plot height, which decides the value ticks.
    mutating func solve() {
        var labelWidth = valueLabelWidth(plotHeight: height * 0.6)
        var rightWidth = rightLabelWidth
        for _ in 0..<3 {
            let left = style.padding + labelWidth + 8
            let right = width - style.padding - (rightTicks == nil ? 0 : rightWidth + 8)
            xScale = LinearScale(domain: domain, range: left...max(left + 10, right))
            placeMarkers()
            chooseTimeTicks()
            placeVertically()
            let needed = valueLabelWidth(plotHeight: plot.height)
            if needed <= labelWidth && rightLabelWidth <= rightWidth { break }
            labelWidth = max(labelWidth, needed)
            rightWidth = max(rightWidth, rightLabelWidth)
        }
        yScale = valueScale()
        placeLabelsInsidePlot(labelWidth: labelWidth)
        placeLabelsFreely(labelWidth: labelWidth)
    }

    /// Moves labels into the plot's top where the data leaves room, so the lanes above it cost less
    /// height: as the data stands, or with one more value step of headroom. The scale moves as lanes are
    /// freed, so each attempt is checked on its final layout. An attempt is kept only if it badges no more
    /// references than the layout with every label above the plot, and gives the data more pixels.
    private mutating func placeLabelsInsidePlot(labelWidth: Double) {
        guard spec.series.contains(where: { !$0.times.isEmpty }), markers.contains(where: { $0.lane != nil }) else { return }
        let outside = self
        let badged = { (layout: Self) in layout.markers.reduce(0) { $0 + ($1.badge == nil ? 0 : 1) } }
        var best = outside
        // What the data covers depends on the x scale alone, which the attempts share: measured once.
        let columns = computeDataColumns(rightAxis: false)
        let rightColumns = rightAxis.isEmpty ? nil : computeDataColumns(rightAxis: true)
        // Each attempt lays the chart out again: with thousands of references only the data as it stands.
        for headroom in markers.count > 500 ? [0] : [0, 1] {
            var attempt = outside
            attempt.headroomSteps = headroom
            attempt.dataColumns = columns
            attempt.rightDataColumns = rightColumns
            guard attempt.settleInsidePlot(labelWidth: labelWidth), badged(attempt) <= badged(outside) else { continue }
            if attempt.dataHeight > best.dataHeight + 1 { best = attempt }
        }
        // Every label inside the plot's bottom: for lines (bars and areas fill the bottom), when
        // no reference is a badge (the rug strip is there) and every label keeps its full line.
        if spec.chartType == .line && badged(outside) == 0 && markers.count <= Self.fewMarkers {
            var attempt = outside
            attempt.labelsAtBottom = true
            attempt.dataColumns = columns
            attempt.rightDataColumns = rightColumns
            attempt.dataFloor = computeDataFloor(rightAxis: false)
            attempt.rightDataFloor = rightAxis.isEmpty ? nil : computeDataFloor(rightAxis: true)
            if attempt.settleInsidePlot(labelWidth: labelWidth), badged(attempt) == 0, attempt.labelsHaveFullLines,
                attempt.markers.allSatisfy({ $0.lane != nil || $0.badge == nil }), attempt.dataHeight > best.dataHeight + 1
            {
                best = attempt
            }
        }
        self = best
    }

    /// The plot's height less the headroom: the pixels the data's own value range gets.
    var dataHeight: Double {
        let span = valueTicks.domain.upperBound - valueTicks.domain.lowerBound
        guard span > 0 else { return plot.height }
        return plot.height * (1 - Double(headroomSteps) * valueTicks.step / span)
    }

    /// Lays out again with labels allowed inside the plot until the layout stops moving; whether every
    /// label inside the plot then clears the data.
    private mutating func settleInsidePlot(labelWidth: Double) -> Bool {
        for _ in 0..<3 {
            _ = valueLabelWidth(plotHeight: plot.height)
            placeMarkers()
            // With no label inside the plot, the markers are the layout's without room there (the same scale
            // and lanes): no gain to settle for, and with thousands of references a costly settling.
            guard markers.contains(where: { $0.lane.map { $0 >= lanes } ?? false }) else { return false }
            chooseTimeTicks()
            placeVertically()
            guard valueLabelWidth(plotHeight: plot.height) <= labelWidth else { return false }
            yScale = valueScale()
            if inPlotLabelsClear() { return true }
        }
        return false
    }

    /// Chooses the value ticks (both axes') for a plot `plotHeight` high; the width of the left labels.
    mutating func valueLabelWidth(plotHeight: Double) -> Double {
        let (dataLow, dataHigh) = shapeExtent() ?? valueExtent(rightAxis: false)
        valueTicks = ticks(low: dataLow, high: dataHigh, plotHeight: plotHeight, bounds: (spec.yMin, spec.yMax), headroom: headroomSteps)
        if !rightAxis.isEmpty {
            let (low, high) = valueExtent(rightAxis: true)
            // Linear axes share grid lines: the right one gets as many intervals as the left.
            let right =
                spec.logarithmic || valueTicks.values.count < 2
                ? ticks(low: low, high: high, plotHeight: plotHeight, bounds: (nil, nil), headroom: headroomSteps)
                : ValueTicks.aligned(with: valueTicks, low: low, high: high)
            rightTicks = right
            rightLabelWidth = right.values.map { measure(right.label($0), style.axis).width }.max() ?? 0
        }
        return valueTicks.values.map { measure(valueTicks.label($0), style.axis).width }.max() ?? 0
    }

    /// Ticks for data from `low` to `high` on an axis `plotHeight` high, within given bounds.
    private func ticks(
        low dataLow: Double, high dataHigh: Double, plotHeight: Double, bounds: (low: Double?, high: Double?), headroom: Int
    ) -> ValueTicks {
        var (low, high) = (bounds.low ?? dataLow, max(bounds.high ?? dataHigh, bounds.low ?? -.infinity))
        // A zero baseline for bars, areas and lines that come near zero; other lines zoomed to their data
        // (``ValueBaseline``). A given minimum or maximum wins.
        let includeZero =
            bounds.low == nil && !spec.logarithmic && ValueBaseline.includesZero(low: low, high: high, type: spec.chartType)
        if !spec.logarithmic && !includeZero {
            let padded = ValueBaseline.padded(low: low, high: high, includesZero: false)
            (low, high) = (bounds.low ?? padded.low, bounds.high ?? padded.high)
        }
        // As many ticks as fit about every 56 px, and never so many that their labels touch.
        let labelHeight = measure("0", style.axis).height + 2
        var count = max(2, Int(plotHeight / style.valueTickSpacing))
        var ticks: ValueTicks
        repeat {
            ticks =
                spec.logarithmic
                ? ValueTicks.logarithmic(low: low, high: high, count: count).clamped(low: bounds.low, high: bounds.high)
                : ValueTicks(low: low, high: high, count: count, includeZero: includeZero).withHeadroom(headroom)
                    .clamped(low: bounds.low, high: bounds.high)
            count -= 1
        } while count >= 1 && ticks.values.count > 1 && plotHeight / Double(ticks.values.count - 1) < labelHeight
        return ticks
    }

    /// The value axis's scale over the plot's height (the right axis's with `rightAxis`).
    func valueScale(rightAxis: Bool = false) -> LinearScale {
        let ticks = rightAxis ? rightTicks ?? valueTicks : valueTicks
        return LinearScale(domain: ticks.domain, range: plot.minY...plot.maxY, flipped: true, logarithmic: ticks.logarithmic)
    }

    /// The scale series `s` is drawn with.
    func scale(forSeries s: Int) -> LinearScale {
        rightAxis.contains(s) ? valueScale(rightAxis: true) : yScale
    }

    /// The smallest and largest value inside the time domain, of the series on one axis.
    private func valueExtent(rightAxis: Bool) -> (Double, Double) {
        var low = Double.infinity
        var high = -Double.infinity
        for (s, series) in spec.series.prefix(Legend.maximumEntries).enumerated() where self.rightAxis.contains(s) == rightAxis {
            let start = M4Reducer.firstIndex(series.times, atLeast: domain.lowerBound)
            let end = M4Reducer.firstIndex(series.times, above: domain.upperBound)
            for value in series.values[start..<end] where !value.isNaN {
                low = min(low, value)
                high = max(high, value)
            }
        }
        return low <= high ? (low, high) : (0, 1)
    }

    mutating func chooseTimeTicks() {
        let font = style.axis
        timeTicks = TimeTicks.choose(domain: domain, pixelsPerSecond: xScale.slope, calendar: calendar, dataSpacing: context.dataSpacing) {
            metrics.measure($0, font).width
        }
    }
}
