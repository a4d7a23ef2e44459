import Foundation
import RefChartCore
import RefChartScene

/// Lines, areas and bars, stacked or not: the series layer of the scene, clipped to the plot.
extension LayoutPass {
    func seriesItems() -> [SceneItem] {
        var items: [SceneItem] = [.beginClip(plot.insetBy(-1))]
        switch spec.chartType {
        case .line:
            for (s, runs) in seriesRuns() { items += lineItems(runs, stroke: seriesStroke(s)) }
        case .area where spec.stacked:
            items += stackedAreaItems()
        case .area:
            let base = baselineY
            for (s, runs) in seriesRuns() {
                let stroke = seriesStroke(s)
                for run in runs where run.count > 1 {
                    let shape = run + [Point(x: run.last!.x, y: base), Point(x: run.first!.x, y: base)]
                    items.append(.polygon(points: shape, fill: stroke.color.withAlpha(0.18)))
                }
                items += lineItems(runs, stroke: stroke)
            }
        case .bar:
            items += barItems()
        }
        items.append(.endClip)
        return items
    }

    /// The y of the value axis's zero, or of its lower end when zero is out of view.
    var baselineY: Double {
        yScale(min(max(0, valueTicks.domain.lowerBound), valueTicks.domain.upperBound))
    }

    /// Buckets for bars (sums, about one per 3 px) or stacked areas (means, one per pixel at most).
    /// Computed once per plot width: the value range, the data room and the drawing all ask for them, and
    /// each pass of the layout again (each is a pass over every point).
    func shapes() -> SeriesShapes {
        let bar = spec.chartType == .bar
        let maxBuckets = max(1, Int((xScale.range.upperBound - xScale.range.lowerBound) / (bar ? 3 : 1)))
        return context.shapesCache.shapes(maxBuckets: maxBuckets) {
            SeriesShapes(
                series: Array(spec.series.prefix(Legend.maximumEntries)), domain: domain, bucket: spec.bucket,
                maxBuckets: maxBuckets, calendar: context.calendar, mean: !bar)
        }
    }

    /// The value range bars and stacked areas need: from zero to the largest (summed or stacked) bucket.
    func shapeExtent() -> (Double, Double)? {
        guard spec.chartType == .bar || (spec.chartType == .area && spec.stacked) else { return nil }
        let shapes = shapes()
        let values = (spec.stacked ? shapes.stacked().flatMap { $0.bases + $0.tops } : Array(shapes.sums.joined())).filter { !$0.isNaN }
        guard let low = values.min(), let high = values.max() else { return nil }
        return (min(0, low), max(0, high))
    }

    private func stackedAreaItems() -> [SceneItem] {
        let shapes = shapes()
        let stacked = shapes.stacked()
        let xs = shapes.anchors.map { xScale($0) }
        var items: [SceneItem] = []
        for (s, band) in stacked.enumerated() {
            let top = zip(xs, band.tops).map { Point(x: $0, y: yScale($1)) }
            let base = zip(xs, band.bases).map { Point(x: $0, y: yScale($1)) }
            let stroke = seriesStroke(s)
            items.append(.polygon(points: top + base.reversed(), fill: stroke.color.withAlpha(0.55)))
            items.append(.polyline(points: top, stroke: Stroke(color: stroke.color, width: 1.25, dash: stroke.dash)))
        }
        return items
    }

    private func barItems() -> [SceneItem] {
        let shapes = shapes()
        let count = Double(shapes.sums.count)
        var items: [SceneItem] = []
        let stacked = spec.stacked ? shapes.stacked() : []
        for (s, values) in shapes.sums.enumerated() {
            let color = context.seriesColors[s].withAlpha(s < theme.series.count ? 0.9 : 0.6)
            for (k, value) in values.enumerated() where !value.isNaN && value != 0 {
                // A bar spans its own period: a month's bar is as wide as its month.
                let slot = xScale(shapes.edges[k + 1]) - xScale(shapes.edges[k])
                let left = xScale(shapes.edges[k]) + slot * 0.1
                let rect: Rect
                if spec.stacked {
                    let (bottom, top) = (yScale(stacked[s].bases[k]), yScale(stacked[s].tops[k]))
                    rect = Rect(x: left, y: min(top, bottom), width: max(1, slot * 0.8), height: abs(bottom - top))
                } else {
                    let width = max(1, slot * 0.8 / count)
                    let (zero, end) = (baselineY, yScale(value))
                    rect = Rect(x: left + Double(s) * width, y: min(zero, end), width: width, height: abs(zero - end))
                }
                items.append(.rect(rect, fill: color, stroke: nil, cornerRadius: 0))
            }
        }
        return items
    }
}
